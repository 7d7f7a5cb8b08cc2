#include "networkwatcher.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace tether {

namespace {

const auto kNetworkManager = QStringLiteral("org.freedesktop.NetworkManager");
const auto kPath = QStringLiteral("/org/freedesktop/NetworkManager");

// NMState: ASLEEP 10, DISCONNECTED 20 and DISCONNECTING 30 are offline. UNKNOWN 0 and CONNECTING
// 40 count as online, as do the connected states: better an attempt that fails than a refresh
// never tried.
bool isOnlineState(uint state)
{
    return state != 10 && state != 20 && state != 30;
}

} // namespace

NetworkWatcher::NetworkWatcher(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return;
    bus.connect(kNetworkManager, kPath, kNetworkManager, QStringLiteral("StateChanged"), this,
                SLOT(onStateChanged(uint)));
    bus.connect(kNetworkManager, kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                QStringLiteral("PropertiesChanged"), this,
                SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    // NetworkManager restarted or gone: ask again, or count as online.
    m_owner = new QDBusServiceWatcher(kNetworkManager, bus,
                                      QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_owner, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                if (newOwner.isEmpty()) {
                    m_backend.clear();
                    setOnline(true);
                } else {
                    askState();
                }
            });
    askState();
}

void NetworkWatcher::askState()
{
    QDBusMessage get = QDBusMessage::createMethodCall(
            kNetworkManager, kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("Get"));
    get << kNetworkManager << QStringLiteral("State");
    get.setAutoStartService(false);
    auto *call =
            new QDBusPendingCallWatcher(QDBusConnection::systemBus().asyncCall(get, 10'000), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, call] {
        call->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *call;
        if (reply.isError())
            return; // no NetworkManager: online, as without a watcher
        m_backend = QStringLiteral("networkmanager");
        setOnline(isOnlineState(reply.value().variant().toUInt()));
    });
}

void NetworkWatcher::onStateChanged(uint state)
{
    m_backend = QStringLiteral("networkmanager");
    setOnline(isOnlineState(state));
}

void NetworkWatcher::onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                                         const QStringList &)
{
    if (interface == kNetworkManager && changed.contains(QStringLiteral("State")))
        onStateChanged(changed.value(QStringLiteral("State")).toUInt());
}

void NetworkWatcher::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

} // namespace tether
