#include "service/statusmenu.h"
#include "support/testengine.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingReply>
#include <QSignalSpy>
#include <QTest>

using namespace tether;

// The tray menu as a tray host sees it: com.canonical.dbusmenu over a private bus, from a
// connection of its own (the host), read with the interface's own types.
class TestStatusMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void layout_carriesLabelsSeparatorsAndCheckBoxes();
    void clicks_onEnabledItemsOnly();
    void changes_areAnnouncedWithANewRevision();

private:
    QDBusMessage call(const QString &method, const QVariantList &arguments);

    std::unique_ptr<StatusMenu> m_menu;
    QDBusConnection m_serviceBus{QString()};
    QDBusConnection m_hostBus{QString()};
    int m_round = 0;
};

namespace {

const QString kPath = QStringLiteral("/MenuBar");
const QString kInterface = QStringLiteral("com.canonical.dbusmenu");

QList<StatusMenu::Item> items(bool startsAtLogin)
{
    return {{1, QStringLiteral("Open Tether"), true, std::nullopt},
            {2, QString(), true, std::nullopt},
            {3, QStringLiteral("Refresh all"), false, std::nullopt},
            {4, QStringLiteral("Start at login"), true, startsAtLogin},
            {5, QStringLiteral("Quit Tether"), true, std::nullopt}};
}

} // namespace

void TestStatusMenu::init()
{
    ++m_round;
    m_serviceBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                 QStringLiteral("service-%1").arg(m_round));
    m_hostBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                              QStringLiteral("host-%1").arg(m_round));
    QVERIFY(m_serviceBus.isConnected() && m_hostBus.isConnected());
    m_menu = std::make_unique<StatusMenu>();
    m_menu->setItems(items(false));
    QVERIFY(m_serviceBus.registerObject(kPath, m_menu.get(),
                                        QDBusConnection::ExportAllSlots
                                                | QDBusConnection::ExportAllSignals
                                                | QDBusConnection::ExportAllProperties));
}

void TestStatusMenu::cleanup()
{
    m_serviceBus.unregisterObject(kPath);
    QDBusConnection::disconnectFromBus(m_serviceBus.name());
    QDBusConnection::disconnectFromBus(m_hostBus.name());
    m_menu.reset();
}

QDBusMessage TestStatusMenu::call(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message =
            QDBusMessage::createMethodCall(m_serviceBus.baseService(), kPath, kInterface, method);
    message.setArguments(arguments);
    return test::callAndWait(m_hostBus, message);
}

void TestStatusMenu::layout_carriesLabelsSeparatorsAndCheckBoxes()
{
    const QDBusMessage reply = call(QStringLiteral("GetLayout"), {0, -1, QStringList()});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), QStringLiteral("u(ia{sv}av)"));
    QDBusPendingReply<uint, MenuLayout> typed(reply);
    const MenuLayout root = typed.argumentAt<1>();
    QCOMPARE(root.id, 0);
    QCOMPARE(root.children.size(), 5);
    QCOMPARE(root.children.at(0).properties.value(QStringLiteral("label")).toString(),
             QStringLiteral("Open Tether"));
    QCOMPARE(root.children.at(1).properties.value(QStringLiteral("type")).toString(),
             QStringLiteral("separator"));
    QVERIFY(!root.children.at(2).properties.value(QStringLiteral("enabled")).toBool());
    const QVariantMap check = root.children.at(3).properties;
    QCOMPARE(check.value(QStringLiteral("toggle-type")).toString(), QStringLiteral("checkmark"));
    QCOMPARE(check.value(QStringLiteral("toggle-state")).toInt(), 0);
    // One property of one item, as hosts ask for it.
    const QDBusMessage label = call(QStringLiteral("GetProperty"), {5, QStringLiteral("label")});
    QCOMPARE(label.arguments().constFirst().value<QDBusVariant>().variant().toString(),
             QStringLiteral("Quit Tether"));
}

void TestStatusMenu::clicks_onEnabledItemsOnly()
{
    QSignalSpy clicked(m_menu.get(), &StatusMenu::itemClicked);
    const QVariant data = QVariant::fromValue(QDBusVariant(QVariant(0)));
    for (int id : {3, 2, 5}) // disabled, a separator, then Quit
        call(QStringLiteral("Event"), {id, QStringLiteral("clicked"), data, 0u});
    call(QStringLiteral("Event"), {1, QStringLiteral("hovered"), data, 0u});
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.constFirst().constFirst().toInt(), 5);
    // AboutToShow: nothing to update before showing.
    const QDBusMessage about = call(QStringLiteral("AboutToShow"), {0});
    QCOMPARE(about.arguments().constFirst().toBool(), false);
}

void TestStatusMenu::changes_areAnnouncedWithANewRevision()
{
    QSignalSpy updated(m_menu.get(), &StatusMenu::LayoutUpdated);
    const uint before = call(QStringLiteral("GetLayout"), {0, -1, QStringList()})
                                .arguments()
                                .constFirst()
                                .toUInt();
    m_menu->setItems(items(true)); // Start at login turned on elsewhere
    QCOMPARE(updated.size(), 1);
    const QDBusMessage reply = call(QStringLiteral("GetLayout"), {0, -1, QStringList()});
    QDBusPendingReply<uint, MenuLayout> typed(reply);
    QVERIFY(typed.argumentAt<0>() > before);
    QCOMPARE(updated.constFirst().constFirst().toUInt(), typed.argumentAt<0>());
    QCOMPARE(typed.argumentAt<1>()
                     .children.at(3)
                     .properties.value(QStringLiteral("toggle-state"))
                     .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestStatusMenu)
#include "tst_statusmenu.moc"
