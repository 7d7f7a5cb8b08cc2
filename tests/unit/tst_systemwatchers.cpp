#include "system/networkwatcher.h"
#include "system/sleepwatcher.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace tether;

class Marker : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void seen();
public Q_SLOTS:
    void onMarker() { Q_EMIT seen(); }
};

// The watchers against the buses they listen to. Run inside `dbus-run-session` (tests/
// CMakeLists.txt): the private session bus stands in for the system bus too, so logind is a
// name this test owns and NetworkManager is python3-dbusmock's template.
class TestSystemWatchers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sleep_resumeFromLogindOnly();
    void network_followsNetworkManagerState();

private:
    QProcess m_networkManager;
};

namespace {

const char *const kLogind = "org.freedesktop.login1";
constexpr uint kDisconnected = 20; // NM_STATE_DISCONNECTED
constexpr uint kConnectedGlobal = 70; // NM_STATE_CONNECTED_GLOBAL

QDBusMessage prepareForSleep(bool sleeping)
{
    QDBusMessage signal = QDBusMessage::createSignal(
            QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"));
    signal << sleeping;
    return signal;
}

bool setNetworkState(uint state)
{
    QDBusMessage call =
            QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.NetworkManager"),
                                           QStringLiteral("/org/freedesktop/NetworkManager"),
                                           QStringLiteral("org.freedesktop.DBus.Mock"),
                                           QStringLiteral("SetGlobalConnectionState"));
    call << state;
    const QDBusMessage reply = QDBusConnection::systemBus().call(call);
    if (reply.type() != QDBusMessage::ReplyMessage)
        qWarning("SetGlobalConnectionState: %s", qPrintable(reply.errorMessage()));
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace

void TestSystemWatchers::initTestCase()
{
    const QByteArray session = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (session.isEmpty())
        QSKIP("needs a private session bus (run through ctest, which uses dbus-run-session)");
    // Before the first QDBusConnection::systemBus(), which reads it once.
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", session);
    QVERIFY(QDBusConnection::systemBus().isConnected());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    m_networkManager.setProcessEnvironment(env);
    m_networkManager.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_networkManager.start(QStringLiteral("/usr/bin/python3"),
                           {QStringLiteral("-m"), QStringLiteral("dbusmock"),
                            QStringLiteral("--system"), QStringLiteral("--template"),
                            QStringLiteral("networkmanager")});
    QVERIFY2(m_networkManager.waitForStarted(), "python3-dbusmock could not start");
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::systemBus().interface()->isServiceRegistered(
                                     QStringLiteral("org.freedesktop.NetworkManager")),
                             20000);
}

void TestSystemWatchers::cleanupTestCase()
{
    if (m_networkManager.state() != QProcess::NotRunning) {
        m_networkManager.terminate();
        m_networkManager.waitForFinished();
    }
}

void TestSystemWatchers::sleep_resumeFromLogindOnly()
{
    QDBusConnection logind = QDBusConnection::connectToBus(
            QString::fromLocal8Bit(qgetenv("DBUS_SYSTEM_BUS_ADDRESS")), QStringLiteral("logind"));
    QDBusConnection stranger = QDBusConnection::connectToBus(
            QString::fromLocal8Bit(qgetenv("DBUS_SYSTEM_BUS_ADDRESS")), QStringLiteral("stranger"));
    QVERIFY(logind.registerService(QString::fromLatin1(kLogind)));

    SleepWatcher watcher;
    QVERIFY(watcher.isConnected());
    QSignalSpy resumed(&watcher, &SleepWatcher::resumed);
    // A marker signal on the watcher's own connection (see below).
    Marker marker;
    QVERIFY(QDBusConnection::systemBus().connect(
            QString(), QStringLiteral("/test"), QStringLiteral("io.github.tether.Test"),
            QStringLiteral("Marker"), &marker, SLOT(onMarker())));
    QSignalSpy seen(&marker, &Marker::seen);
    // Match rules are added without waiting for the bus; a call on the same connection returns
    // only after the bus has handled them.
    QVERIFY(QDBusConnection::systemBus().interface()->isServiceRegistered(
            QString::fromLatin1(kLogind)));

    // Going to sleep is not a resume, and a process that is not logind is not listened to; both
    // are sent before the real resume, so the one emission counted below is that resume's.
    // (A call on the same connection after each send: the bus has routed the signal before it
    // answers, so the watcher's connection receives them in this order.)
    QVERIFY(logind.send(prepareForSleep(true)));
    QVERIFY(logind.interface()->isServiceRegistered(QString::fromLatin1(kLogind)));
    QVERIFY(stranger.send(prepareForSleep(false)));
    QVERIFY(stranger.interface()->isServiceRegistered(QString::fromLatin1(kLogind)));
    QVERIFY(logind.send(prepareForSleep(false)));
    // Then the marker: when it arrives, every signal before it has been dispatched, so a count
    // of one means the stranger's resume was not taken.
    QVERIFY(logind.send(QDBusMessage::createSignal(QStringLiteral("/test"),
                                                   QStringLiteral("io.github.tether.Test"),
                                                   QStringLiteral("Marker"))));
    QVERIFY(seen.wait(5000));
    QCOMPARE(resumed.count(), 1);

    logind.unregisterService(QString::fromLatin1(kLogind));
    QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
    QDBusConnection::disconnectFromBus(QStringLiteral("stranger"));
}

void TestSystemWatchers::network_followsNetworkManagerState()
{
    NetworkWatcher watcher;
    QSignalSpy changed(&watcher, &NetworkWatcher::onlineChanged);
    QTRY_COMPARE(watcher.backendName(), QStringLiteral("networkmanager"));
    QVERIFY(watcher.isOnline());
    QVERIFY(changed.isEmpty());

    QVERIFY(setNetworkState(kDisconnected));
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.takeFirst().at(0).toBool(), false);
    QVERIFY(!watcher.isOnline());

    QVERIFY(setNetworkState(kConnectedGlobal));
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.takeFirst().at(0).toBool(), true);
    QVERIFY(watcher.isOnline());

    // Offline, then NetworkManager goes away: nobody says offline any more, so online it is.
    QVERIFY(setNetworkState(kDisconnected));
    QVERIFY(changed.wait(5000));
    changed.clear();
    m_networkManager.terminate();
    QVERIFY(m_networkManager.waitForFinished());
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.takeFirst().at(0).toBool(), true);
    QVERIFY(watcher.backendName().isEmpty());
}

QTEST_GUILESS_MAIN(TestSystemWatchers)
#include "tst_systemwatchers.moc"
