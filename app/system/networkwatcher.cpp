#include "networkwatcher.h"

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

} // namespace tether
