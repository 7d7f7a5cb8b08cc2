#pragma once

#include <QStringList>

namespace tether {

// Starts `program` as a process of its own that outlives this one, with its standard streams on
// /dev/null: a service or window started for the user must not hold the caller's terminal or
// pipes open (a script capturing `tether --hidden`'s output would wait for them forever).
bool startDetached(const QString &program, const QStringList &arguments);

// This executable, to start another `tether` (the service, the window) from.
QString selfExecutable();

} // namespace tether
