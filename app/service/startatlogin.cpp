#include "startatlogin.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <utility>

namespace tether {

namespace {

QDBusMessage manager(const QString &method)
{
    return QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.systemd1"), QStringLiteral("/org/freedesktop/systemd1"),
            QStringLiteral("org.freedesktop.systemd1.Manager"), method);
}

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");

// Flatpak sets FLATPAK_ID in the sandbox and mounts its description at /.flatpak-info.
bool sandboxed()
{
    return qEnvironmentVariableIsSet("FLATPAK_ID")
           || QFileInfo::exists(QStringLiteral("/.flatpak-info"));
}

} // namespace

StartAtLogin::StartAtLogin(QObject *parent) : QObject(parent), m_portal(sandboxed())
{
    if (m_portal) {
        m_enabled = QFileInfo::exists(portalChoiceFile());
        return;
    }
    m_enabled = QFileInfo::exists(autostartFile());
    probeSystemd();
}

QString StartAtLogin::portalChoiceFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/tether/start-at-login");
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
    if (m_portal)
        return requestBackground(enabled, done);
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

// RequestBackground(parent_window, options) returns a request object whose Response signal carries
// the outcome (the portal may ask the person first). Its path is predictable from the handle
// token, so the signal is subscribed to before the call can race it.
void StartAtLogin::requestBackground(bool enabled, const Done &done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (m_requested) {
        return done(Outcome::failed(Failure::temporary(
                QStringLiteral("portal_busy"), tr("the desktop is still asking about starting "
                                                  "Tether at login; answer it first"))));
    }
    const QString token = QStringLiteral("tether%1").arg(QRandomGenerator::global()->generate());
    QString sender = bus.baseService().mid(1);
    sender.replace(QLatin1Char('.'), QLatin1Char('_'));
    m_requestPath = kPortalPath + QStringLiteral("/request/") + sender + QLatin1Char('/') + token;
    bus.connect(kPortalService, m_requestPath, QStringLiteral("org.freedesktop.portal.Request"),
                QStringLiteral("Response"), this, SLOT(portalResponded(uint, QVariantMap)));
    m_requested = true;
    m_requestDone = done;

    QDBusMessage message = QDBusMessage::createMethodCall(
            kPortalService, kPortalPath, QStringLiteral("org.freedesktop.portal.Background"),
            QStringLiteral("RequestBackground"));
    const QVariantMap options{
            {QStringLiteral("handle_token"), token},
            {QStringLiteral("reason"), tr("Tether refreshes your accounts in the background")},
            {QStringLiteral("autostart"), enabled},
            {QStringLiteral("commandline"),
             QStringList{QStringLiteral("tether"), QStringLiteral("--hidden")}},
            {QStringLiteral("dbus-activatable"), false}};
    message << QString() << options;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!watcher->isError() || !m_requested)
            return; // the Response signal finishes it
        const Done done = endRequest();
        done(Outcome::failed(
                Failure::unexpected(tr("could not change whether Tether starts at login: %1")
                                            .arg(watcher->error().message()))));
    });
}

Done StartAtLogin::endRequest()
{
    QDBusConnection::sessionBus().disconnect(
            kPortalService, m_requestPath, QStringLiteral("org.freedesktop.portal.Request"),
            QStringLiteral("Response"), this, SLOT(portalResponded(uint, QVariantMap)));
    m_requested = false;
    return std::exchange(m_requestDone, {});
}

void StartAtLogin::portalResponded(uint response, const QVariantMap &results)
{
    if (!m_requested)
        return;
    const Done done = endRequest();
    if (response != 0) {
        // 1: the person said no; 2: the portal failed.
        return done(Outcome::failed(Failure::badInput(
                response == 1 ? tr("starting Tether at login was not allowed")
                              : tr("the desktop could not set Tether to start at login"))));
    }
    const bool enabled = results.value(QStringLiteral("autostart")).toBool();
    const QString choice = portalChoiceFile();
    if (enabled) {
        QDir().mkpath(QFileInfo(choice).absolutePath());
        QFile file(choice);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write("autostart granted by the Background portal\n");
    } else {
        QFile::remove(choice);
    }
    setFound(enabled);
    done(Outcome::done({}));
}

} // namespace tether
