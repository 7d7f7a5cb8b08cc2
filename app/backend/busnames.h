#pragma once

#include "backend/busprotocol.h"
#include "core/failure.h"

#include <QDBusMessage>
#include <QString>

// The names of Tether's D-Bus API (resources/dbus/io.github.tether.Tether1.xml) and how its
// errors map to failures: what both ends agree on.
namespace tether::bus {

inline const QString kService = QString::fromLatin1(protocol::kService);
inline const QString kPath = QString::fromLatin1(protocol::kPath);
inline const QString kInterface = QString::fromLatin1(protocol::kInterface);
// The window's own name: a second `tether` finds the first one here and raises it.
inline const QString kWindowService = QStringLiteral("io.github.tether.Tether.Window");
inline const QString kWindowPath = QStringLiteral("/io/github/tether/Window");
inline const QString kWindowInterface = QStringLiteral("io.github.tether.Window1");

// A failure as a D-Bus error (io.github.tether.Tether1.Error.*), and back. The setting a failure
// is about travels as the error's second argument (the message is the first), so that each
// client can name it its own way (an option, a form field).
QString errorName(const Failure &failure);
QDBusMessage errorReply(const QDBusMessage &call, const Failure &failure);
Failure failureFromError(const QString &name, const QString &message);
Failure failureFromError(const QDBusMessage &error);
// Whether a call's error means that no service owns the name (then the caller works alone).
bool noService(const QString &errorName);

} // namespace tether::bus
