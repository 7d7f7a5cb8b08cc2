#pragma once

#include "core/failure.h"

#include <QString>

// The names of Tether's D-Bus API (resources/dbus/io.github.tether.Tether1.xml) and how its
// errors map to failures: what both ends agree on, small enough for the `tether` executable's
// own fast path.
namespace tether::bus {

inline const QString kService = QStringLiteral("io.github.tether.Tether");
inline const QString kPath = QStringLiteral("/io/github/tether/Tether");
inline const QString kInterface = QStringLiteral("io.github.tether.Tether1");
// The window's own name: a second `tether` finds the first one here and raises it.
inline const QString kWindowService = QStringLiteral("io.github.tether.Tether.Window");
inline const QString kWindowPath = QStringLiteral("/io/github/tether/Window");
inline const QString kWindowInterface = QStringLiteral("io.github.tether.Window1");

// A failure as a D-Bus error (io.github.tether.Tether1.Error.*), and back.
QString errorName(const Failure &failure);
Failure failureFromError(const QString &name, const QString &message);
// Whether a call's error means that no service owns the name (then the caller works alone).
bool noService(const QString &errorName);

} // namespace tether::bus
