#pragma once

#include <QObject>
#include <QVariantMap>

class QDBusServiceWatcher;

namespace tether {

// Online or not, from NetworkManager's State on the system bus (its StateChanged and
// PropertiesChanged signals). Without NetworkManager Tether behaves as online and the token
// endpoint's own errors decide. Spoken to directly rather than through QNetworkInformation, whose
// plugin loading maps GIO and GObject into the service for good (1.9 MB resident of the 10 MB the
// idle service may cost: docs/performance.md).
class NetworkWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkWatcher)

public:
    explicit NetworkWatcher(QObject *parent = nullptr);
    bool isOnline() const { return m_online; }
    // "networkmanager" once NetworkManager has answered, else empty.
    QString backendName() const { return m_backend; }

Q_SIGNALS:
    void onlineChanged(bool online);

private Q_SLOTS:
    void onStateChanged(uint state);
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                             const QStringList &invalidated);

private:
    void askState();
    void setOnline(bool online);

    QDBusServiceWatcher *m_owner = nullptr;
    bool m_online = true;
    QString m_backend;
};

} // namespace tether
