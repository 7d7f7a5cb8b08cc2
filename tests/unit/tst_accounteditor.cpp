#include "accounts/accounteditor.h"
#include "accounts/accountregistry.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tether;

// Adding, editing, importing, disconnecting and removing accounts: secrets first, then the
// registry, and nothing half-done.
class TestAccountEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void add_storesTheSecretThenTheAccount();
    void add_invalidSettings_storeNothing_data();
    void add_invalidSettings_storeNothing();
    void add_twice_isRefused();
    void edit_replacesTheSecretKeepingTheTokens();
    void edit_isValidatedLikeAdd();
    void edit_nothingToChange_isBadInput();
    void import_storesATokenSet();
    void import_malformed_changesNothing();
    void import_repairsAnItemDeletedFromAnUnlockedKeychain();
    void disconnect_withoutRevocation_saysTheTokensStayValid();
    void disconnect_revokesAtTheProvider();
    void disconnect_unconfirmedRevocation_isANote();
    void remove_withALockedKeychain_keepsTheAccount();

private:
    Outcome run(const std::function<void(const Done &)> &operation);
    void addWise(const QString &revocation = {});
    Account stored() const;

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::TestEngine> m_parts; // the registry, keychain and HTTP client
    test::MemorySecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry = nullptr;
    TokenClient *m_tokens = nullptr;
    std::unique_ptr<AccountEditor> m_service;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    test::ManualClock m_clock;
    const QString m_id = QStringLiteral("acct");
};

void TestAccountEditor::init()
{
    m_parts = std::make_unique<test::TestEngine>();
    m_secrets = &m_parts->secrets;
    m_registry = &m_parts->registry;
    m_tokens = &m_parts->tokens;
    m_service = std::make_unique<AccountEditor>(
            Engine{m_registry, m_secrets, m_tokens, &m_catalog, &m_clock, {}});
}

void TestAccountEditor::cleanup()
{
    m_service.reset();
}

Outcome TestAccountEditor::run(const std::function<void(const Done &)> &operation)
{
    std::optional<Outcome> result;
    operation({this, [&result](const Outcome &outcome) { result = outcome; }});
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return Outcome::failed(Failure::unexpected(QStringLiteral("never finished")));
    return *result;
}

void TestAccountEditor::addWise(const QString &revocation)
{
    AccountConfig c;
    c.id = m_id;
    c.provider = QStringLiteral("wise");
    c.clientId = QStringLiteral("client");
    c.revocationEndpoint = revocation;
    const Outcome added = run(
            [&](const Done &done) { m_service->addAccount(c, QStringLiteral("secret"), done); });
    QVERIFY2(added.ok(), qPrintable(added.failure ? added.failure->message : QString()));
}

Account TestAccountEditor::stored() const
{
    Account a;
    if (const auto failure = m_registry->loadAccount(m_id, &a))
        qWarning("%s", qPrintable(failure->message));
    return a;
}

void TestAccountEditor::add_storesTheSecretThenTheAccount()
{
    addWise();
    QCOMPARE(m_secrets->items.value(m_id).clientSecret, QStringLiteral("secret"));
    QVERIFY(!m_secrets->items.value(m_id).tokens);
    const Account a = stored();
    QCOMPARE(a.config.name, m_id); // the id when no name was given
    QCOMPARE(a.status.state, AccountState::NotConnected);
    QVERIFY(a.status.hasClientSecret);
}

void TestAccountEditor::add_invalidSettings_storeNothing_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("tokenEndpoint");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown provider") << "nope"
                                      << "c"
                                      << "" << true << "provider";
    QTest::newRow("no client id") << "wise"
                                  << ""
                                  << "" << true << "client-id";
    QTest::newRow("no secret for basic") << "wise"
                                         << "c"
                                         << "" << false << "client-secret-stdin";
    QTest::newRow("plain http") << "wise"
                                << "c"
                                << "http://wise.example/token" << true << "allow-insecure-http";
    QTest::newRow("tenant missing") << "auth0"
                                    << "c"
                                    << "" << false << "issuer";
}

void TestAccountEditor::add_invalidSettings_storeNothing()
{
    QFETCH(QString, provider);
    QFETCH(QString, clientId);
    QFETCH(QString, tokenEndpoint);
    QFETCH(bool, secret);
    AccountConfig c;
    c.id = m_id;
    c.provider = provider;
    c.clientId = clientId;
    c.tokenEndpoint = tokenEndpoint;
    const Outcome outcome = run([&](const Done &done) {
        m_service->addAccount(c, secret ? std::optional(QStringLiteral("s")) : std::nullopt, done);
    });
    QVERIFY(outcome.failure);
    QCOMPARE(outcome.failure->kind, FailureKind::BadInput);
    QTEST(outcome.failure->field, "field");
    QVERIFY(!outcome.failure->message.contains(QStringLiteral("--"))); // words, not options
    QVERIFY(m_secrets->items.isEmpty());
    QVERIFY(!QFile::exists(m_registry->path()));
}

void TestAccountEditor::add_twice_isRefused()
{
    addWise();
    AccountConfig c;
    c.id = m_id;
    c.provider = QStringLiteral("wise");
    c.clientId = QStringLiteral("other");
    const Outcome again = run([&](const Done &done) {
        m_service->addAccount(c, QStringLiteral("other-secret"), done);
    });
    QCOMPARE(again.failure->code, QStringLiteral("account_exists"));
    QCOMPARE(m_secrets->items.value(m_id).clientSecret, QStringLiteral("secret")); // untouched
}

void TestAccountEditor::edit_replacesTheSecretKeepingTheTokens()
{
    addWise();
    QVERIFY(run([&](const Done &done) {
                m_service->importTokens(
                        m_id, R"({"access_token":"at","refresh_token":"rt","expires_in":600})",
                        done);
            }).ok());
    const int writes = m_secrets->writes;
    const qint64 generation = m_secrets->items.value(m_id).generation;
    AccountEdit edit;
    edit.clientSecret = QStringLiteral("new-secret");
    edit.scope = QStringLiteral("transfers");
    const Outcome outcome =
            run([&](const Done &done) { m_service->editAccount(m_id, edit, done); });
    QVERIFY2(outcome.ok(), qPrintable(outcome.failure ? outcome.failure->message : QString()));
    QCOMPARE(m_secrets->writes, writes + 1); // one keychain write
    const SecretBundle bundle = m_secrets->items.value(m_id);
    QCOMPARE(bundle.clientSecret, QStringLiteral("new-secret"));
    QCOMPARE(bundle.tokens->refreshToken, QStringLiteral("rt"));
    QCOMPARE(bundle.generation, generation); // the tokens did not change
    QCOMPARE(stored().config.scope, QStringLiteral("transfers"));
    QCOMPARE(stored().status.state, AccountState::Connected);
}

void TestAccountEditor::edit_isValidatedLikeAdd()
{
    addWise();
    AccountEdit edit;
    edit.tokenEndpoint = QStringLiteral("http://wise.example/token");
    const Outcome outcome =
            run([&](const Done &done) { m_service->editAccount(m_id, edit, done); });
    QCOMPARE(outcome.failure->code, QStringLiteral("insecure_endpoint"));
    QCOMPARE(stored().config.tokenEndpoint, QString());
}

void TestAccountEditor::edit_nothingToChange_isBadInput()
{
    addWise();
    const Outcome outcome = run([&](const Done &done) { m_service->editAccount(m_id, {}, done); });
    QCOMPARE(outcome.failure->kind, FailureKind::BadInput);
}

void TestAccountEditor::import_storesATokenSet()
{
    addWise();
    const Outcome outcome = run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"at","refresh_token":"rt"})", done);
    });
    QVERIFY(outcome.ok());
    const SecretBundle bundle = m_secrets->items.value(m_id);
    QCOMPARE(bundle.tokens->accessToken, QStringLiteral("at"));
    QCOMPARE(bundle.clientSecret, QStringLiteral("secret"));
    const Account a = stored();
    QCOMPARE(a.status.state, AccountState::Connected);
    QCOMPARE(a.status.generation, bundle.generation);
    // Wise's default lifetime (12 h), without expires_in; the refresh planned at 3/4 of it.
    QCOMPARE(m_clock.nowUtc().secsTo(a.status.accessExpiresAt), 43200);
    QCOMPARE(m_clock.nowUtc().secsTo(a.status.nextRefreshAt), 32400);
}

void TestAccountEditor::import_malformed_changesNothing()
{
    addWise();
    const QByteArray registry = [&] {
        QFile f(m_registry->path());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Outcome outcome = run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"AT\r\nX-Injected: yes"})", done);
    });
    QCOMPARE(outcome.failure->kind, FailureKind::BadInput);
    QVERIFY(!m_secrets->items.value(m_id).tokens);
    QFile f(m_registry->path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), registry);
}

void TestAccountEditor::import_repairsAnItemDeletedFromAnUnlockedKeychain()
{
    addWise();
    QVERIFY(run([&](const Done &done) {
                m_service->importTokens(m_id, R"({"access_token":"at","refresh_token":"rt"})",
                                        done);
            }).ok());
    m_secrets->items.clear(); // a reset keyring: the collection is unlocked, the item gone
    const Outcome outcome = run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"at2","refresh_token":"rt2"})", done);
    });
    QVERIFY2(outcome.ok(), qPrintable(outcome.failure ? outcome.failure->message : QString()));
    QCOMPARE(m_secrets->items.value(m_id).tokens->accessToken, QStringLiteral("at2"));
    QVERIFY(m_secrets->items.value(m_id).generation > 1); // never behind the registry
}

void TestAccountEditor::disconnect_withoutRevocation_saysTheTokensStayValid()
{
    addWise();
    run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"at","refresh_token":"rt"})", done);
    });
    const Outcome outcome =
            run([&](const Done &done) { m_service->disconnectAccount(m_id, done); });
    QVERIFY(outcome.ok());
    QVERIFY(outcome.summary.contains(QStringLiteral("offers no revocation")));
    QVERIFY(outcome.summary.contains(QStringLiteral("stay valid")));
    QVERIFY(!m_secrets->items.value(m_id).tokens);
    QCOMPARE(m_secrets->items.value(m_id).clientSecret, QStringLiteral("secret"));
    QCOMPARE(stored().status.state, AccountState::NotConnected);
}

void TestAccountEditor::disconnect_revokesAtTheProvider()
{
    test::HttpStub stub;
    stub.enqueue({test::HttpStub::response(200, "text/plain", "")});
    stub.enqueue({test::HttpStub::response(200, "text/plain", "")});
    addWise(stub.url(QStringLiteral("/revoke")).toString());
    run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"at","refresh_token":"rt"})", done);
    });
    const Outcome outcome =
            run([&](const Done &done) { m_service->disconnectAccount(m_id, done); });
    QVERIFY(outcome.ok());
    // Both, each with its hint (RFC 7009 §2.1), and the one line says so.
    QVERIFY(outcome.summary.contains(QStringLiteral("revoked its refresh token and its access "
                                                    "token")));
    QVERIFY(outcome.notes.isEmpty());
    QCOMPARE(stub.requests.size(), 2);
    QVERIFY(stub.requests.at(0).contains("token=rt&token_type_hint=refresh_token"));
    QVERIFY(stub.requests.at(1).contains("token=at&token_type_hint=access_token"));
    QVERIFY(!m_secrets->items.value(m_id).tokens);
}

void TestAccountEditor::disconnect_unconfirmedRevocation_isANote()
{
    test::HttpStub stub;
    stub.enqueueJson(503, R"({"error":"temporarily_unavailable"})");
    stub.enqueueJson(503, R"({"error":"temporarily_unavailable"})");
    addWise(stub.url(QStringLiteral("/revoke")).toString());
    run([&](const Done &done) {
        m_service->importTokens(m_id, R"({"access_token":"at","refresh_token":"rt"})", done);
    });
    const Outcome outcome =
            run([&](const Done &done) { m_service->disconnectAccount(m_id, done); });
    QVERIFY(outcome.ok()); // forgotten here all the same
    QVERIFY(outcome.summary.contains(QStringLiteral("may stay valid")));
    QCOMPARE(outcome.notes.size(), 1);
    QVERIFY(outcome.notes.constFirst().contains(QStringLiteral("could not be told to revoke")));
    QVERIFY(!m_secrets->items.value(m_id).tokens);
}

void TestAccountEditor::remove_withALockedKeychain_keepsTheAccount()
{
    addWise();
    m_secrets->mode = test::MemorySecretStore::Mode::Locked;
    const Outcome outcome = run([&](const Done &done) { m_service->removeAccount(m_id, done); });
    QCOMPARE(outcome.failure->kind, FailureKind::Keychain);
    QCOMPARE(stored().config.id, m_id); // kept, so that its keychain item is not orphaned
    m_secrets->mode = test::MemorySecretStore::Mode::Normal;
    QVERIFY(run([&](const Done &done) { m_service->removeAccount(m_id, done); }).ok());
    QVERIFY(m_secrets->items.isEmpty());
    Account gone;
    QCOMPARE(m_registry->loadAccount(m_id, &gone)->code, QStringLiteral("unknown_account"));
}

QTEST_GUILESS_MAIN(TestAccountEditor)
#include "tst_accounteditor.moc"
