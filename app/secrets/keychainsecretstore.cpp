#include "keychainsecretstore.h"

#include "core/busdaemon.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QTimer>
#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#include <dlfcn.h>
#endif

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
};

Failure keychainFailure(const QString &code, const QString &message)
{
    return Failure::keychain(code, message);
}

// libsecret keeps one connection to the Secret Service per process, with the encryption session
// it opened there. When the daemon restarts (gnome-keyring-daemon --replace, a crash and
// reactivation), every later call fails against the gone session, for as long as the process
// lives; QtKeychain does not reset it. After a failure this drops it, so that the next job
// connects afresh. (libsecret is loaded by QtKeychain; when it is not, there is nothing to drop.)
void forgetSecretServiceConnection()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    void *libsecret = ::dlopen("libsecret-1.so.0", RTLD_LAZY | RTLD_NOLOAD);
    if (!libsecret)
        return;
    using Disconnect = void (*)();
    if (auto disconnect =
                reinterpret_cast<Disconnect>(::dlsym(libsecret, "secret_service_disconnect")))
        disconnect();
    ::dlclose(libsecret);
#endif
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
    connect(watchdog, &QTimer::timeout, handle, [handle, this, kind] {
        forgetSecretServiceConnection();
        // QtKeychain cannot cancel the job: a change already on its way may still be made when
        // the keychain answers. That is safe (a token set carries its generation, and the newer
        // of the keychain and the registry wins on the next read; a removal only does late what
        // was asked), but it is said, so that nobody takes "failed" for "nothing happened".
        handle->complete(SecretResult::failed(keychainFailure(
                QStringLiteral("keychain_timeout"),
                kind == Kind::Read
                        ? Text::tr("the keychain did not answer within %1 s; it may be locked or "
                                   "waiting for a prompt")
                                  .arg(m_watchdogMs / 1000)
                        : Text::tr("the keychain did not answer within %1 s; it may be locked or "
                                   "waiting for a prompt, and may still make the change once it "
                                   "answers")
                                  .arg(m_watchdogMs / 1000))));
    });
    connect(job, &QKeychain::Job::finished, handle, [this, handle, kind](QKeychain::Job *done) {
        SecretResult result;
        const QString detail = done->errorString();
        // libsecret reports a missing bus, service or collection as OtherError in GLib's words,
        // which come in the user's language: find out from the bus itself what is missing.
        if (done->error() == QKeychain::OtherError) {
            forgetSecretServiceConnection(); // a restarted daemon: libsecret's link is stale
            return completeDiagnosed(
                    handle, detail,
                    keychainFailure(QStringLiteral("keychain_error"),
                                    Text::tr("the keychain failed: %1").arg(detail)));
        }
        switch (done->error()) {
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
            // A locked keychain whose unlock prompt failed answers this too: ask the collection.
            // The caller decides, knowing from the registry whether an item should exist.
            if (kind == Kind::Read)
                return completeNotFound(handle);
            result.status = kind == Kind::Remove ? SecretResult::Status::Ok
                                                 : SecretResult::Status::NotFound;
            break;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            result.failure = keychainFailure(QStringLiteral("keychain_locked"),
                                             Text::tr("the keychain refused access (%1); unlock "
                                                      "it and try again")
                                                     .arg(done->errorString()));
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            result.failure =
                    keychainFailure(QStringLiteral("keychain_unavailable"),
                                    Text::tr("no keychain is available (%1); start a Secret "
                                             "Service such as gnome-keyring")
                                            .arg(done->errorString()));
            break;
        default:
            forgetSecretServiceConnection();
            result.failure =
                    keychainFailure(QStringLiteral("keychain_error"),
                                    Text::tr("the keychain failed: %1").arg(done->errorString()));
            break;
        }
        handle->complete(result);
    });
    watchdog->start(m_watchdogMs);
    job->start();
    return handle;
}

void KeychainSecretStore::completeDiagnosed(SecretJob *handle, const QString &detail,
                                            const Failure &otherwise)
{
    auto fail = [handle](const Failure &failure) {
        SecretResult result;
        result.failure = failure;
        handle->complete(result);
    };
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) // no session bus: a console or SSH login, a minimal system
        return fail(keychainFailure(
                QStringLiteral("keychain_unavailable"),
                Text::tr("no keychain can be reached: there is no D-Bus session bus (%1); run "
                         "Tether in a desktop session, which starts a Secret Service such as "
                         "gnome-keyring")
                        .arg(detail)));
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const auto noService = keychainFailure(
            QStringLiteral("keychain_unavailable"),
            Text::tr("no keychain is available (%1); start a Secret Service such as gnome-keyring")
                    .arg(detail));
    // Is anything there to answer (running, or started on demand)? Then: has it a default
    // collection to file items in?
    auto *owned = new QDBusPendingCallWatcher(
            bus.asyncCall(busDaemonCall(QStringLiteral("NameHasOwner"), {service}), m_watchdogMs),
            handle);
    connect(owned, &QDBusPendingCallWatcher::finished, handle, [=]() mutable {
        owned->deleteLater();
        auto checkCollection = [=]() mutable {
            QDBusMessage alias = QDBusMessage::createMethodCall(
                    service, QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
            alias << QStringLiteral("default");
            auto *read = new QDBusPendingCallWatcher(bus.asyncCall(alias, m_watchdogMs), handle);
            connect(read, &QDBusPendingCallWatcher::finished, handle, [=] {
                read->deleteLater();
                const QDBusPendingReply<QDBusObjectPath> path = *read;
                if (path.isValid() && path.value().path() == QLatin1String("/"))
                    return fail(keychainFailure(
                            QStringLiteral("keychain_unavailable"),
                            Text::tr("the keychain has no collection to keep secrets in (%1); "
                                     "create a default keyring, for example with Seahorse, and "
                                     "unlock it")
                                    .arg(detail)));
                fail(otherwise);
            });
        };
        const QDBusPendingReply<bool> running = *owned;
        if (running.isValid() && running.value())
            return checkCollection();
        auto *names = new QDBusPendingCallWatcher(
                bus.asyncCall(busDaemonCall(QStringLiteral("ListActivatableNames")), m_watchdogMs),
                handle);
        connect(names, &QDBusPendingCallWatcher::finished, handle, [=]() mutable {
            names->deleteLater();
            const QDBusPendingReply<QStringList> activatable = *names;
            if (!activatable.isValid() || !activatable.value().contains(service))
                return fail(noService);
            checkCollection();
        });
    });
}

void KeychainSecretStore::completeNotFound(SecretJob *handle)
{
    // The collection QtKeychain (libsecret) files items in: the default one.
    QDBusMessage get = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(
            QDBusConnection::sessionBus().asyncCall(get, m_watchdogMs), handle);
    connect(watcher, &QDBusPendingCallWatcher::finished, handle, [handle, watcher] {
        watcher->deleteLater();
        SecretResult result;
        result.status = SecretResult::Status::NotFound;
        const QDBusPendingReply<QDBusVariant> reply = *watcher;
        if (reply.isValid() && reply.value().variant().canConvert<bool>())
            result.collectionLocked = reply.value().variant().toBool();
        handle->complete(result);
    });
}

} // namespace tether
