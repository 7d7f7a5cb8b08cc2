#pragma once

class QApplication;

namespace tether {

// The desktop app: background service, control socket, window and tray, in one process.
// `hidden`: start in the tray (autostart); `demo`: the embedded demo provider and profile.
int runGui(QApplication &app, bool hidden, bool demo);

} // namespace tether
