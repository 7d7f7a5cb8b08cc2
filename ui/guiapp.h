#pragma once

class QApplication;

namespace tether {

// The window: a client of the session's service (started if it is not running), one per
// session; or with `demo`, the window on the embedded demo provider with a service of its own
// inside this process.
int runGui(QApplication &app, bool demo);

} // namespace tether
