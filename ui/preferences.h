#pragma once

#include <functional>

class QMenu;
class QString;

namespace tether::preferences {

// The app's two settings, kept in the config directory (no secrets there).
bool notificationsEnabled();
void setNotificationsEnabled(bool enabled);

// Start at login: an XDG autostart entry that runs `tether --hidden`.
bool startsAtLogin();
bool setStartsAtLogin(bool enabled);

// Adds the two settings to a menu as checkable actions (the window's menu and the tray's).
// `problem` hears when the autostart entry could not be changed; the action then reverts.
void addActions(QMenu *menu, const std::function<void(const QString &)> &problem = {});

} // namespace tether::preferences
