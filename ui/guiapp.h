#pragma once

class QApplication;

namespace tether {

// What every window of Tether's sets up before its first widget: the style, the translations,
// the icon and the desktop file it belongs to. Shared with the demo's module (demoentry.cpp).
void prepareGui(QApplication &app);

// The window: a client of the session's service (started if it is not running), one per
// session. It links no engine, no network and no keychain: the service does that work.
int runGui(QApplication &app);

} // namespace tether
