#pragma once

#include <QDBusMessage>
#include <QString>
#include <QVariantList>

namespace tether {

// A call to the bus daemon itself (org.freedesktop.DBus): NameHasOwner, GetNameOwner,
// GetConnectionCredentials, ListActivatableNames, StartServiceByName.
inline QDBusMessage busDaemonCall(const QString &method, const QVariantList &arguments = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), method);
    call.setArguments(arguments);
    return call;
}

} // namespace tether
