#include "refresh/heldsecretstore.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tether;

// A token set the keychain refuses is held, served, and stored once the keychain is back —
// unless someone stored a newer one meanwhile.
class TestHeldSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void refusedIssuedSet_isHeldAndServed();
    void ordinaryWrite_isNotHeld();
    void keychainBack_storesTheHeldSet();
    void keychainBackDuringAStore_storesAtOnce();
    void newerSetStoredMeanwhile_dropsTheHeldOne();
    void editedClientSecret_isKeptWhenTheHeldSetIsStored();

private:
    SecretResult run(SecretJob *job);
    SecretBundle bundle(qint64 generation, const QString &refreshToken) const;

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::MemorySecretStore> m_keychain;
    std::unique_ptr<HeldSecretStore> m_held;
    const QString m_id = QStringLiteral("acct");
};

void TestHeldSecretStore::init()
{
    m_held.reset();
    m_keychain = std::make_unique<test::MemorySecretStore>();
    m_held = std::make_unique<HeldSecretStore>(*m_keychain);
    m_keychain->items.insert(m_id, bundle(1, QStringLiteral("rt-1")));
}

SecretResult TestHeldSecretStore::run(SecretJob *job)
{
    QSignalSpy done(job, &SecretJob::secretJobFinished);
    if (!done.wait(5000))
        return SecretResult::failed(Failure::unexpected(QStringLiteral("never finished")));
    return done.constFirst().constFirst().value<SecretResult>();
}

SecretBundle TestHeldSecretStore::bundle(qint64 generation, const QString &refreshToken) const
{
    SecretBundle b;
    b.clientSecret = QStringLiteral("secret");
    b.generation = generation;
    TokenSet t;
    t.accessToken = QStringLiteral("at-") + QString::number(generation);
    t.refreshToken = refreshToken;
    b.tokens = t;
    return b;
}

void TestHeldSecretStore::refusedIssuedSet_isHeldAndServed()
{
    m_keychain->mode = test::MemorySecretStore::Mode::Locked;
    const SecretResult written = run(m_held->writeIssued(m_id, bundle(2, QStringLiteral("rt-2"))));
    QCOMPARE(written.status, SecretResult::Status::Ok);
    QVERIFY(written.held);
    QCOMPARE(written.failure.kind, FailureKind::Keychain); // why, for the account's status
    QVERIFY(m_held->holds(m_id));
    const SecretResult read = run(m_held->read(m_id));
    QCOMPARE(read.status, SecretResult::Status::Ok);
    QCOMPARE(read.bundle->tokens->refreshToken, QStringLiteral("rt-2")); // never rt-1 again
    QCOMPARE(m_keychain->reads, 0);
}

void TestHeldSecretStore::ordinaryWrite_isNotHeld()
{
    m_keychain->mode = test::MemorySecretStore::Mode::FailWrites;
    const SecretResult written = run(m_held->write(m_id, bundle(2, QStringLiteral("rt-2"))));
    QCOMPARE(written.status, SecretResult::Status::Failed);
    QVERIFY(!m_held->holds(m_id));
}

void TestHeldSecretStore::keychainBack_storesTheHeldSet()
{
    m_keychain->mode = test::MemorySecretStore::Mode::Locked;
    run(m_held->writeIssued(m_id, bundle(2, QStringLiteral("rt-2"))));
    QSignalSpy stored(m_held.get(), &HeldSecretStore::heldSetStored);
    m_held->retry(); // still locked: kept
    QVERIFY(!stored.wait(200));
    QVERIFY(m_held->holds(m_id));

    m_keychain->mode = test::MemorySecretStore::Mode::Normal;
    m_held->retry();
    QVERIFY(stored.wait(5000));
    QCOMPARE(stored.constFirst().constFirst().toString(), m_id);
    QVERIFY(!m_held->holds(m_id));
    QCOMPARE(m_keychain->items.value(m_id).generation, 2);
    QCOMPARE(m_keychain->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-2"));
}

void TestHeldSecretStore::keychainBackDuringAStore_storesAtOnce()
{
    m_keychain->mode = test::MemorySecretStore::Mode::FailWrites;
    run(m_held->writeIssued(m_id, bundle(2, QStringLiteral("rt-2"))));
    const int scheduled = m_held->retriesScheduled();
    QSignalSpy stored(m_held.get(), &HeldSecretStore::heldSetStored);
    // The keychain comes back while a store's write is failing: it says so before the failure
    // reaches the held store.
    m_keychain->onWrite = [this] {
        m_keychain->onWrite = nullptr;
        m_keychain->mode = test::MemorySecretStore::Mode::Normal;
        m_held->retry();
    };
    m_held->retry();
    QVERIFY(stored.wait(5000));
    // Stored by the attempt the change asked for, not by the backoff timer.
    QCOMPARE(m_held->retriesScheduled(), scheduled);
    QCOMPARE(m_keychain->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-2"));
}

void TestHeldSecretStore::newerSetStoredMeanwhile_dropsTheHeldOne()
{
    m_keychain->mode = test::MemorySecretStore::Mode::FailWrites;
    run(m_held->writeIssued(m_id, bundle(2, QStringLiteral("rt-2"))));
    // Meanwhile a sign-in in another process stored a newer set.
    m_keychain->mode = test::MemorySecretStore::Mode::Normal;
    m_keychain->items.insert(m_id, bundle(3, QStringLiteral("rt-fresh")));
    QSignalSpy dropped(m_held.get(), &HeldSecretStore::heldSetDropped);
    m_held->retry();
    QVERIFY(dropped.wait(5000));
    QVERIFY(!m_held->holds(m_id));
    QCOMPARE(m_keychain->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-fresh"));
}

void TestHeldSecretStore::editedClientSecret_isKeptWhenTheHeldSetIsStored()
{
    m_keychain->mode = test::MemorySecretStore::Mode::FailWrites;
    run(m_held->writeIssued(m_id, bundle(2, QStringLiteral("rt-2"))));
    m_keychain->mode = test::MemorySecretStore::Mode::Normal;
    SecretBundle edited = bundle(1, QStringLiteral("rt-1"));
    edited.clientSecret = QStringLiteral("new-secret"); // `tether edit` elsewhere: same generation
    m_keychain->items.insert(m_id, edited);
    QSignalSpy stored(m_held.get(), &HeldSecretStore::heldSetStored);
    m_held->retry();
    QVERIFY(stored.wait(5000));
    QCOMPARE(m_keychain->items.value(m_id).clientSecret, QStringLiteral("new-secret"));
    QCOMPARE(m_keychain->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-2"));
}

QTEST_GUILESS_MAIN(TestHeldSecretStore)
#include "tst_heldsecretstore.moc"
