#pragma once

#include <QObject>

namespace tether {

// Tells when the keychain may have come back: a Secret Service collection was locked or
// unlocked (org.freedesktop.Secret.Service.CollectionChanged), or the service's daemon started
// or restarted (a new owner of org.freedesktop.secrets). Whoever waits for the keychain tries
// again then, instead of polling.
class KeychainWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainWatch)

public:
    explicit KeychainWatch(QObject *parent = nullptr);
    bool isWatching() const { return m_watching; }

Q_SIGNALS:
    void keychainChanged();

private Q_SLOTS:
    void onCollectionChanged();
    void onOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    bool m_watching = false;
};

} // namespace tether
