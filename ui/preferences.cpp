#include "preferences.h"

#include "core/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

namespace tether::preferences {

namespace {

QSettings settings()
{
    return QSettings(paths::configDir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
}

QString autostartFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/autostart/io.github.tether.Tether.desktop");
}

} // namespace

bool notificationsEnabled()
{
    return settings().value(QStringLiteral("notifications"), true).toBool();
}

void setNotificationsEnabled(bool enabled)
{
    settings().setValue(QStringLiteral("notifications"), enabled);
}

bool startsAtLogin()
{
    return QFile::exists(autostartFile());
}

bool setStartsAtLogin(bool enabled)
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

void addActions(QMenu *menu, const std::function<void(const QString &)> &problem)
{
    QAction *notifications = menu->addAction(QMenu::tr("&Notifications"));
    notifications->setCheckable(true);
    notifications->setChecked(notificationsEnabled());
    QObject::connect(notifications, &QAction::toggled, menu, &setNotificationsEnabled);
    QAction *login = menu->addAction(QMenu::tr("Start at &login"));
    login->setCheckable(true);
    login->setChecked(startsAtLogin());
    QObject::connect(login, &QAction::toggled, menu, [login, problem](bool on) {
        if (setStartsAtLogin(on))
            return;
        const QSignalBlocker quiet(login);
        login->setChecked(!on);
        if (problem)
            problem(QMenu::tr("Could not change the autostart entry"));
    });
}

} // namespace tether::preferences
