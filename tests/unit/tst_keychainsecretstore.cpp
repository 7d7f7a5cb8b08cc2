#include "secrets/keychainsecretstore.h"
#include "support/printers.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>

#include <dlfcn.h>

using namespace tether;

namespace {

const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kDefaultPath = QStringLiteral("/org/freedesktop/secrets/aliases/default");

// A Secret Service stand-in on a bus that can activate nothing (tests/support/bare-session.conf),
// driven through QtKeychain and libsecret exactly as the real one: it answers in whichever way
// the test needs to see classified.
class SecretService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Secret.Service")

public:
    enum class Mode {
        Locked, // the item is there, in a locked collection
        Empty, // no such item, the collection is unlocked
        Failing, // every session refused: libsecret's error, in its words
        NoCollection, // failing, and no default collection either
        Stalled, // never answers
    };
    Mode mode = Mode::Empty;

public Q_SLOTS:
    QDBusVariant OpenSession(const QString &algorithm, const QDBusVariant &, QDBusObjectPath &path)
    {
        if (mode == Mode::Stalled) {
            setDelayedReply(true); // and never reply
            return {};
        }
        if (mode == Mode::Failing || mode == Mode::NoCollection) {
            sendErrorReply(QStringLiteral("org.freedesktop.DBus.Error.Failed"),
                           QStringLiteral("the stand-in refuses sessions"));
            return {};
        }
        if (algorithm != QLatin1String("plain")) { // libsecret then asks for a plain one
            sendErrorReply(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                           QStringLiteral("plain only"));
            return {};
        }
        path = QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/session/s1"));
        return QDBusVariant(QVariant(QString()));
    }
    QList<QDBusObjectPath> SearchItems(const QMap<QString, QString> &,
                                       QList<QDBusObjectPath> &locked)
    {
        if (mode == Mode::Locked)
            locked = {
                    QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login/1"))};
        return {};
    }
    QList<QDBusObjectPath> Unlock(const QList<QDBusObjectPath> &, QDBusObjectPath &prompt)
    {
        prompt = QDBusObjectPath(QStringLiteral("/")); // nothing unlocked, and no prompt
        return {};
    }
    QDBusObjectPath ReadAlias(const QString &)
    {
        return QDBusObjectPath(mode == Mode::NoCollection ? QStringLiteral("/") : kDefaultPath);
    }
};

class Collection : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Secret.Collection")
    Q_PROPERTY(bool Locked READ locked CONSTANT)

public:
    bool isLocked = false;
    bool locked() const { return isLocked; }
};

} // namespace

// KeychainSecretStore's classification of what the keychain answers: not there, locked, no
// item, no collection, an error, no answer at all. Each a Keychain failure (or NotFound, with
// whether the collection is locked), never "logged out".
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void noSecretService_isUnavailable();
    void lockedCollection_notFound_saysLocked();
    void noItem_notFound_inAnUnlockedCollection();
    void refusedSession_isAKeychainError();
    void noDefaultCollection_saysSo();
    void stalled_tripsTheWatchdog_andAWriteMayStillLand(); // last: the stalled job stays queued

private:
    SecretResult run(SecretJob *job);
    void serve(SecretService::Mode mode, bool collectionLocked = false);

    QDBusConnection m_serviceBus{QString()};
    SecretService m_service;
    Collection m_collection;
    bool m_serving = false;
};

void TestKeychainSecretStore::initTestCase()
{
    // Found by name when the objects are exported (out-parameters too).
    qRegisterMetaType<QDBusObjectPath>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
    qDBusRegisterMetaType<QList<QDBusObjectPath>>();
    m_serviceBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                 QStringLiteral("secret-service"));
    QVERIFY(m_serviceBus.isConnected());
    QVERIFY(m_serviceBus.registerObject(kServicePath, &m_service, QDBusConnection::ExportAllSlots));
    QVERIFY(m_serviceBus.registerObject(kDefaultPath, &m_collection,
                                        QDBusConnection::ExportAllProperties));
}

// Each test meets the stand-in afresh: libsecret keeps its connection and session for the
// process, as it would across a daemon restart (the store drops it only after a failure).
void TestKeychainSecretStore::init()
{
    if (void *libsecret = ::dlopen("libsecret-1.so.0", RTLD_LAZY | RTLD_NOLOAD)) {
        using Disconnect = void (*)();
        if (auto disconnect =
                    reinterpret_cast<Disconnect>(::dlsym(libsecret, "secret_service_disconnect")))
            disconnect();
        ::dlclose(libsecret);
    }
}

void TestKeychainSecretStore::serve(SecretService::Mode mode, bool collectionLocked)
{
    m_service.mode = mode;
    m_collection.isLocked = collectionLocked;
    if (!m_serving)
        QVERIFY(m_serviceBus.registerService(kSecrets));
    m_serving = true;
}

SecretResult TestKeychainSecretStore::run(SecretJob *job)
{
    QSignalSpy finished(job, &SecretJob::secretJobFinished);
    if (!finished.wait(15'000)) {
        SecretResult never;
        never.failure = Failure::unexpected(QStringLiteral("never finished"));
        return never;
    }
    return finished.constFirst().constFirst().value<SecretResult>();
}

void TestKeychainSecretStore::noSecretService_isUnavailable()
{
    KeychainSecretStore store(QStringLiteral("tether-test"));
    const SecretResult result = run(store.read(QStringLiteral("acct")));
    QCOMPARE(result.status, SecretResult::Status::Failed);
    QCOMPARE(result.failure.kind, FailureKind::Keychain);
    QCOMPARE(result.failure.code, QStringLiteral("keychain_unavailable"));
    QVERIFY2(result.failure.message.contains(QStringLiteral("no keychain is available")),
             qPrintable(result.failure.message));
    QVERIFY(result.failure.message.contains(QStringLiteral("gnome-keyring")));
}

void TestKeychainSecretStore::lockedCollection_notFound_saysLocked()
{
    serve(SecretService::Mode::Locked, true);
    KeychainSecretStore store(QStringLiteral("tether-test"));
    const SecretResult result = run(store.read(QStringLiteral("acct")));
    QVERIFY2(result.status == SecretResult::Status::NotFound, qPrintable(result.failure.message));
    QCOMPARE(result.collectionLocked, std::optional<bool>(true)); // maybe there: never "gone"
}

void TestKeychainSecretStore::noItem_notFound_inAnUnlockedCollection()
{
    serve(SecretService::Mode::Empty, false);
    KeychainSecretStore store(QStringLiteral("tether-test"));
    const SecretResult result = run(store.read(QStringLiteral("acct")));
    QVERIFY2(result.status == SecretResult::Status::NotFound, qPrintable(result.failure.message));
    QCOMPARE(result.collectionLocked, std::optional<bool>(false));
}

void TestKeychainSecretStore::refusedSession_isAKeychainError()
{
    serve(SecretService::Mode::Failing);
    KeychainSecretStore store(QStringLiteral("tether-test"));
    const SecretResult result = run(store.read(QStringLiteral("acct")));
    QCOMPARE(result.status, SecretResult::Status::Failed);
    QCOMPARE(result.failure.kind, FailureKind::Keychain);
    QCOMPARE(result.failure.code, QStringLiteral("keychain_error"));
    QVERIFY2(result.failure.message.startsWith(QStringLiteral("the keychain failed: ")),
             qPrintable(result.failure.message));
}

void TestKeychainSecretStore::noDefaultCollection_saysSo()
{
    serve(SecretService::Mode::NoCollection);
    KeychainSecretStore store(QStringLiteral("tether-test"));
    const SecretResult result = run(store.read(QStringLiteral("acct")));
    QCOMPARE(result.status, SecretResult::Status::Failed);
    QCOMPARE(result.failure.code, QStringLiteral("keychain_unavailable"));
    QVERIFY2(result.failure.message.contains(QStringLiteral("no collection")),
             qPrintable(result.failure.message));
}

void TestKeychainSecretStore::stalled_tripsTheWatchdog_andAWriteMayStillLand()
{
    serve(SecretService::Mode::Stalled);
    KeychainSecretStore store(QStringLiteral("tether-test"));
    store.setWatchdog(1000);
    const SecretResult read = run(store.read(QStringLiteral("acct")));
    QCOMPARE(read.status, SecretResult::Status::Failed);
    QVERIFY2(read.failure.code == QLatin1String("keychain_timeout"),
             qPrintable(read.failure.message));
    QVERIFY(read.failure.message.contains(QStringLiteral("did not answer within 1 s")));
    QVERIFY(!read.failure.message.contains(QStringLiteral("may still")));
    SecretBundle bundle;
    bundle.clientSecret = QStringLiteral("s");
    const SecretResult write = run(store.write(QStringLiteral("acct"), bundle));
    QCOMPARE(write.failure.code, QStringLiteral("keychain_timeout"));
    QVERIFY(write.failure.message.contains(QStringLiteral("may still make the change")));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
