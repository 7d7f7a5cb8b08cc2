#include "service/startatlogin.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tether;

namespace {

const QString kSystemd = QStringLiteral("org.freedesktop.systemd1");
const QString kSystemdPath = QStringLiteral("/org/freedesktop/systemd1");

// A systemd user manager that knows Tether's unit, on a connection of its own.
class UserManager : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.systemd1.Manager")

public:
    QString state = QStringLiteral("disabled");
    QStringList calls;

public Q_SLOTS:
    QString GetUnitFileState(const QString &unit)
    {
        calls << QStringLiteral("GetUnitFileState ") + unit;
        return state;
    }
    void EnableUnitFiles(const QStringList &units, bool runtime, bool force)
    {
        calls << QStringLiteral("EnableUnitFiles %1 %2 %3")
                         .arg(units.join(QLatin1Char(',')))
                         .arg(runtime)
                         .arg(force);
        state = QStringLiteral("enabled");
    }
    void DisableUnitFiles(const QStringList &units, bool runtime)
    {
        calls << QStringLiteral("DisableUnitFiles %1 %2")
                         .arg(units.join(QLatin1Char(',')))
                         .arg(runtime);
        state = QStringLiteral("disabled");
    }
    void Reload() { calls << QStringLiteral("Reload"); }
};

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// "Start at login" on a private bus: the autostart entry where no user manager knows the unit,
// the unit switched where one does (and then never an entry besides it).
class TestStartAtLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withoutSystemd_theAutostartEntry();
    void withSystemd_theUnit_andNoEntryBesideIt();
    void withSystemd_anEnabledUnitIsOn();

private:
    void startManager();

    QTemporaryDir m_config;
    QDBusConnection m_managerBus{QString()};
    std::unique_ptr<UserManager> m_manager;
    int m_round = 0;
};

void TestStartAtLogin::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QVERIFY(StartAtLogin::autostartFile().startsWith(m_config.path()));
}

void TestStartAtLogin::init()
{
    QFile::remove(StartAtLogin::autostartFile());
}

void TestStartAtLogin::cleanup()
{
    if (m_manager) {
        m_managerBus.unregisterService(kSystemd);
        m_managerBus.unregisterObject(kSystemdPath);
        QDBusConnection::disconnectFromBus(m_managerBus.name());
        m_manager.reset();
    }
}

void TestStartAtLogin::startManager()
{
    m_managerBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                 QStringLiteral("manager-%1").arg(++m_round));
    m_manager = std::make_unique<UserManager>();
    QVERIFY(m_managerBus.registerObject(kSystemdPath, m_manager.get(),
                                        QDBusConnection::ExportAllSlots));
    QVERIFY(m_managerBus.registerService(kSystemd));
}

void TestStartAtLogin::withoutSystemd_theAutostartEntry()
{
    StartAtLogin start;
    QVERIFY(!start.isEnabled());
    QSignalSpy changed(&start, &StartAtLogin::changed);
    std::optional<Outcome> outcome;
    start.setEnabled(true, {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->ok());
    QVERIFY(!start.usesSystemd());
    QVERIFY(start.isEnabled());
    QCOMPARE(changed.size(), 1);
    const QByteArray entry = contents(StartAtLogin::autostartFile());
    QVERIFY(entry.startsWith("[Desktop Entry]\n"));
    QVERIFY(entry.contains("\nExec=tether --hidden\n"));
    QVERIFY(entry.contains("\nType=Application\n"));

    // Another process (the window, the next login) reads the same setting.
    QVERIFY(StartAtLogin().isEnabled());

    outcome.reset();
    start.setEnabled(false, {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->ok());
    QVERIFY(!QFile::exists(StartAtLogin::autostartFile()));
    QVERIFY(!StartAtLogin().isEnabled());
    QCOMPARE(changed.size(), 2);
}

void TestStartAtLogin::withSystemd_theUnit_andNoEntryBesideIt()
{
    startManager();
    // An entry an earlier Tether wrote, before the package's unit was there.
    {
        QVERIFY(QDir().mkpath(QFileInfo(StartAtLogin::autostartFile()).absolutePath()));
        QFile old(StartAtLogin::autostartFile());
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[Desktop Entry]\nExec=tether --hidden\n");
    }
    StartAtLogin start;
    QTRY_VERIFY(start.usesSystemd());
    QCOMPARE(m_manager->calls.value(0), QStringLiteral("GetUnitFileState tether.service"));
    std::optional<Outcome> outcome;
    start.setEnabled(true, {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->ok());
    QVERIFY(start.isEnabled());
    QVERIFY(m_manager->calls.contains(QStringLiteral("EnableUnitFiles tether.service 0 1")));
    QVERIFY(!QFile::exists(StartAtLogin::autostartFile())); // one kind only
    QTRY_VERIFY(m_manager->calls.contains(QStringLiteral("Reload")));

    outcome.reset();
    start.setEnabled(false, {this, [&outcome](const Outcome &o) { outcome = o; }});
    QTRY_VERIFY(outcome);
    QVERIFY(outcome->ok());
    QVERIFY(!start.isEnabled());
    QVERIFY(m_manager->calls.contains(QStringLiteral("DisableUnitFiles tether.service 0")));
    QVERIFY(!QFile::exists(StartAtLogin::autostartFile()));
}

void TestStartAtLogin::withSystemd_anEnabledUnitIsOn()
{
    startManager();
    m_manager->state = QStringLiteral("enabled");
    StartAtLogin start;
    QSignalSpy changed(&start, &StartAtLogin::changed);
    QVERIFY(changed.wait());
    QVERIFY(start.usesSystemd());
    QVERIFY(start.isEnabled());
}

QTEST_GUILESS_MAIN(TestStartAtLogin)
#include "tst_startatlogin.moc"
