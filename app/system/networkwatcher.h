#pragma once

#include <QObject>

namespace tether {

// Online or not, from QNetworkInformation: the NetworkManager backend, else the GLib one. With
// no backend at all Tether behaves as online (and the token endpoint's own errors decide).
class NetworkWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkWatcher)

public:
    explicit NetworkWatcher(QObject *parent = nullptr);
    bool isOnline() const { return m_online; }
    QString backendName() const { return m_backend; }

Q_SIGNALS:
    void onlineChanged(bool online);

private:
    bool m_online = true;
    QString m_backend;
};

} // namespace tether
