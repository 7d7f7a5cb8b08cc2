#include "keychainsecretstore.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace tether {

namespace {

Failure keychainFailure(const QString &code, const QString &message)
{
    return {FailureKind::Keychain, code, message, std::nullopt, 0};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{
    if (const int ms = qEnvironmentVariableIntValue("TETHER_KEYCHAIN_TIMEOUT_MS"); ms > 0)
        m_watchdogMs = ms;
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("Secret Service (D-Bus)");
#endif
}

SecretJob *KeychainSecretStore::read(const QString &accountId)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(accountId);
    return run(job, Kind::Read);
}

SecretJob *KeychainSecretStore::write(const QString &accountId, const SecretBundle &bundle)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(accountId);
    job->setTextData(QString::fromUtf8(bundle.serialize()));
    return run(job, Kind::Write);
}

SecretJob *KeychainSecretStore::remove(const QString &accountId)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(accountId);
    return run(job, Kind::Remove);
}

SecretJob *KeychainSecretStore::run(QKeychain::Job *job, Kind kind)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    auto *handle = new SecretJob(this);
    auto *watchdog = new QTimer(handle);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, handle, [handle, this] {
        handle->complete({SecretResult::Status::Failed, std::nullopt,
                          keychainFailure(QStringLiteral("keychain_timeout"),
                                          QStringLiteral("the keychain did not answer within %1 s; "
                                                         "it may be locked or waiting for a prompt")
                                                  .arg(m_watchdogMs / 1000))});
    });
    connect(job, &QKeychain::Job::finished, handle, [handle, kind](QKeychain::Job *done) {
        SecretResult result;
        // libsecret reports a bus on which nothing provides the Secret Service as OtherError.
        const bool noService =
                done->error() == QKeychain::OtherError
                && done->errorString().contains(QLatin1String("org.freedesktop.secrets"));
        switch (noService ? QKeychain::NoBackendAvailable : done->error()) {
        case QKeychain::NoError:
            result.status = SecretResult::Status::Ok;
            if (kind == Kind::Read) {
                QString error;
                const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
                result.bundle = SecretBundle::deserialize(reader->binaryData(), &error);
                if (!result.bundle) {
                    result.status = SecretResult::Status::Failed;
                    result.failure =
                            keychainFailure(QStringLiteral("keychain_item_unreadable"), error);
                }
            }
            break;
        case QKeychain::EntryNotFound:
            // A locked keychain whose unlock prompt failed answers this too: the caller decides,
            // knowing from the registry whether an item should exist.
            result.status = kind == Kind::Remove ? SecretResult::Status::Ok
                                                 : SecretResult::Status::NotFound;
            break;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            result.failure = keychainFailure(QStringLiteral("keychain_locked"),
                                             QStringLiteral("the keychain refused access (%1); "
                                                            "unlock it and try again")
                                                     .arg(done->errorString()));
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            result.failure =
                    keychainFailure(QStringLiteral("keychain_unavailable"),
                                    QStringLiteral("no keychain is available (%1); start "
                                                   "a Secret Service such as gnome-keyring")
                                            .arg(done->errorString()));
            break;
        default:
            result.failure = keychainFailure(
                    QStringLiteral("keychain_error"),
                    QStringLiteral("the keychain failed: %1").arg(done->errorString()));
            break;
        }
        handle->complete(result);
    });
    watchdog->start(m_watchdogMs);
    job->start();
    return handle;
}

} // namespace tether
