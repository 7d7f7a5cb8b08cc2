#include "keychainwatch.h"

#include <QDBusConnection>

namespace tether {

KeychainWatch::KeychainWatch(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    const bool collections = bus.connect(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("CollectionChanged"),
            this, SLOT(onCollectionChanged()));
    const bool owner = bus.connect(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"),
            {QStringLiteral("org.freedesktop.secrets")}, QString(), this,
            SLOT(onOwnerChanged(QString, QString, QString)));
    m_watching = collections && owner;
}

void KeychainWatch::onCollectionChanged()
{
    Q_EMIT keychainChanged();
}

void KeychainWatch::onOwnerChanged(const QString &, const QString &, const QString &newOwner)
{
    if (!newOwner.isEmpty())
        Q_EMIT keychainChanged();
}

} // namespace tether
