#include "accounts/accountlock.h"
#include "accounts/accountregistry.h"
#include "accounts/statusmirror.h"
#include "cli/quicktoken.h"
#include "cli/storedtoken.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/heldsecretstore.h"
#include "refresh/refreshoperation.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace tether;

// The refresh sequence's decisions, with the keychain in memory and a scripted token endpoint.
// The same sequence runs against a real keyring and the seed-faithful server in the
// integration tests.
class TestRefreshOperation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void success_writesKeychainThenRegistry();
    void validToken_ifNeeded_sendsNothing();
    void lockedKeychain_changesNothingAndSendsNothing();
    void invalidGrant_clearsTokensButKeepsClientSecret();
    void rateLimited_keepsTokensAndHonoursRetryAfter();
    void invalidClient_keepsTokensAndStopsRetrying();
    void expiredRefreshToken_isNeverSent();
    void singleUse_keychainFailsAfterRotation_oldTokenNeverSentAgain();
    void singleUse_lostAnswer_needsReconnectWithoutResending();
    void forced_afterAnotherProcessRefreshed_doesNotSpendTheNewToken();
    void answers_classified_data();
    void answers_classified();
    void quickToken_answersOnlyWhatTheFullCommandWould_data();
    void quickToken_answersOnlyWhatTheFullCommandWould();

private:
    RefreshResult run(RefreshOperation::Mode mode = RefreshOperation::Mode::Force,
                      SecretStore *secrets = nullptr);
    Engine engine(SecretStore *secrets = nullptr) const
    {
        return {m_registry, secrets ? secrets : m_secrets, m_tokens, &m_catalog, &m_clock, {}};
    }
    std::optional<QString> quickToken();
    std::optional<QString> plainToken(const QByteArray &registry);
    void addAccount(const QString &provider, const QString &refreshToken,
                    qint64 accessLifetime = 600);
    Account stored() const;

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::HttpStub> m_stub;
    std::unique_ptr<test::TestEngine> m_parts; // the registry, keychain and HTTP client
    test::MemorySecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry = nullptr;
    TokenClient *m_tokens = nullptr;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    test::ManualClock m_clock{
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc())};
    const QString m_id = QStringLiteral("acct");
};

void TestRefreshOperation::init()
{
    m_stub = std::make_unique<test::HttpStub>();
    m_parts = std::make_unique<test::TestEngine>();
    m_secrets = &m_parts->secrets;
    m_registry = &m_parts->registry;
    m_tokens = &m_parts->tokens;
}

void TestRefreshOperation::cleanup()
{
    m_parts.reset();
    m_stub.reset();
}

void TestRefreshOperation::addAccount(const QString &provider, const QString &refreshToken,
                                      qint64 accessLifetime)
{
    const Account a =
            test::connectedAccount(engine(), *m_secrets, m_id, provider, m_stub->url(),
                                   test::issuedTokens(QStringLiteral("at-1"), refreshToken,
                                                      m_clock.nowUtc(), accessLifetime));
    QVERIFY(!m_registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
        list.append(a);
        return std::nullopt;
    }));
}

Account TestRefreshOperation::stored() const
{
    QList<Account> accounts;
    if (const auto failure = m_registry->load(&accounts))
        qWarning("%s", qPrintable(failure->message));
    return accounts.value(0);
}

RefreshResult TestRefreshOperation::run(RefreshOperation::Mode mode, SecretStore *secrets)
{
    RefreshOperation operation(engine(secrets), m_id, mode);
    QSignalSpy spy(&operation, &RefreshOperation::refreshFinished);
    operation.start();
    if (!spy.wait(15000)) {
        RefreshResult never;
        never.failure = Failure::unexpected(QStringLiteral("the operation never finished"));
        return never;
    }
    return spy.constFirst().constFirst().value<RefreshResult>();
}

std::optional<QString> TestRefreshOperation::quickToken()
{
    QuickToken quick(*m_registry, m_catalog, *m_secrets, m_clock);
    std::optional<QString> token;
    bool finished = false;
    connect(&quick, &QuickToken::quickTokenFinished, this,
            [&](const std::optional<QString> &accessToken, const std::optional<Failure> &failure) {
                token = failure ? QStringLiteral("failure: ") + failure->code : accessToken;
                finished = true;
            });
    quick.start(m_id);
    if (!QTest::qWaitFor([&] { return finished; }, 15000))
        return QStringLiteral("never finished");
    return token;
}

// What the executable's own read (cli/storedtoken.cpp) makes of the same registry and keychain
// item: its decisions, with the keychain's outcome and the lock as storedtoken::read sees them.
std::optional<QString> TestRefreshOperation::plainToken(const QByteArray &registry)
{
    const auto ready = storedtoken::readyAccount(registry.toStdString(), m_id.toStdString());
    if (!ready || !storedtoken::builtInProvider(ready->provider)
        || m_secrets->mode != test::MemorySecretStore::Mode::Normal
        || !m_secrets->items.contains(m_id))
        return std::nullopt;
    const auto token =
            storedtoken::goodAccessToken(m_secrets->items.value(m_id).serialize().toStdString(),
                                         ready->generation, m_clock.nowUtc().toMSecsSinceEpoch());
    if (!token || AccountLock::heldElsewhere(m_id))
        return std::nullopt;
    return QString::fromStdString(*token);
}

void TestRefreshOperation::success_writesKeychainThenRegistry()
{
    addAccount(QStringLiteral("pagero"), QStringLiteral("rt-1"));
    m_stub->enqueueJson(
            200,
            R"({"token_type":"bearer","access_token":"at-2","refresh_token":"rt-2","expires_in":600})");
    const RefreshResult result = run();
    QVERIFY2(!result.failure, qPrintable(result.failure ? result.failure->message : QString()));
    QVERIFY(result.exchanged);
    QCOMPARE(result.tokens.accessToken, QStringLiteral("at-2"));
    const SecretBundle bundle = m_secrets->items.value(m_id);
    QCOMPARE(bundle.tokens->refreshToken, QStringLiteral("rt-2"));
    QCOMPARE(bundle.generation, 2);
    QCOMPARE(bundle.clientSecret, QStringLiteral("secret"));
    const Account a = stored();
    QCOMPARE(a.status.state, AccountState::Connected);
    QCOMPARE(a.status.generation, 2);
    QCOMPARE(a.status.inFlightGeneration, -1);
    QCOMPARE(a.status.accessExpiresAt, bundle.tokens->accessExpiresAt);
    QCOMPARE(a.status.lastRefreshAt, m_clock.nowUtc());
    QVERIFY(m_stub->requests.constFirst().contains("refresh_token=rt-1"));
}

void TestRefreshOperation::validToken_ifNeeded_sendsNothing()
{
    addAccount(QStringLiteral("wise"), QStringLiteral("rt-1"), 3600);
    const RefreshResult result = run(RefreshOperation::Mode::IfNeeded);
    QVERIFY(!result.failure);
    QVERIFY(!result.exchanged);
    QCOMPARE(result.tokens.accessToken, QStringLiteral("at-1"));
    QCOMPARE(m_stub->connections, 0);
}

void TestRefreshOperation::lockedKeychain_changesNothingAndSendsNothing()
{
    addAccount(QStringLiteral("wise"), QStringLiteral("rt-1"));
    QFile file(m_registry->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    m_secrets->mode = test::MemorySecretStore::Mode::Locked;
    const RefreshResult result = run();
    QCOMPARE(result.failure->kind, FailureKind::Keychain);
    QCOMPARE(result.failure->code, QStringLiteral("keychain_locked"));
    QCOMPARE(m_stub->connections, 0);
    file.seek(0);
    QCOMPARE(file.readAll(), before);
}

void TestRefreshOperation::invalidGrant_clearsTokensButKeepsClientSecret()
{
    addAccount(QStringLiteral("wise"), QStringLiteral("rt-1"), 0);
    m_stub->enqueueJson(400, R"({"error":"invalid_grant","error_description":"revoked"})");
    const RefreshResult result = run();
    QCOMPARE(result.failure->kind, FailureKind::Reconnect);
    const SecretBundle bundle = m_secrets->items.value(m_id);
    QVERIFY(!bundle.tokens);
    QCOMPARE(bundle.clientSecret, QStringLiteral("secret"));
    const Account a = stored();
    QCOMPARE(a.status.state, AccountState::NeedsReconnect);
    QCOMPARE(a.status.lastError->code, QStringLiteral("invalid_grant"));
    QVERIFY(!a.status.hasTokens);
    QVERIFY(a.status.hasClientSecret);
}

void TestRefreshOperation::rateLimited_keepsTokensAndHonoursRetryAfter()
{
    addAccount(QStringLiteral("wise"), QStringLiteral("rt-1"));
    m_stub->enqueueJson(429, R"({"error":"slow_down"})", "Retry-After: 42\r\n");
    const RefreshResult result = run();
    QCOMPARE(result.failure->kind, FailureKind::Temporary);
    QCOMPARE(m_secrets->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-1"));
    QCOMPARE(m_secrets->writes, 0);
    const Account a = stored();
    QCOMPARE(a.status.state, AccountState::Retrying);
    QCOMPARE(a.status.nextRefreshAt, m_clock.nowUtc().addSecs(42));
    QCOMPARE(a.status.consecutiveFailures, 1);
    QVERIFY(a.status.hasTokens);
}

void TestRefreshOperation::invalidClient_keepsTokensAndStopsRetrying()
{
    addAccount(QStringLiteral("wise"), QStringLiteral("rt-1"));
    m_stub->enqueueJson(401, R"({"error":"invalid_client"})");
    const RefreshResult result = run();
    QCOMPARE(result.failure->kind, FailureKind::Configuration);
    const Account a = stored();
    QCOMPARE(a.status.state, AccountState::NeedsReconnect); // never "connected" while refused
    QVERIFY(!a.status.nextRefreshAt.isValid());
    QCOMPARE(a.status.lastError->code, QStringLiteral("invalid_client"));
    QCOMPARE(m_secrets->items.value(m_id).tokens->refreshToken, QStringLiteral("rt-1"));
}

void TestRefreshOperation::expiredRefreshToken_isNeverSent()
{
    addAccount(QStringLiteral("aiia"), QStringLiteral("opaque"), 0);
    SecretBundle bundle = m_secrets->items.value(m_id);
    bundle.tokens->refreshExpiresAt = m_clock.nowUtc().addSecs(-1);
    m_secrets->items.insert(m_id, bundle);
    const RefreshResult result = run();
    QCOMPARE(result.failure->code, QStringLiteral("refresh_token_expired"));
    QCOMPARE(m_stub->connections, 0);
    QCOMPARE(stored().status.state, AccountState::NeedsReconnect);
}

void TestRefreshOperation::singleUse_keychainFailsAfterRotation_oldTokenNeverSentAgain()
{
    addAccount(QStringLiteral("pagero"), QStringLiteral("rt-1"), 0);
    m_stub->enqueueJson(200, R"({"access_token":"at-2","refresh_token":"rt-2","expires_in":600})");
    m_secrets->mode = test::MemorySecretStore::Mode::FailWrites;
    RefreshResult result = run();
    QCOMPARE(result.failure->kind, FailureKind::Keychain);
    QCOMPARE(stored().status.inFlightGeneration, 1);

    m_secrets->mode = test::MemorySecretStore::Mode::Normal;
    result = run();
    QCOMPARE(result.failure->kind, FailureKind::Reconnect);
    QCOMPARE(result.failure->code, QStringLiteral("refresh_answer_lost"));
    QCOMPARE(m_stub->requests.size(), 1); // rt-1 went out once, ever
    QCOMPARE(stored().status.state, AccountState::NeedsReconnect);
    QVERIFY(m_secrets->items.value(m_id).tokens == std::nullopt
            || m_secrets->items.value(m_id).tokens->refreshToken.isEmpty());
}

void TestRefreshOperation::singleUse_lostAnswer_needsReconnectWithoutResending()
{
    addAccount(QStringLiteral("pagero"), QStringLiteral("rt-1"), 0);
    m_stub->enqueue({"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                     "90\r\n\r\n{\"acc",
                     false, true, 0});
    RefreshResult result = run();
    QCOMPARE(result.failure->code, QStringLiteral("refresh_answer_lost"));
    result = run();
    QCOMPARE(result.failure->kind, FailureKind::Reconnect);
    QCOMPARE(m_stub->requests.size(), 1);
}

void TestRefreshOperation::forced_afterAnotherProcessRefreshed_doesNotSpendTheNewToken()
{
    addAccount(QStringLiteral("pagero"), QStringLiteral("rt-1"), 600);
    AccountLock other(m_id); // another process holds the account
    QSignalSpy locked(&other, &AccountLock::lockAcquired);
    other.acquire(1000);
    QVERIFY(locked.count() == 1 || locked.wait());

    RefreshOperation operation(engine(), m_id, RefreshOperation::Mode::Force);
    QSignalSpy finished(&operation, &RefreshOperation::refreshFinished);
    operation.start(); // reads generation 1, then waits for the lock

    // ... meanwhile the other process refreshes and stores generation 2.
    SecretBundle bundle = m_secrets->items.value(m_id);
    bundle.generation = 2;
    bundle.tokens->refreshToken = QStringLiteral("rt-2");
    bundle.tokens->accessToken = QStringLiteral("at-2");
    m_secrets->items.insert(m_id, bundle);
    QVERIFY(!m_registry->modifyAccount(
            m_id, [&](Account &a) { mirrorBundle(a.status, bundle, engine()); }));
    other.release();

    QVERIFY(finished.wait());
    const auto result = finished.constFirst().constFirst().value<RefreshResult>();
    QVERIFY(!result.failure);
    QVERIFY(!result.exchanged);
    QCOMPARE(result.tokens.accessToken, QStringLiteral("at-2"));
    QCOMPARE(m_stub->connections, 0);
}

void TestRefreshOperation::answers_classified_data()
{
    // PRODUCT.md's table: every OAuth error code (and the answers without one) x whether the
    // account refreshed before -> state, exit code, what happens to the tokens, and whether it
    // tries again on its own. "kept": both tokens as before; "refresh dropped": the refresh
    // token goes, the still-valid access token stays.
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("refreshedBefore");
    QTest::addColumn<AccountState>("state");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<bool>("retries");

    struct Row
    {
        const char *name;
        int status;
        const char *body;
        AccountState state;
        int exitBefore; // exit code when the account refreshed before
        int exitFirst; // ... and when this was its first refresh
        const char *tokens;
        bool retries;
    };
    const auto reconnect = AccountState::NeedsReconnect;
    const auto retrying = AccountState::Retrying;
    const Row rows[] = {
            {"invalid_grant", 400, R"({"error":"invalid_grant"})", reconnect, 3, 3,
             "refresh dropped", false},
            {"invalid_request", 400, R"({"error":"invalid_request"})", reconnect, 3, 2, "kept",
             false},
            {"unauthorized_client", 400, R"({"error":"unauthorized_client"})", reconnect, 3, 2,
             "kept", false},
            {"invalid_scope", 400, R"({"error":"invalid_scope"})", reconnect, 3, 2, "kept", false},
            {"unsupported_grant_type", 400, R"({"error":"unsupported_grant_type"})", reconnect, 3,
             2, "kept", false},
            {"an unknown code", 400, R"({"error":"session_gone"})", reconnect, 3, 2, "kept", false},
            {"invalid_client", 401, R"({"error":"invalid_client"})", reconnect, 2, 2, "kept",
             false},
            {"400 without a code", 400, R"({"message":"bad"})", reconnect, 3, 2, "kept", false},
            {"401 without a code", 401, R"({"message":"no"})", reconnect, 3, 2, "kept", false},
            {"403 without a code", 403, R"({})", retrying, 4, 4, "kept", true},
            {"404", 404, R"({})", retrying, 4, 4, "kept", true},
            {"429", 429, R"({})", retrying, 4, 4, "kept", true},
            {"500", 500, R"({"error":"server_error"})", retrying, 4, 4, "kept", true},
            {"503", 503, R"({})", retrying, 4, 4, "kept", true},
    };
    for (const Row &row : rows) {
        for (const bool before : {true, false}) {
            QTest::addRow("%s, %s", row.name, before ? "refreshed before" : "first refresh")
                    << row.status << QByteArray(row.body) << before << row.state
                    << (before ? row.exitBefore : row.exitFirst) << QString::fromLatin1(row.tokens)
                    << row.retries;
        }
    }
}

void TestRefreshOperation::answers_classified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, refreshedBefore);
    QFETCH(AccountState, state);
    QFETCH(int, exitCode);
    QFETCH(QString, tokens);
    QFETCH(bool, retries);

    addAccount(QStringLiteral("aiia"), QStringLiteral("rt-1"), 3600);
    if (refreshedBefore)
        QVERIFY(!m_registry->modifyAccount(
                m_id, [&](Account &a) { a.status.lastRefreshAt = m_clock.nowUtc().addDays(-1); }));
    m_stub->enqueueJson(status, body);
    const RefreshResult result = run();
    QVERIFY(result.failure);
    QCOMPARE(exitCodeFor(*result.failure), exitCode);
    const Account a = stored();
    QCOMPARE(a.status.state, state);
    QCOMPARE(a.status.nextRefreshAt.isValid(), retries);
    const TokenSet set = *m_secrets->items.value(m_id).tokens;
    QCOMPARE(set.accessToken, QStringLiteral("at-1"));
    QCOMPARE(set.refreshToken.isEmpty(), tokens == QLatin1String("refresh dropped"));
}

void TestRefreshOperation::quickToken_answersOnlyWhatTheFullCommandWould_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<bool>("decides"); // a token to print or a keychain failure to report
    // Whether the executable's own read without Qt (cli/storedtoken.h) prints it: never where
    // the full command would not, and it leaves a refresh in flight to the command module.
    QTest::addColumn<bool>("plain");
    QTest::newRow("fresh token") << "fresh" << true << true;
    QTest::newRow("within the safety margin") << "due" << false << false;
    QTest::newRow("expired") << "expired" << false << false;
    // The stored access token stays valid while a rotating refresh is under way elsewhere ...
    QTest::newRow("single-use refresh marked in flight") << "in-flight" << true << false;
    // ... but not at a provider that kills it when the refresh succeeds (Wise).
    QTest::newRow("refresh in flight, previous token dies") << "in-flight-dies" << false << false;
    QTest::newRow("registry behind the keychain") << "lagging" << true << true;
    QTest::newRow("needs reconnect, access token kept") << "reconnect" << true << true;
    QTest::newRow("provider profile gone") << "no-profile" << false << false;
    QTest::newRow("account locked by a refresh") << "locked" << false << false;
    QTest::newRow("keychain locked") << "keychain-locked" << false << false;
    QTest::newRow("keychain unavailable") << "keychain-unavailable" << true << false;
    QTest::newRow("unknown account") << "unknown" << false << false;
}

void TestRefreshOperation::quickToken_answersOnlyWhatTheFullCommandWould()
{
    // `tether token` answers by itself (cli/quicktoken.h) only where the full command would
    // print the stored token without sending or changing anything; everywhere else it leaves
    // the decision to the full command.
    QFETCH(QString, situation);
    QFETCH(bool, decides);
    const bool singleUse = situation == QLatin1String("in-flight");
    if (situation != QLatin1String("unknown"))
        addAccount(singleUse ? QStringLiteral("pagero") : QStringLiteral("wise"),
                   QStringLiteral("rt-1"), situation == QLatin1String("fresh") ? 3600 : 600);
    auto change = [&](const std::function<void(Account &)> &f) {
        QVERIFY(!m_registry->modifyAccount(m_id, f));
    };
    AccountLock other(m_id);
    if (situation == QLatin1String("due"))
        m_clock.advance(590);
    if (situation == QLatin1String("expired"))
        m_clock.advance(700);
    if (situation == QLatin1String("in-flight") || situation == QLatin1String("in-flight-dies"))
        change([](Account &a) { a.status.inFlightGeneration = 1; });
    if (situation == QLatin1String("lagging"))
        m_secrets->items[m_id].generation = 2;
    if (situation == QLatin1String("reconnect"))
        change([](Account &a) { a.status.state = AccountState::NeedsReconnect; });
    if (situation == QLatin1String("no-profile"))
        change([](Account &a) { a.config.provider = QStringLiteral("gone"); });
    if (situation == QLatin1String("keychain-locked"))
        m_secrets->mode = test::MemorySecretStore::Mode::Locked;
    if (situation == QLatin1String("keychain-unavailable"))
        m_secrets->mode = test::MemorySecretStore::Mode::Unavailable;
    if (situation == QLatin1String("locked")) {
        other.acquire(1000);
        QTRY_VERIFY(other.isHeld());
    }

    const QByteArray registryBefore = [&] {
        QFile f(m_registry->path());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const std::optional<QString> quick = quickToken();
    QCOMPARE(quick.has_value(), decides);
    QFETCH(bool, plain);
    const std::optional<QString> stored = plainToken(registryBefore);
    QCOMPARE(stored.has_value(), plain);
    if (stored)
        QCOMPARE(*stored, *quick);
    if (!decides)
        return;
    other.release();
    m_stub->enqueueJson(500, R"({"error":"unexpected"})");
    const RefreshResult full = run(RefreshOperation::Mode::IfNeeded);
    if (quick->startsWith(QLatin1String("failure: "))) { // reported as the full command would
        QVERIFY(full.failure);
        QCOMPARE(*quick, QStringLiteral("failure: ") + full.failure->code);
    } else {
        QVERIFY(!full.failure);
        QVERIFY(!full.exchanged);
        QCOMPARE(*quick, full.tokens.accessToken);
    }
    QCOMPARE(m_stub->connections, 0);
    QFile f(m_registry->path());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), registryBefore);
}

QTEST_GUILESS_MAIN(TestRefreshOperation)
#include "tst_refreshoperation.moc"
