#include "service/notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using namespace tether;

namespace {

const QString kNotifications = QStringLiteral("org.freedesktop.Notifications");
const QString kNotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kPortal = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Notification");

// A notification server on a connection of its own (another process, as far as the bus can
// tell): it records what it is sent and numbers the notifications as a real one does.
class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Sent
    {
        QString app;
        uint replaces = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
        uint id = 0;
    };
    QList<Sent> sent;
    QList<uint> closed;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        const uint id = replaces != 0 ? replaces : ++m_next;
        sent.append({app, replaces, summary, body, actions, hints, timeout, id});
        return id;
    }
    void CloseNotification(uint id) { closed.append(id); }

private:
    uint m_next = 40;
};

// The notification portal, as a Flatpak sandbox sees it.
class Portal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Notification")

public:
    QStringList added;
    QList<QVariantMap> contents;
    QStringList removed;

public Q_SLOTS:
    void AddNotification(const QString &id, const QVariantMap &notification)
    {
        added.append(id);
        contents.append(notification);
    }
    void RemoveNotification(const QString &id) { removed.append(id); }
};

} // namespace

// The service's notifications and questions against a notification server on a private bus:
// what is sent, which clicks are acted on (only on this service's own notifications), and what
// a dismissed question or a missing server answers.
class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void needsUser_sendsReconnect_andReplacesItsOwnNotification();
    void settingsRefused_offersEdit();
    void clicks_onlyOnOurNotifications();
    void withdraw_closesIt_andForgetsIt();
    void question_answeredByItsAction_orDismissed();
    void question_withoutAServer_isAnsweredEmpty();
    void portal_addsAndRemoves_andActsOnItsOwnPrefix();
    void sentence_dropsTheIdAndCapitalises();

private:
    // Returns once the notifier has taken the server's number for its notification: a click
    // on it (sent after the server's answer, so it arrives after) opens the account.
    void knownAs(Notifier &notifier, uint id);
    void emitSignal(const QString &path, const QString &interface, const QString &name,
                    const QVariantList &arguments);

    QDBusConnection m_serverBus{QString()};
    std::unique_ptr<NotificationServer> m_server;
    std::unique_ptr<Portal> m_portal;
    int m_round = 0;
};

void TestNotifier::init()
{
    m_serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                QStringLiteral("server-%1").arg(++m_round));
    QVERIFY(m_serverBus.isConnected());
    m_server = std::make_unique<NotificationServer>();
    m_portal = std::make_unique<Portal>();
    QVERIFY(m_serverBus.registerObject(kNotificationsPath, m_server.get(),
                                       QDBusConnection::ExportAllSlots));
    QVERIFY(m_serverBus.registerObject(kPortalPath, m_portal.get(),
                                       QDBusConnection::ExportAllSlots));
    QVERIFY(m_serverBus.registerService(kNotifications));
    QVERIFY(m_serverBus.registerService(kPortal));
}

void TestNotifier::cleanup()
{
    m_serverBus.unregisterService(kNotifications);
    m_serverBus.unregisterService(kPortal);
    m_serverBus.unregisterObject(kNotificationsPath);
    m_serverBus.unregisterObject(kPortalPath);
    QDBusConnection::disconnectFromBus(m_serverBus.name());
    m_server.reset();
    m_portal.reset();
}

void TestNotifier::emitSignal(const QString &path, const QString &interface, const QString &name,
                              const QVariantList &arguments)
{
    QDBusMessage signal = QDBusMessage::createSignal(path, interface, name);
    signal.setArguments(arguments);
    QVERIFY(m_serverBus.send(signal));
}

void TestNotifier::knownAs(Notifier &notifier, uint id)
{
    QSignalSpy open(&notifier, &Notifier::openRequested);
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {id, QStringLiteral("default")});
    QVERIFY(open.wait());
}

void TestNotifier::needsUser_sendsReconnect_andReplacesItsOwnNotification()
{
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    notifier.needsUser(QStringLiteral("bank"), QStringLiteral("My bank"),
                       Failure::reconnect(QStringLiteral("invalid_grant"),
                                          QStringLiteral("bank: the grant was revoked")));
    QTRY_COMPARE(m_server->sent.size(), 1);
    const NotificationServer::Sent first = m_server->sent.constFirst();
    QCOMPARE(first.app, QStringLiteral("Tether"));
    QCOMPARE(first.replaces, 0u);
    QVERIFY(first.summary.contains(QStringLiteral("My bank")));
    QCOMPARE(first.body, QStringLiteral("The grant was revoked")); // no id, a sentence
    QCOMPARE(first.actions.at(0), QStringLiteral("reconnect"));
    QVERIFY(first.actions.contains(QStringLiteral("default")));
    QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("io.github.tether.Tether"));
    QCOMPARE(first.hints.value(QStringLiteral("urgency")).toInt(), 2);

    // The next one for the same account replaces it, once the server's number is known.
    knownAs(notifier, first.id);
    notifier.refreshTokenExpiring(QStringLiteral("bank"), QStringLiteral("My bank"),
                                  QDateTime::currentDateTimeUtc().addDays(2));
    QTRY_COMPARE(m_server->sent.size(), 2);
    QCOMPARE(m_server->sent.at(1).replaces, first.id);
    QCOMPARE(m_server->sent.at(1).hints.value(QStringLiteral("urgency")).toInt(), 1);
}

void TestNotifier::settingsRefused_offersEdit()
{
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    notifier.needsUser(QStringLiteral("inv"), QStringLiteral("Invoices"),
                       Failure::configuration(QStringLiteral("invalid_client"),
                                              QStringLiteral("the client secret was refused")));
    QTRY_COMPARE(m_server->sent.size(), 1);
    QCOMPARE(m_server->sent.constFirst().actions.at(0), QStringLiteral("edit"));
    QVERIFY(!m_server->sent.constFirst().actions.contains(QStringLiteral("reconnect")));
}

void TestNotifier::clicks_onlyOnOurNotifications()
{
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    QSignalSpy reconnect(&notifier, &Notifier::reconnectRequested);
    QSignalSpy open(&notifier, &Notifier::openRequested);
    notifier.needsUser(QStringLiteral("bank"), QStringLiteral("My bank"),
                       Failure::reconnect(QStringLiteral("invalid_grant"), QStringLiteral("x")));
    QTRY_COMPARE(m_server->sent.size(), 1);
    const uint ours = m_server->sent.constFirst().id;
    // Another application's notification, clicked: nothing happens here.
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {ours + 100, QStringLiteral("reconnect")});
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {ours, QStringLiteral("reconnect")});
    QVERIFY(reconnect.wait());
    QCOMPARE(reconnect.size(), 1);
    QCOMPARE(reconnect.constFirst().constFirst().toString(), QStringLiteral("bank"));
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {ours, QStringLiteral("default")});
    QVERIFY(open.wait());
    QCOMPARE(open.constFirst().constFirst().toString(), QStringLiteral("bank"));
    QCOMPARE(reconnect.size(), 1); // the foreign click came first, and was not taken
}

void TestNotifier::withdraw_closesIt_andForgetsIt()
{
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    QSignalSpy reconnect(&notifier, &Notifier::reconnectRequested);
    notifier.needsUser(QStringLiteral("bank"), QStringLiteral("My bank"),
                       Failure::reconnect(QStringLiteral("invalid_grant"), QStringLiteral("x")));
    QTRY_COMPARE(m_server->sent.size(), 1);
    const uint id = m_server->sent.constFirst().id;
    knownAs(notifier, id);
    notifier.withdraw(QStringLiteral("bank"));
    QTRY_COMPARE(m_server->closed, QList<uint>{id});
    // A late click on it is not acted on: the account is fine now.
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {id, QStringLiteral("reconnect")});
    QVERIFY(!reconnect.wait(300));
}

void TestNotifier::question_answeredByItsAction_orDismissed()
{
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    QSignalSpy answered(&notifier, &Notifier::questionAnswered);
    const QList<Notifier::Choice> choices{{QStringLiteral("deny"), QStringLiteral("Deny")},
                                          {QStringLiteral("once"), QStringLiteral("Allow once")}};
    notifier.ask(QStringLiteral("q1"), QStringLiteral("May git take the token?"),
                 QStringLiteral("body"), choices);
    notifier.ask(QStringLiteral("q2"), QStringLiteral("May curl take the token?"),
                 QStringLiteral("body"), choices);
    QTRY_COMPARE(m_server->sent.size(), 2);
    const NotificationServer::Sent first = m_server->sent.at(0);
    QCOMPARE(first.actions, (QStringList{QStringLiteral("deny"), QStringLiteral("Deny"),
                                         QStringLiteral("once"), QStringLiteral("Allow once")}));
    QCOMPARE(first.timeout, 0); // stays until answered
    QVERIFY(first.hints.value(QStringLiteral("resident")).toBool());
    // The server answered both before this click, and the bus keeps the order: the notifier
    // knows both numbers by the time the click arrives.
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("ActionInvoked"),
               {first.id, QStringLiteral("once")});
    QVERIFY(answered.wait());
    QCOMPARE(answered.constFirst(), (QVariantList{QStringLiteral("q1"), QStringLiteral("once")}));
    // Dismissed: an empty answer, which the guard takes for "no".
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("NotificationClosed"),
               {m_server->sent.at(1).id, 2u});
    QVERIFY(answered.wait());
    QCOMPARE(answered.at(1), (QVariantList{QStringLiteral("q2"), QString()}));
    // Answered once: the close that follows a click answers nothing more.
    emitSignal(kNotificationsPath, kNotifications, QStringLiteral("NotificationClosed"),
               {first.id, 2u});
    QVERIFY(!answered.wait(300));
}

void TestNotifier::question_withoutAServer_isAnsweredEmpty()
{
    m_serverBus.unregisterService(kNotifications);
    Notifier notifier(Notifier::Channel::Desktop, nullptr);
    QSignalSpy answered(&notifier, &Notifier::questionAnswered);
    notifier.ask(QStringLiteral("q"), QStringLiteral("title"), QStringLiteral("body"),
                 {{QStringLiteral("deny"), QStringLiteral("Deny")}});
    QVERIFY(answered.wait());
    QCOMPARE(answered.constFirst(), (QVariantList{QStringLiteral("q"), QString()}));
    QVERIFY(m_server->sent.isEmpty());
}

void TestNotifier::portal_addsAndRemoves_andActsOnItsOwnPrefix()
{
    Notifier notifier(Notifier::Channel::Portal, nullptr);
    QSignalSpy reconnect(&notifier, &Notifier::reconnectRequested);
    QSignalSpy answered(&notifier, &Notifier::questionAnswered);
    notifier.needsUser(QStringLiteral("bank"), QStringLiteral("My bank"),
                       Failure::reconnect(QStringLiteral("invalid_grant"), QStringLiteral("x")));
    QTRY_COMPARE(m_portal->added, QStringList{QStringLiteral("tether-bank")});
    QCOMPARE(m_portal->contents.constFirst().value(QStringLiteral("priority")).toString(),
             QStringLiteral("high"));
    emitSignal(kPortalPath, kPortalInterface, QStringLiteral("ActionInvoked"),
               {QStringLiteral("tether-bank"), QStringLiteral("reconnect"), QVariantList()});
    QVERIFY(reconnect.wait());
    QCOMPARE(reconnect.constFirst().constFirst().toString(), QStringLiteral("bank"));

    notifier.ask(QStringLiteral("q"), QStringLiteral("title"), QStringLiteral("body"),
                 {{QStringLiteral("deny"), QStringLiteral("Deny")}});
    QTRY_COMPARE(m_portal->added.size(), 2);
    QCOMPARE(m_portal->added.at(1), QStringLiteral("tether-question-q"));
    emitSignal(kPortalPath, kPortalInterface, QStringLiteral("ActionInvoked"),
               {QStringLiteral("tether-question-q"), QStringLiteral("deny"), QVariantList()});
    QVERIFY(answered.wait());
    QCOMPARE(answered.constFirst(), (QVariantList{QStringLiteral("q"), QStringLiteral("deny")}));

    notifier.withdraw(QStringLiteral("bank"));
    notifier.withdrawQuestion(QStringLiteral("q"));
    QTRY_COMPARE(m_portal->removed,
                 (QStringList{QStringLiteral("tether-bank"), QStringLiteral("tether-question-q")}));
}

void TestNotifier::sentence_dropsTheIdAndCapitalises()
{
    QCOMPARE(Notifier::sentence(QStringLiteral("bank"), QStringLiteral("bank: the grant ended")),
             QStringLiteral("The grant ended"));
    QCOMPARE(Notifier::sentence(QStringLiteral("bank"), QStringLiteral("bankrupt: no")),
             QStringLiteral("Bankrupt: no")); // only the id with its colon goes
    QCOMPARE(Notifier::sentence(QStringLiteral("bank"), QString()), QString());
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
