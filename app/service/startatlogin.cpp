#include "startatlogin.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tether {

namespace {

QDBusMessage manager(const QString &method)
{
    return QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.systemd1"), QStringLiteral("/org/freedesktop/systemd1"),
            QStringLiteral("org.freedesktop.systemd1.Manager"), method);
}

} // namespace

StartAtLogin::StartAtLogin(QObject *parent) : QObject(parent)
{
    m_enabled = QFileInfo::exists(autostartFile());
    probeSystemd();
}

QString StartAtLogin::autostartFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/autostart/io.github.tether.Tether.desktop");
}

void StartAtLogin::setFound(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    Q_EMIT changed(enabled);
}

void StartAtLogin::probeSystemd()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage state = manager(QStringLiteral("GetUnitFileState"));
    state << kUnit;
    state.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(state, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QString> reply = *watcher;
        if (!reply.isValid())
            return; // no user manager, or it does not know the unit: the autostart entry it is
        m_systemd = true;
        setFound(reply.value() == QLatin1String("enabled") || QFileInfo::exists(autostartFile()));
    });
}

bool StartAtLogin::writeAutostart(bool enabled)
{
    const QString path = autostartFile();
    if (!enabled)
        return !QFile::exists(path) || QFile::remove(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write("[Desktop Entry]\nType=Application\nName=Tether\n"
               "Comment=Keeps OAuth account connections alive\n"
               "Exec=tether --hidden\nIcon=io.github.tether.Tether\nTerminal=false\n"
               "X-GNOME-Autostart-enabled=true\nNoDisplay=true\n");
    return file.error() == QFile::NoError;
}

void StartAtLogin::setEnabled(bool enabled, const Done &done)
{
    auto problem = [done](const QString &detail) {
        done(Outcome::failed(Failure::unexpected(
                tr("could not change whether Tether starts at login: %1").arg(detail))));
    };
    if (!m_systemd) {
        if (!writeAutostart(enabled))
            return problem(autostartFile());
        setFound(enabled);
        return done(Outcome::done({}));
    }
    // The user manager's own unit switch; the autostart entry goes, if an earlier Tether made one.
    QDBusMessage message = enabled ? manager(QStringLiteral("EnableUnitFiles"))
                                   : manager(QStringLiteral("DisableUnitFiles"));
    message << QStringList{kUnit} << false;
    if (enabled)
        message << true;
    auto *watcher =
            new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [=] {
        watcher->deleteLater();
        if (watcher->isError())
            return problem(watcher->error().message());
        writeAutostart(false);
        QDBusConnection::sessionBus().asyncCall(manager(QStringLiteral("Reload")));
        setFound(enabled);
        done(Outcome::done({}));
    });
}

} // namespace tether
