#include "accounts/accounteditor.h"
#include "accounts/accountregistry.h"
#include "accounts/statusmirror.h"
#include "core/filelock.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/heldsecretstore.h"
#include "refresh/refreshcoordinator.h"
#include "refresh/refreshqueue.h"
#include "refresh/scheduler.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/manualwaketimer.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace tether;

// The service's own work, on a clock that moves only when told: when it refreshes, how it
// retries, what it does while the keychain is locked, and what it answers from memory.
class TestRefreshCoordinator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void start_armsOneTimerForTheEarliestDeadline();
    void dueRefresh_runsAndTheNextIsNeverWithinThirtySeconds();
    void temporaryFailures_retryWithBackoff_neverUnscheduled_data();
    void temporaryFailures_retryWithBackoff_neverUnscheduled();
    void refusalAfterRefreshing_asksTheUserAndIsNotRetried();
    void lockedKeychain_pausesTheAccountUntilItChanges();
    void refusedWrite_isHeldServedAndStoredWhenTheKeychainReturns();
    void token_isAnsweredFromMemory();
    void token_duringARefresh_waitsForTheNewOne();
    void expiryNotices_comeOnceEach();
    void expiryNotices_notForAnEndTheNextRefreshMoves_untilRefreshingFails();
    void drain_waitsForTheRefreshUnderWay();
    void anotherProcessChangedTheRegistry_isSeenBeforeAnswering();
    void unsavedOutcome_keepsTheAccountScheduledFromMemory_andSaysSo();

private:
    void addAccount(const QString &id, const QString &provider, qint64 lifetime,
                    const QDateTime &refreshExpiresAt = {});
    void startService(SecretStore *secrets = nullptr, HeldSecretStore *held = nullptr);
    Account stored(const QString &id) const;
    void fireAt(const QDateTime &when);
    RefreshResult token(const QString &id);
    Engine engine(SecretStore *secrets) const
    {
        return {m_registry, secrets ? secrets : m_secrets, m_tokens, &m_catalog, &m_clock, {}};
    }

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::HttpStub> m_stub;
    std::unique_ptr<test::TestEngine> m_parts; // the registry, keychain and HTTP client
    test::MemorySecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry = nullptr;
    TokenClient *m_tokens = nullptr;
    std::unique_ptr<test::ManualWakeTimer> m_timer;
    std::unique_ptr<RefreshCoordinator> m_service;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    test::ManualClock m_clock{
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc())};
};

void TestRefreshCoordinator::init()
{
    m_stub = std::make_unique<test::HttpStub>();
    m_parts = std::make_unique<test::TestEngine>();
    m_secrets = &m_parts->secrets;
    m_registry = &m_parts->registry;
    m_tokens = &m_parts->tokens;
    m_timer = std::make_unique<test::ManualWakeTimer>();
}

void TestRefreshCoordinator::cleanup()
{
    m_service.reset();
    m_parts.reset();
    m_stub.reset();
}

void TestRefreshCoordinator::addAccount(const QString &id, const QString &provider, qint64 lifetime,
                                        const QDateTime &refreshExpiresAt)
{
    TokenSet set = test::issuedTokens(id + QStringLiteral("-at-1"), id + QStringLiteral("-rt-1"),
                                      m_clock.nowUtc(), lifetime);
    set.refreshExpiresAt = refreshExpiresAt;
    const Account a =
            test::connectedAccount(engine(nullptr), *m_secrets, id, provider, m_stub->url(), set);
    QVERIFY(!m_registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
        list.append(a);
        return std::nullopt;
    }));
}

void TestRefreshCoordinator::startService(SecretStore *secrets, HeldSecretStore *held)
{
    m_service = std::make_unique<RefreshCoordinator>(engine(secrets), held, m_timer.get());
    m_service->start();
}

Account TestRefreshCoordinator::stored(const QString &id) const
{
    Account a;
    if (const auto failure = m_registry->loadAccount(id, &a))
        qWarning("%s", qPrintable(failure->message));
    return a;
}

void TestRefreshCoordinator::fireAt(const QDateTime &when)
{
    m_clock.advanceMs(std::max<qint64>(0, m_clock.nowUtc().msecsTo(when)));
    m_timer->fire();
}

RefreshResult TestRefreshCoordinator::token(const QString &id)
{
    std::optional<RefreshResult> result;
    m_service->refresh(id, RefreshOperation::Mode::IfNeeded,
                       {this, [&result](const RefreshResult &r) { result = r; }});
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000)) {
        RefreshResult never;
        never.failure = Failure::unexpected(QStringLiteral("never answered"));
        return never;
    }
    return *result;
}

void TestRefreshCoordinator::start_armsOneTimerForTheEarliestDeadline()
{
    addAccount(QStringLiteral("slow"), QStringLiteral("wise"), 3600);
    addAccount(QStringLiteral("fast"), QStringLiteral("wise"), 600);
    const int arms = m_timer->arms;
    startService();
    QCOMPARE(m_timer->arms - arms, 1); // one arm for the whole set
    QCOMPARE(m_timer->deadline, stored(QStringLiteral("fast")).status.nextRefreshAt);
    QCOMPARE(m_clock.nowUtc().secsTo(m_timer->deadline), 450); // 3/4 of 600 s
    QCOMPARE(m_service->scheduler()->size(), 2);
}

void TestRefreshCoordinator::dueRefresh_runsAndTheNextIsNeverWithinThirtySeconds()
{
    addAccount(QStringLiteral("a"), QStringLiteral("pagero"), 1); // a provider of 1 s tokens
    startService();
    m_stub->enqueueJson(200,
                        R"({"access_token":"a-at-2","refresh_token":"a-rt-2","expires_in":1})");
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    QVERIFY(!finished.constFirst().at(1).value<RefreshResult>().failure);
    QTRY_COMPARE(stored(QStringLiteral("a")).status.generation, 2);
    QTRY_VERIFY(m_timer->isArmed());
    QCOMPARE(m_clock.nowUtc().secsTo(m_timer->deadline), 30); // not a storm
    QCOMPARE(m_stub->requests.size(), 1);
}

void TestRefreshCoordinator::temporaryFailures_retryWithBackoff_neverUnscheduled_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("code");
    QTest::newRow("503") << test::HttpStub::response(503, "application/json", "{}")
                         << "server_error";
    QTest::newRow("404") << test::HttpStub::response(404, "text/plain", "no")
                         << "endpoint_not_found";
    QTest::newRow("redirect") << test::HttpStub::response(302, "text/plain", "",
                                                          "Location: https://x.example/\r\n")
                              << "redirected";
    QTest::newRow("unknown status")
            << test::HttpStub::response(418, "text/plain", "teapot") << "unexpected_answer";
}

void TestRefreshCoordinator::temporaryFailures_retryWithBackoff_neverUnscheduled()
{
    QFETCH(QByteArray, response);
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 600);
    startService();
    m_stub->enqueue({response});
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    QTEST(finished.constFirst().at(1).value<RefreshResult>().failure->code, "code");
    QTRY_COMPARE(stored(QStringLiteral("a")).status.state, AccountState::Retrying);
    const Account a = stored(QStringLiteral("a"));
    QVERIFY(a.status.nextRefreshAt.isValid());
    QTRY_COMPARE(m_timer->deadline, a.status.nextRefreshAt);
    QVERIFY(m_clock.nowUtc().secsTo(m_timer->deadline) >= 30);
    QCOMPARE(m_secrets->items.value(QStringLiteral("a")).tokens->refreshToken,
             QStringLiteral("a-rt-1"));
}

void TestRefreshCoordinator::refusalAfterRefreshing_asksTheUserAndIsNotRetried()
{
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 600);
    QVERIFY(!m_registry->modifyAccount(QStringLiteral("a"), [&](Account &a) {
        a.status.lastRefreshAt = m_clock.nowUtc().addSecs(-3600);
    }));
    startService();
    m_stub->enqueueJson(400, R"({"error":"invalid_request","error_description":"no session"})");
    QSignalSpy reconnect(m_service.get(), &RefreshCoordinator::needsReconnect);
    fireAt(m_timer->deadline);
    QVERIFY(reconnect.wait());
    const Failure why = reconnect.constFirst().at(1).value<Failure>();
    QCOMPARE(why.kind, FailureKind::Reconnect);
    QVERIFY(why.message.contains(QStringLiteral("no session"))); // the server's words
    QTRY_COMPARE(stored(QStringLiteral("a")).status.state, AccountState::NeedsReconnect);
    // Once the service has read the outcome back (a re-arm would come from there) ...
    QTRY_COMPARE(m_service->account(QStringLiteral("a"))->status.state,
                 AccountState::NeedsReconnect);
    QVERIFY(!m_timer->isArmed()); // ... it is not retried on its own ...
    QCOMPARE(m_service->scheduler()->deadline(QStringLiteral("refresh/a")), QDateTime());
    QCOMPARE(m_secrets->items.value(QStringLiteral("a")).tokens->refreshToken,
             QStringLiteral("a-rt-1")); // ... and every token kept
}

void TestRefreshCoordinator::lockedKeychain_pausesTheAccountUntilItChanges()
{
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 600);
    startService();
    m_secrets->mode = test::MemorySecretStore::Mode::Locked;
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    QCOMPARE(finished.constFirst().at(1).value<RefreshResult>().failure->kind,
             FailureKind::Keychain);
    QVERIFY(m_timer->isArmed());
    QVERIFY(m_clock.nowUtc().secsTo(m_timer->deadline) >= 30); // paused, not spinning
    QCOMPARE(m_stub->connections, 0);

    m_secrets->mode = test::MemorySecretStore::Mode::Normal;
    m_stub->enqueueJson(200, R"({"access_token":"a-at-2","expires_in":600})");
    m_service->keychainChanged(); // the collection was unlocked
    QCOMPARE(m_timer->deadline, m_clock.nowUtc()); // at once
    m_timer->fire();
    QVERIFY(finished.wait());
    QVERIFY(!finished.at(1).at(1).value<RefreshResult>().failure);
}

void TestRefreshCoordinator::refusedWrite_isHeldServedAndStoredWhenTheKeychainReturns()
{
    addAccount(QStringLiteral("a"), QStringLiteral("pagero"), 600); // single-use tokens
    HeldSecretStore held(*m_secrets);
    startService(&held, &held);
    m_secrets->mode = test::MemorySecretStore::Mode::FailWrites; // locked while the answer came
    m_stub->enqueueJson(200,
                        R"({"access_token":"a-at-2","refresh_token":"a-rt-2","expires_in":600})");
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    const RefreshResult result = finished.constFirst().at(1).value<RefreshResult>();
    QVERIFY(!result.failure);
    QVERIFY(result.held);
    QVERIFY(held.holds(QStringLiteral("a")));
    QTRY_COMPARE(stored(QStringLiteral("a")).status.lastError->code, QStringLiteral("tokens_held"));
    QCOMPARE(stored(QStringLiteral("a")).status.inFlightGeneration, 1);

    // The new token is what is handed out, and the spent one is never sent again.
    QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-2"));
    QCOMPARE(m_stub->requests.size(), 1);

    m_secrets->mode = test::MemorySecretStore::Mode::Normal;
    m_service->keychainChanged();
    QTRY_VERIFY(!held.holds(QStringLiteral("a")));
    QCOMPARE(m_secrets->items.value(QStringLiteral("a")).tokens->refreshToken,
             QStringLiteral("a-rt-2"));
    QTRY_COMPARE(stored(QStringLiteral("a")).status.inFlightGeneration, -1);
    QVERIFY(!stored(QStringLiteral("a")).status.lastError);
}

void TestRefreshCoordinator::token_isAnsweredFromMemory()
{
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 3600);
    startService();
    QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-1"));
    const int reads = m_secrets->reads;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-1"));
    QCOMPARE(m_secrets->reads, reads); // the keychain is not asked again
    QCOMPARE(m_stub->connections, 0);
}

void TestRefreshCoordinator::token_duringARefresh_waitsForTheNewOne()
{
    // Wise kills the previous access token when it issues a new one.
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 3600);
    startService();
    m_stub->enqueueJson(200, R"({"access_token":"a-at-2","expires_in":3600})");
    std::optional<RefreshResult> forced;
    m_service->refresh(QStringLiteral("a"), RefreshOperation::Mode::Force,
                       {this, [&forced](const RefreshResult &r) { forced = r; }});
    QVERIFY(m_service->queue()->isRunning(QStringLiteral("a")));
    QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-2"));
    QTRY_VERIFY(forced.has_value());
    QCOMPARE(m_stub->requests.size(), 1);
}

void TestRefreshCoordinator::expiryNotices_comeOnceEach()
{
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 43200,
               m_clock.nowUtc().addSecs(2 * 86400 + 60)); // inside the three-day window
    startService();
    QSignalSpy notices(m_service.get(), &RefreshCoordinator::refreshTokenExpiring);
    m_timer->fire(); // the three-day notice is due at once
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.constFirst().at(2).toInt(), 3);
    m_service->reload(); // a re-read of the registry does not repeat it
    m_timer->fire();
    QCOMPARE(notices.size(), 1);
    fireAt(m_clock.nowUtc().addSecs(86400 + 60)); // one day before the end
    QCOMPARE(notices.size(), 2);
    QCOMPARE(notices.at(1).at(2).toInt(), 1);
}

void TestRefreshCoordinator::expiryNotices_notForAnEndTheNextRefreshMoves_untilRefreshingFails()
{
    // Pagero's refresh token lives three years from its last use: the refresh planned in ten
    // minutes renews it, so an end two days away is no reason to warn.
    addAccount(QStringLiteral("a"), QStringLiteral("pagero"), 600,
               m_clock.nowUtc().addSecs(2 * 86400));
    startService();
    QSignalSpy notices(m_service.get(), &RefreshCoordinator::refreshTokenExpiring);
    m_timer->fire();
    QVERIFY(m_timer->deadline > m_clock.nowUtc()); // the next refresh, not a notice
    QCOMPARE(notices.size(), 0);
    // Refreshing fails: the end may now come before any refresh renews it.
    m_stub->enqueue({test::HttpStub::response(503, "application/json", "{}")});
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    // Once the service has read the outcome back, the notice is due at once.
    QTRY_COMPARE(m_service->account(QStringLiteral("a"))->status.state, AccountState::Retrying);
    m_timer->fire();
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.constFirst().at(2).toInt(), 3);
}

void TestRefreshCoordinator::drain_waitsForTheRefreshUnderWay()
{
    addAccount(QStringLiteral("a"), QStringLiteral("pagero"), 600);
    startService();
    m_stub->enqueueJson(200,
                        R"({"access_token":"a-at-2","refresh_token":"a-rt-2","expires_in":600})");
    fireAt(m_timer->deadline);
    QVERIFY(m_service->queue()->isRunning(QStringLiteral("a")));
    bool drained = false;
    m_service->drain([&drained] { drained = true; });
    QVERIFY(!drained); // not while a rotated token is on its way to the keychain
    QTRY_VERIFY(drained);
    QCOMPARE(m_secrets->items.value(QStringLiteral("a")).tokens->refreshToken,
             QStringLiteral("a-rt-2"));
}

void TestRefreshCoordinator::anotherProcessChangedTheRegistry_isSeenBeforeAnswering()
{
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 3600);
    startService();
    QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-1"));
    // `tether connect` in another process stores a new set: keychain, then registry.
    SecretBundle fresh = m_secrets->items.value(QStringLiteral("a"));
    fresh.generation = 2;
    fresh.tokens->accessToken = QStringLiteral("a-at-signed-in");
    m_secrets->items.insert(QStringLiteral("a"), fresh);
    QVERIFY(!m_registry->modifyAccount(QStringLiteral("a"), [&](Account &a) {
        mirrorBundle(a.status, fresh, engine(nullptr));
    }));
    // No event loop has run for the file watcher: the answer is right all the same.
    QCOMPARE(token(QStringLiteral("a")).tokens.accessToken, QStringLiteral("a-at-signed-in"));
}

void TestRefreshCoordinator::unsavedOutcome_keepsTheAccountScheduledFromMemory_andSaysSo()
{
    // The registry cannot be written (here: held by another process past the service's wait;
    // a full disk is the same). The deadline that fired was the account's last one: without a
    // plan from memory it would never be refreshed again until the service restarts.
    addAccount(QStringLiteral("a"), QStringLiteral("wise"), 600);
    startService();
    m_registry->setLockWaitMs(10);
    FileLock otherProcess(m_registry->path() + QStringLiteral(".lock"));
    QCOMPARE(otherProcess.tryLock(), FileLock::Result::Acquired);
    m_stub->enqueueJson(200, R"({"access_token":"a-at-2","expires_in":600})");
    QSignalSpy finished(m_service.get(), &RefreshCoordinator::refreshFinished);
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    const RefreshResult result = finished.constFirst().at(1).value<RefreshResult>();
    QVERIFY(!result.failure); // the refresh itself worked, and the keychain has the new set
    QVERIFY(result.unsaved);
    QCOMPARE(result.unsaved->code, QStringLiteral("registry_busy"));
    QCOMPARE(m_secrets->items.value(QStringLiteral("a")).generation, 2);

    m_service->reload(); // what follows every refresh: the registry is as it was
    QVERIFY(m_timer->isArmed());
    QVERIFY(m_clock.nowUtc().secsTo(m_timer->deadline) >= 30);
    const Account shown = *m_service->account(QStringLiteral("a"));
    QCOMPARE(shown.status.state, AccountState::Retrying);
    QCOMPARE(shown.status.lastError->code, QStringLiteral("registry_busy"));
    QCOMPARE(shown.status.nextRefreshAt, m_timer->deadline);

    // The registry can be written again: the next attempt finds the keychain ahead of it and
    // mirrors it (the new set is good: no second exchange), and the problem is gone.
    otherProcess.unlock();
    fireAt(m_timer->deadline);
    QVERIFY(finished.wait());
    QVERIFY(!finished.constLast().at(1).value<RefreshResult>().unsaved);
    QTRY_COMPARE(stored(QStringLiteral("a")).status.generation, 2);
    QCOMPARE(m_stub->requests.size(), 1);
    QVERIFY(!m_service->account(QStringLiteral("a"))->status.lastError);
    QTRY_VERIFY(m_timer->isArmed());
}

QTEST_GUILESS_MAIN(TestRefreshCoordinator)
#include "tst_refreshcoordinator.moc"
