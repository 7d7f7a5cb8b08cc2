#include "accounts/accountregistry.h"
#include "backend/busapi.h"
#include "backend/busclient.h"
#include "backend/busnames.h"
#include "core/clock.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshcoordinator.h"
#include "service/accessguard.h"
#include "service/busadaptor.h"
#include "service/inprocessservice.h"
#include "support/httpstub.h"
#include "support/manualwaketimer.h"
#include "support/memorysecretstore.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <unistd.h>

using namespace tether;

namespace {

// A service from before ListAccountRows, still running after an upgrade: ListAccounts only.
class OlderService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.tether.Tether1")

public:
    explicit OlderService(QList<QVariantMap> maps) : m_maps(std::move(maps)) { }
    int calls = 0;

public Q_SLOTS:
    QList<QVariantMap> ListAccounts()
    {
        ++calls;
        return m_maps;
    }

private:
    QList<QVariantMap> m_maps;
};

} // namespace

// BusClient and BusAdaptor over a real bus daemon (the test runs inside dbus-run-session): the
// service side on one connection, the client on another, as in two processes. What a client sees
// is what the service has; every reply arrives, once.
class TestBusClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void getAccount_carriesEverySetting_neverTheSecret();
    void listAccounts_repliesWithEveryAccount();
    void prefetchedList_isTakenOnce_andDroppedWhenAChangeFollowsIt();
    void olderService_isListedByItsMaps_andTheyAgreeWithTheRows();
    void prefetchWithoutService_isAskedAgain();
    void prefetchedList_provesTheService();
    void prefetchedList_provesNothing_onceTheServiceLeft();
    void refresh_answersWhatItDid();
    void unknownAccount_isNotFound_withTheServicesMessage();
    void refusedSetting_travelsWithTheError();
    void serviceLeavingAndReturning_isSignalledAtOnce();
    void ensureService_answersOnce_whenTheNameArrives();
    void accountChanged_reachesTheClient();
    void endpointChange_byAnotherProgram_isRefused_andChangesNothing();
    void importOverTokens_byAnotherProgram_isRefused();

private:
    AccountConfig config(const QString &id) const;
    void add(const QString &id);
    QStringList listedIds(); // listAccounts' ids, sorted
    bool claimName();
    void prefetchFromTheService(); // a running service with account "a"; its list is in

    std::unique_ptr<test::TestEngine> m_parts; // the registry, keychain and HTTP client
    test::MemorySecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry = nullptr;
    TokenClient *m_tokens = nullptr;
    ProviderCatalog m_catalog = ProviderCatalog::installed();
    std::unique_ptr<test::ManualWakeTimer> m_timer;
    std::unique_ptr<RefreshCoordinator> m_refresh;
    std::unique_ptr<InProcessService> m_backend;
    std::unique_ptr<AccessGuard> m_guard;
    std::unique_ptr<BusAdaptor> m_adaptor;
    std::unique_ptr<test::HttpStub> m_stub;
    std::unique_ptr<BusClient> m_client;
    QDBusConnection m_service{QString()};
    QDBusConnection m_clientBus{QString()};
    int m_round = 0;
};

void TestBusClient::init()
{
    m_parts = std::make_unique<test::TestEngine>();
    m_secrets = &m_parts->secrets;
    m_registry = &m_parts->registry;
    m_tokens = &m_parts->tokens;
    const Engine engine{m_registry, m_secrets, m_tokens, &m_catalog, &SystemClock::instance(), {}};
    m_timer = std::make_unique<test::ManualWakeTimer>();
    m_refresh = std::make_unique<RefreshCoordinator>(engine, nullptr, m_timer.get());
    m_backend = std::make_unique<InProcessService>(
            engine, *m_refresh, [](const QUrl &) { return false; }, nullptr);
    m_refresh->start();
    m_stub = std::make_unique<test::HttpStub>();

    // Two connections of their own, as the service and a client in two processes.
    ++m_round;
    m_service = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("service-%1").arg(m_round));
    m_clientBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                QStringLiteral("client-%1").arg(m_round));
    QVERIFY(m_service.isConnected() && m_clientBus.isConnected());
    // Nobody to ask, and an executable no caller here is: every guarded change is refused.
    m_guard = std::make_unique<AccessGuard>(nullptr, nullptr, QStringLiteral("/nonexistent/tether"),
                                            ::getuid());
    m_adaptor = std::make_unique<BusAdaptor>(*m_backend, *m_guard);
    QVERIFY(m_service.registerObject(bus::kPath, m_adaptor.get(), QDBusConnection::ExportAdaptors));
    m_client = std::make_unique<BusClient>(m_catalog, m_clientBus);
}

void TestBusClient::cleanup()
{
    m_client.reset();
    m_service.unregisterObject(bus::kPath);
    m_service.interface()->unregisterService(bus::kService);
    QDBusConnection::disconnectFromBus(m_service.name());
    QDBusConnection::disconnectFromBus(m_clientBus.name());
    m_adaptor.reset();
    m_guard.reset();
    m_backend.reset();
    m_refresh.reset();
    m_timer.reset();
    m_stub.reset();
}

bool TestBusClient::claimName()
{
    return m_service.interface()->registerService(bus::kService).value()
           == QDBusConnectionInterface::ServiceRegistered;
}

void TestBusClient::prefetchFromTheService()
{
    QVERIFY(claimName());
    add(QStringLiteral("a"));
    m_client->prefetchAccounts();
    // The service answers in order: once a later call is answered, the prefetched list is in.
    bool answered = false;
    m_client->fetchAccount(QStringLiteral("a"),
                           {this, [&answered](const std::optional<Failure> &, const Account &) {
                                answered = true;
                            }});
    QTRY_VERIFY(answered);
}

AccountConfig TestBusClient::config(const QString &id) const
{
    AccountConfig c;
    c.id = id;
    c.name = QStringLiteral("Account %1").arg(id);
    c.provider = QStringLiteral("pagero");
    c.clientId = QStringLiteral("client-of-") + id;
    c.scope = QStringLiteral("invoices read");
    c.tokenEndpoint = m_stub->url().toString();
    c.authorizationEndpoint = QStringLiteral("http://127.0.0.1:9/authorize");
    c.revocationEndpoint = QStringLiteral("http://127.0.0.1:9/revoke");
    c.deviceAuthorizationEndpoint = QStringLiteral("http://127.0.0.1:9/device");
    c.redirectUri = QStringLiteral("http://127.0.0.1:8765/callback");
    c.clientAuth = ClientAuth::Post;
    return c;
}

void TestBusClient::add(const QString &id)
{
    std::optional<Outcome> added;
    m_client->addAccount(config(id), QStringLiteral("the-secret"),
                         {this, [&added](const Outcome &o) { added = o; }});
    QTRY_VERIFY(added);
    QVERIFY2(added->ok(), qPrintable(added->failure ? added->failure->message : QString()));
}

void TestBusClient::getAccount_carriesEverySetting_neverTheSecret()
{
    QVERIFY(claimName());
    add(QStringLiteral("inv"));
    std::optional<Account> got;
    m_client->fetchAccount(QStringLiteral("inv"),
                           {this, [&got](const std::optional<Failure> &f, const Account &a) {
                                QVERIFY(!f);
                                got = a;
                            }});
    QTRY_VERIFY(got);
    QCOMPARE(got->config, config(QStringLiteral("inv")));
    QVERIFY(got->status.hasClientSecret);
    QCOMPARE(got->status.state, AccountState::NotConnected);
}

void TestBusClient::listAccounts_repliesWithEveryAccount()
{
    QVERIFY(claimName());
    add(QStringLiteral("a"));
    add(QStringLiteral("b"));
    // Every status field set on one of them, as a failing refresh leaves it.
    const QDateTime t(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc()); // whole seconds travel
    QVERIFY(!m_registry->modifyAccount(QStringLiteral("b"), [&t](Account &a) {
        a.status.state = AccountState::NeedsReconnect;
        a.status.hasTokens = a.status.hasRefreshToken = true;
        a.status.accessIssuedAt = t;
        a.status.accessExpiresAt = t.addSecs(3600);
        a.status.refreshExpiresAt = t.addDays(14);
        a.status.lastRefreshAt = t.addSecs(60);
        a.status.nextRefreshAt = t.addSecs(2700);
        a.status.lastError = Failure::reconnect(QStringLiteral("invalid_grant"),
                                                QStringLiteral("the grant was revoked"));
    }));
    m_refresh->reload();
    std::optional<AccountList> list;
    m_client->listAccounts({this, [&list](const AccountList &l) { list = l; }});
    QTRY_VERIFY(list);
    QVERIFY(!list->failure);
    QStringList ids;
    for (const Account &a : list->accounts)
        ids << a.config.id;
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    // The list carries what the window offers by: the device endpoint of each account.
    QCOMPARE(list->accounts.constFirst().config.deviceAuthorizationEndpoint,
             QStringLiteral("http://127.0.0.1:9/device"));
    // Read from the message field by field, it is what ListAccounts' maps say, every field.
    for (const Account &listed : list->accounts) {
        Account stored;
        QVERIFY(!m_registry->loadAccount(listed.config.id, &stored));
        const Account viaMap = bus::accountFromMap(bus::statusMap(stored));
        QCOMPARE(listed.config, viaMap.config);
        QCOMPARE(listed.status, viaMap.status);
    }
    const Account &b = list->accounts.at(ids.indexOf(QStringLiteral("b")));
    QCOMPARE(b.status.state, AccountState::NeedsReconnect);
    QCOMPARE(b.status.nextRefreshAt, t.addSecs(2700));
    QCOMPARE(b.status.lastError->code, QStringLiteral("invalid_grant"));
    QCOMPARE(b.status.lastError->kind, FailureKind::Reconnect);
}

void TestBusClient::olderService_isListedByItsMaps_andTheyAgreeWithTheRows()
{
    QVERIFY(claimName());
    add(QStringLiteral("a"));
    add(QStringLiteral("b"));
    QVERIFY(!m_registry->modify([](QList<Account> &list) -> std::optional<Failure> {
        Account &b = list[1];
        b.config.allowInsecureHttp = true;
        b.status.state = AccountState::NeedsReconnect;
        b.status.lastRefreshAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc());
        b.status.lastError = Failure::reconnect(QStringLiteral("invalid_grant"),
                                                QStringLiteral("the grant was revoked"));
        return std::nullopt;
    }));
    m_refresh->reload();
    std::optional<AccountList> rows;
    m_client->listAccounts({this, [&rows](const AccountList &l) { rows = l; }});
    QTRY_VERIFY(rows);
    QVERIFY(!rows->failure);
    QCOMPARE(rows->accounts.size(), 2);

    // The same accounts from a service that knows only the maps: asked by ListAccounts, after
    // ListAccountRows is refused, prefetched or not; read, they say what the rows said.
    QList<QVariantMap> maps;
    for (const Account &a : rows->accounts) {
        Account stored;
        QVERIFY(!m_registry->loadAccount(a.config.id, &stored));
        maps << bus::statusMap(stored);
    }
    m_service.unregisterObject(bus::kPath);
    OlderService older(maps);
    QVERIFY(m_service.registerObject(bus::kPath, &older, QDBusConnection::ExportAllSlots));
    for (const bool prefetch : {true, false}) {
        if (prefetch)
            m_client->prefetchAccounts();
        std::optional<AccountList> viaMaps;
        m_client->listAccounts({this, [&viaMaps](const AccountList &l) { viaMaps = l; }});
        QTRY_VERIFY(viaMaps);
        QVERIFY2(!viaMaps->failure, qPrintable(viaMaps->failure->message));
        QCOMPARE(viaMaps->accounts.size(), rows->accounts.size());
        for (int i = 0; i < rows->accounts.size(); ++i) {
            QCOMPARE(viaMaps->accounts.at(i).config, rows->accounts.at(i).config);
            QCOMPARE(viaMaps->accounts.at(i).status, rows->accounts.at(i).status);
        }
    }
    QCOMPARE(older.calls, 2);
    const Account &b = rows->accounts.at(1);
    QVERIFY(b.config.allowInsecureHttp);
    QCOMPARE(b.status.lastError->message, QStringLiteral("the grant was revoked"));
    QCOMPARE(b.status.lastRefreshAt, QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc()));
}

QStringList TestBusClient::listedIds()
{
    std::optional<AccountList> list;
    m_client->listAccounts({this, [&list](const AccountList &l) { list = l; }});
    if (!QTest::qWaitFor([&list] { return list.has_value(); }, 10'000) || list->failure)
        return {QStringLiteral("no list")};
    QStringList ids;
    for (const Account &a : list->accounts)
        ids << a.config.id;
    ids.sort();
    return ids;
}

void TestBusClient::prefetchedList_isTakenOnce_andDroppedWhenAChangeFollowsIt()
{
    QVERIFY(claimName());
    add(QStringLiteral("a"));
    m_client->prefetchAccounts();
    // The service answers the prefetch, then adds an account and says so: the change comes after
    // the prefetched list, which is out of date by then.
    add(QStringLiteral("b"));
    QCOMPARE(listedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

    // Taken as it is when nothing followed it.
    m_client->prefetchAccounts();
    QCOMPARE(listedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(listedIds(), (QStringList{QStringLiteral("a"), QStringLiteral("b")})); // asked anew
}

void TestBusClient::prefetchWithoutService_isAskedAgain()
{
    m_client->prefetchAccounts(); // nobody owns the name yet: an error is on its way
    QVERIFY(claimName());
    add(QStringLiteral("a"));
    QCOMPARE(listedIds(), QStringList{QStringLiteral("a")});
}

void TestBusClient::prefetchedList_provesTheService()
{
    prefetchFromTheService();
    std::optional<std::optional<Failure>> answer;
    m_client->ensureService({this, [&answer](const std::optional<Failure> &f) { answer = f; }});
    QTRY_VERIFY(answer);
    QVERIFY(!*answer);
    QVERIFY(m_client->isAvailable());
    QCOMPARE(listedIds(), QStringList{QStringLiteral("a")});
}

void TestBusClient::prefetchedList_provesNothing_onceTheServiceLeft()
{
    prefetchFromTheService();
    QVERIFY(m_service.interface()->unregisterService(bus::kService).value());
    // A blocking question on the client's connection: its answer comes after the bus's word that
    // the service left, which the client has then received but not yet acted on.
    QVERIFY(!m_clientBus.interface()->isServiceRegistered(bus::kService).value());
    m_client->setServiceProgram(QStringLiteral("/bin/true"));
    int answers = 0;
    m_client->ensureService({this, [&answers](const std::optional<Failure> &) { ++answers; }});
    QTest::qWait(200); // the client is waiting for the name now, not taking the old list as proof
    QCOMPARE(answers, 0);
    QVERIFY(!m_client->isAvailable());
    QVERIFY(claimName());
    QTRY_COMPARE(answers, 1);
    QVERIFY(m_client->isAvailable());
}

void TestBusClient::refresh_answersWhatItDid()
{
    QVERIFY(claimName());
    add(QStringLiteral("inv"));
    std::optional<Outcome> imported;
    m_client->importTokens(QStringLiteral("inv"),
                           R"({"access_token":"at-1","token_type":"Bearer","expires_in":600,)"
                           R"("refresh_token":"rt-1"})",
                           {this, [&imported](const Outcome &o) { imported = o; }});
    QTRY_VERIFY(imported && imported->ok());
    m_stub->enqueueJson(200, R"({"access_token":"at-2","token_type":"Bearer","expires_in":600,)"
                             R"("refresh_token":"rt-2"})");
    std::optional<RefreshReply> reply;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    m_client->refresh(QStringLiteral("inv"),
                      {this, [&reply](const RefreshReply &r) { reply = r; }});
    QTRY_VERIFY_WITH_TIMEOUT(reply, 20'000);
    QVERIFY2(!reply->failure, qPrintable(reply->failure ? reply->failure->message : QString()));
    QVERIFY(reply->exchanged);
    QCOMPARE(m_stub->requests.size(), 1);
    QVERIFY(reply->accessExpiresAt >= before.addSecs(590));
    QVERIFY(reply->nextRefreshAt.isValid());
    QVERIFY(reply->nextRefreshAt < reply->accessExpiresAt);
}

void TestBusClient::unknownAccount_isNotFound_withTheServicesMessage()
{
    QVERIFY(claimName());
    std::optional<Failure> failure;
    m_client->fetchAccount(QStringLiteral("nosuch"),
                           {this, [&failure](const std::optional<Failure> &f, const Account &) {
                                failure = f.value_or(Failure::unexpected(QStringLiteral("none")));
                            }});
    QTRY_VERIFY(failure);
    QCOMPARE(failure->kind, FailureKind::BadInput);
    QCOMPARE(failure->code, QStringLiteral("unknown_account"));
    QCOMPARE(failure->message, unknownAccount(QStringLiteral("nosuch")).message);
}

void TestBusClient::refusedSetting_travelsWithTheError()
{
    QVERIFY(claimName());
    add(QStringLiteral("inv"));
    AccountEdit edit;
    edit.tokenEndpoint = QStringLiteral("ftp://example.com/token");
    std::optional<Outcome> outcome;
    m_client->editAccount(QStringLiteral("inv"), edit,
                          {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->failure);
    QCOMPARE(outcome->failure->field, QStringLiteral("token-endpoint"));
}

void TestBusClient::serviceLeavingAndReturning_isSignalledAtOnce()
{
    QSignalSpy lost(m_client.get(), &WindowBackend::serviceLost);
    QSignalSpy returned(m_client.get(), &WindowBackend::serviceReturned);
    QSignalSpy relist(m_client.get(), &WindowBackend::accountsChanged);
    QVERIFY(!m_client->isAvailable());
    QVERIFY(claimName());
    QVERIFY(returned.wait());
    QVERIFY(m_client->isAvailable());
    QCOMPARE(relist.size(), 1);
    QVERIFY(m_service.interface()->unregisterService(bus::kService).value());
    QVERIFY(lost.wait());
    QVERIFY(!m_client->isAvailable());
    QCOMPARE(returned.size(), 1);
}

void TestBusClient::ensureService_answersOnce_whenTheNameArrives()
{
    // No activation file and a program that starts nothing: the client waits for the name.
    m_client->setServiceProgram(QStringLiteral("/bin/true"));
    int answers = 0;
    std::optional<Failure> failure;
    m_client->ensureService({this, [&](const std::optional<Failure> &f) {
                                 ++answers;
                                 failure = f;
                             }});
    QSignalSpy returned(m_client.get(), &WindowBackend::serviceReturned);
    QSignalSpy relist(m_client.get(), &WindowBackend::accountsChanged);
    QTest::qWait(200); // the client is waiting for the name now
    QCOMPARE(answers, 0);
    QVERIFY(claimName());
    QTRY_COMPARE(answers, 1);
    QVERIFY(!failure);
    QVERIFY(m_client->isAvailable());
    // Registration and the name check both see the name: still one answer, one signal.
    QTest::qWait(300); // proving that nothing more arrives takes a while
    QCOMPARE(answers, 1);
    QCOMPARE(returned.size(), 1);
    QCOMPARE(relist.size(), 1); // the window lists its accounts once, not once per notice
}

void TestBusClient::accountChanged_reachesTheClient()
{
    QVERIFY(claimName());
    QSignalSpy changed(m_client.get(), &WindowBackend::accountChanged);
    add(QStringLiteral("inv"));
    std::optional<Outcome> edited;
    AccountEdit edit;
    edit.name = QStringLiteral("Renamed");
    m_client->editAccount(QStringLiteral("inv"), edit,
                          {this, [&edited](const Outcome &o) { edited = o; }});
    QTRY_VERIFY(edited && edited->ok());
    QTRY_VERIFY(!changed.isEmpty());
    const auto account = changed.constLast().at(1).value<std::optional<Account>>();
    QVERIFY(account);
    QCOMPARE(account->config.name, QStringLiteral("Renamed"));
}

void TestBusClient::endpointChange_byAnotherProgram_isRefused_andChangesNothing()
{
    QVERIFY(claimName());
    add(QStringLiteral("inv"));
    AccountEdit edit;
    edit.tokenEndpoint = QStringLiteral("http://127.0.0.1:1/steal");
    std::optional<Outcome> outcome;
    m_client->editAccount(QStringLiteral("inv"), edit,
                          {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->failure);
    QCOMPARE(outcome->failure->kind, FailureKind::AccessDenied);
    QCOMPARE(exitCodeFor(*outcome->failure), 6);
    QVERIFY(outcome->failure->message.contains(QStringLiteral("Account inv")));
    std::optional<Account> after;
    m_client->fetchAccount(
            QStringLiteral("inv"),
            {this, [&after](const std::optional<Failure> &, const Account &a) { after = a; }});
    QTRY_VERIFY(after);
    QCOMPARE(after->config.tokenEndpoint, config(QStringLiteral("inv")).tokenEndpoint);
}

void TestBusClient::importOverTokens_byAnotherProgram_isRefused()
{
    QVERIFY(claimName());
    add(QStringLiteral("inv"));
    const QByteArray grant = R"({"access_token":"at-1","token_type":"Bearer","expires_in":600})";
    std::optional<Outcome> first, second;
    m_client->importTokens(QStringLiteral("inv"), grant,
                           {this, [&first](const Outcome &o) { first = o; }});
    QTRY_VERIFY(first);
    QVERIFY(first->ok()); // a first sign-in replaces nothing
    m_client->importTokens(QStringLiteral("inv"), grant,
                           {this, [&second](const Outcome &o) { second = o; }});
    QTRY_VERIFY(second);
    QVERIFY(second->failure);
    QCOMPARE(second->failure->kind, FailureKind::AccessDenied);
}

QTEST_GUILESS_MAIN(TestBusClient)
#include "tst_busclient.moc"
