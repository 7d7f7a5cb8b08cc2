#include "core/clock.h"
#include "core/translations.h"
#include "refresh/refreshcoordinator.h"
#include "service/inprocessservice.h"
#include "service/statusitem.h"
#include "support/manualwaketimer.h"
#include "support/printers.h"
#include "support/testengine.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using namespace tether;

namespace {

// The tray host's side: org.kde.StatusNotifierWatcher on a connection of its own.
class Watcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")

public:
    QStringList items;

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service) { items << service; }
};

} // namespace

// The service's status item on a private bus: it registers with a tray host that appears after
// it, says NeedsAttention while an account needs the user, and asks for the window when
// activated or when Open is clicked in its menu.
class TestStatusItem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void registersWithATrayHostThatComesLater();
    void status_followsTheAccountsThatNeedTheUser();
    void activateAndOpen_askForTheWindow();

private:
    QDBusMessage hostCall(const QString &path, const QString &interface, const QString &method,
                          const QVariantList &arguments);
    void setState(const QString &id, AccountState state);

    test::PrivateRuntimeDir m_runtime; // before anything that takes a lock
    std::unique_ptr<test::TestEngine> m_parts;
    std::unique_ptr<test::ManualWakeTimer> m_timer;
    std::unique_ptr<RefreshCoordinator> m_refresh;
    std::unique_ptr<InProcessService> m_backend;
    std::unique_ptr<StatusItem> m_item;
    QDBusConnection m_hostBus{QString()};
    Watcher m_watcher;
    int m_round = 0;
};

void TestStatusItem::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English));
    installTranslations(*QCoreApplication::instance()); // English's plural forms
}

void TestStatusItem::init()
{
    m_parts = std::make_unique<test::TestEngine>();
    const Engine engine = m_parts->engine(SystemClock::instance());
    m_timer = std::make_unique<test::ManualWakeTimer>();
    m_refresh = std::make_unique<RefreshCoordinator>(engine, nullptr, m_timer.get());
    m_backend = std::make_unique<InProcessService>(
            engine, *m_refresh, [](const QUrl &) { return false; }, nullptr);
    m_refresh->start();
    m_hostBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("host-%1").arg(++m_round));
    QVERIFY(m_hostBus.isConnected());
    QVERIFY(m_hostBus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &m_watcher,
                                     QDBusConnection::ExportAllSlots));
    m_watcher.items.clear();
}

void TestStatusItem::cleanup()
{
    m_item.reset();
    m_hostBus.unregisterService(StatusItem::kWatcher);
    m_hostBus.unregisterObject(QStringLiteral("/StatusNotifierWatcher"));
    QDBusConnection::disconnectFromBus(m_hostBus.name());
    m_backend.reset();
    m_refresh.reset();
    m_timer.reset();
}

QDBusMessage TestStatusItem::hostCall(const QString &path, const QString &interface,
                                      const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            QDBusConnection::sessionBus().baseService(), path, interface, method);
    message.setArguments(arguments);
    return test::callAndWait(m_hostBus, message);
}

void TestStatusItem::setState(const QString &id, AccountState state)
{
    QVERIFY(!m_parts->registry.modifyAccount(id, [state](Account &a) { a.status.state = state; }));
    m_refresh->reload();
}

void TestStatusItem::registersWithATrayHostThatComesLater()
{
    m_item = std::make_unique<StatusItem>(*m_backend);
    QTRY_VERIFY(!m_item->isRegistered()); // no host yet: nothing to do, nothing else changes
    QVERIFY(m_hostBus.registerService(StatusItem::kWatcher)); // the host starts
    QTRY_VERIFY(m_item->isRegistered());
    QCOMPARE(m_watcher.items.size(), 1);
    QVERIFY(m_watcher.items.constFirst().startsWith(QStringLiteral("org.kde.StatusNotifierItem-")));
    // The name it registered is its own.
    QVERIFY(QDBusConnection::sessionBus().interface()->registeredServiceNames().value().contains(
            m_watcher.items.constFirst()));
}

void TestStatusItem::status_followsTheAccountsThatNeedTheUser()
{
    AccountConfig c;
    c.id = QStringLiteral("bank");
    c.provider = QStringLiteral("wise");
    c.clientId = QStringLiteral("client");
    c.tokenEndpoint = QStringLiteral("http://127.0.0.1:9/token");
    std::optional<Outcome> added;
    m_backend->addAccount(c, QStringLiteral("secret"),
                          {this, [&added](const Outcome &o) { added = o; }});
    QTRY_VERIFY(added);
    QVERIFY(added->ok());
    m_item = std::make_unique<StatusItem>(*m_backend);
    QCOMPARE(m_item->status(), QStringLiteral("Active"));
    QSignalSpy status(m_item.get(), &StatusItem::NewStatus);

    setState(QStringLiteral("bank"), AccountState::NeedsReconnect);
    QTRY_COMPARE(m_item->status(), QStringLiteral("NeedsAttention"));
    QCOMPARE(status.constLast().constFirst().toString(), QStringLiteral("NeedsAttention"));
    QCOMPARE(m_item->toolTip().text, QStringLiteral("1 account needs attention"));
    // What a host reads over the bus.
    const QDBusMessage property =
            hostCall(StatusItem::kItemPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                     QStringLiteral("Get"),
                     {QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Status")});
    QCOMPARE(property.arguments().constFirst().value<QDBusVariant>().variant().toString(),
             QStringLiteral("NeedsAttention"));

    setState(QStringLiteral("bank"), AccountState::Connected);
    QTRY_COMPARE(m_item->status(), QStringLiteral("Active"));
    QCOMPARE(m_item->toolTip().text, QStringLiteral("All accounts are connected"));
}

void TestStatusItem::activateAndOpen_askForTheWindow()
{
    m_item = std::make_unique<StatusItem>(*m_backend);
    QSignalSpy open(m_item.get(), &StatusItem::openRequested);
    hostCall(StatusItem::kItemPath, QStringLiteral("org.kde.StatusNotifierItem"),
             QStringLiteral("Activate"), {0, 0});
    QCOMPARE(open.size(), 1);
    // "Open Tether" clicked in the menu (dbusmenu item 1).
    hostCall(StatusItem::kMenuPath, QStringLiteral("com.canonical.dbusmenu"),
             QStringLiteral("Event"),
             {1, QStringLiteral("clicked"), QVariant::fromValue(QDBusVariant(QVariant(0))), 0u});
    QCOMPARE(open.size(), 2);
}

QTEST_GUILESS_MAIN(TestStatusItem)
#include "tst_statusitem.moc"
