#include "accounts/accountregistry.h"
#include "accounts/statusmirror.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshqueue.h"
#include "support/httpstub.h"
#include "support/manualclock.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace tether;

// The refresh queue on its own: at most eight refreshes at once, one per account (a caller joins
// the refresh under way and gets its result), background work held while paused but never a
// caller, and a drain that waits for what runs. The token endpoint never answers here, so every
// refresh ends in its (short) timeout: what is counted is who was sent.
class TestRefreshQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void atMostEightAtOnce_theRestFollow();
    void aCallerJoinsTheRefreshUnderWay();
    void paused_holdsTheBackground_notACaller();
    void drain_waitsForWhatRuns_andStartsNothing();

private:
    void addAccounts(int count);
    void silence(int requests);
    Engine engine() const { return {m_registry, m_secrets, m_tokens, &m_catalog, &m_clock, {}}; }

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::HttpStub> m_stub;
    std::unique_ptr<test::TestEngine> m_parts; // the registry, keychain and HTTP client
    test::MemorySecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry = nullptr;
    TokenClient *m_tokens = nullptr;
    std::unique_ptr<RefreshQueue> m_queue;
    ProviderCatalog m_catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
};

void TestRefreshQueue::init()
{
    m_stub = std::make_unique<test::HttpStub>();
    m_parts = std::make_unique<test::TestEngine>();
    m_secrets = &m_parts->secrets;
    m_registry = &m_parts->registry;
    m_tokens = &m_parts->tokens;
    m_tokens->setTimeout(400);
    m_queue = std::make_unique<RefreshQueue>(engine());
}

void TestRefreshQueue::cleanup()
{
    m_queue.reset();
    m_parts.reset();
    m_stub.reset();
}

void TestRefreshQueue::addAccounts(int count)
{
    QVERIFY(!m_registry->modify([&](QList<Account> &list) -> std::optional<Failure> {
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("a%1").arg(i);
            const Account a = test::connectedAccount(
                    engine(), *m_secrets, id, QStringLiteral("wise"), m_stub->url(),
                    test::issuedTokens(id + QStringLiteral("-at"), id + QStringLiteral("-rt"),
                                       m_clock.nowUtc(), 3600));
            list.append(a);
        }
        return std::nullopt;
    }));
}

void TestRefreshQueue::silence(int requests)
{
    for (int i = 0; i < requests; ++i)
        m_stub->enqueue({{}, true});
}

void TestRefreshQueue::atMostEightAtOnce_theRestFollow()
{
    addAccounts(10);
    silence(10);
    int running = 0;
    int most = 0;
    QObject scope; // the counting ends with this test
    connect(m_queue.get(), &RefreshQueue::refreshStarted, &scope,
            [&] { most = std::max(most, ++running); });
    QSignalSpy finished(m_queue.get(), &RefreshQueue::refreshFinished);
    connect(m_queue.get(), &RefreshQueue::refreshFinished, &scope, [&] { --running; });
    for (int i = 0; i < 10; ++i)
        m_queue->enqueue(QStringLiteral("a%1").arg(i));
    QCOMPARE(m_queue->runningCount(), RefreshQueue::kMaxParallel);
    QVERIFY(!m_queue->isRunning(QStringLiteral("a9"))); // queued behind the others
    // As the first ones end (in their timeout), the last two go; never more than eight at once.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 10, 20'000);
    QCOMPARE(most, RefreshQueue::kMaxParallel);
    QCOMPARE(m_queue->runningCount(), 0);
}

void TestRefreshQueue::aCallerJoinsTheRefreshUnderWay()
{
    addAccounts(1);
    silence(2);
    std::optional<RefreshResult> first;
    std::optional<RefreshResult> second;
    m_queue->run(QStringLiteral("a0"), RefreshOperation::Mode::Force,
                 {this, [&first](const RefreshResult &r) { first = r; }});
    m_queue->run(QStringLiteral("a0"), RefreshOperation::Mode::Force,
                 {this, [&second](const RefreshResult &r) { second = r; }});
    QVERIFY(m_queue->isRunning(QStringLiteral("a0")));
    QTRY_VERIFY_WITH_TIMEOUT(first && second, 10'000);
    QCOMPARE(m_stub->connections, 1); // one refresh token sent once
    QVERIFY(first->failure && second->failure);
    QCOMPARE(second->failure->code, first->failure->code);
}

void TestRefreshQueue::paused_holdsTheBackground_notACaller()
{
    addAccounts(2);
    silence(2);
    m_queue->setPaused(true); // offline
    m_queue->enqueue(QStringLiteral("a0"));
    QVERIFY(!m_queue->isRunning(QStringLiteral("a0")));
    std::optional<RefreshResult> asked;
    m_queue->run(QStringLiteral("a1"), RefreshOperation::Mode::Force,
                 {this, [&asked](const RefreshResult &r) { asked = r; }});
    QVERIFY(m_queue->isRunning(QStringLiteral("a1"))); // someone waits for it: it goes
    QTRY_VERIFY_WITH_TIMEOUT(asked.has_value(), 10'000);
    QVERIFY(!m_queue->isRunning(QStringLiteral("a0")));
    m_queue->setPaused(false); // back online: the held one goes
    QVERIFY(m_queue->isRunning(QStringLiteral("a0")));
}

void TestRefreshQueue::drain_waitsForWhatRuns_andStartsNothing()
{
    addAccounts(2);
    silence(2);
    m_queue->enqueue(QStringLiteral("a0"));
    bool drained = false;
    m_queue->drain([&drained] { drained = true; });
    QVERIFY(!drained); // a0 may be storing a rotated token
    m_queue->enqueue(QStringLiteral("a1"));
    QVERIFY(!m_queue->isRunning(QStringLiteral("a1")));
    QTRY_VERIFY_WITH_TIMEOUT(drained, 10'000);
    QCOMPARE(m_stub->connections, 1);
}

QTEST_GUILESS_MAIN(TestRefreshQueue)
#include "tst_refreshqueue.moc"
