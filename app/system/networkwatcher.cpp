#include "networkwatcher.h"

#include <QDBusConnection>
#include <QNetworkInformation>

namespace tether {

NetworkWatcher::NetworkWatcher(QObject *parent) : QObject(parent)
{
    for (const QString &name : {QStringLiteral("networkmanager"), QStringLiteral("glib")}) {
        if (QNetworkInformation::loadBackendByName(name))
            break;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    m_backend = info->backendName();
    auto update = [this](QNetworkInformation::Reachability reachability) {
        // Unknown counts as online: better an attempt that fails than a refresh never tried.
        const bool online = reachability != QNetworkInformation::Reachability::Disconnected;
        if (online != m_online) {
            m_online = online;
            Q_EMIT onlineChanged(online);
        }
    };
    update(info->reachability());
    connect(info, &QNetworkInformation::reachabilityChanged, this, update);
}

SleepWatcher::SleepWatcher(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return;
    m_connected = bus.connect(
            QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"),
            this, SLOT(onPrepareForSleep(bool)));
}

void SleepWatcher::onPrepareForSleep(bool sleeping)
{
    if (!sleeping)
        Q_EMIT resumed();
}

} // namespace tether
