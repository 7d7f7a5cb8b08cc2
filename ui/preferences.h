#pragma once

namespace tether::preferences {

// The app's two settings, kept in the config directory (no secrets there).
bool notificationsEnabled();
void setNotificationsEnabled(bool enabled);

// Start at login: an XDG autostart entry that runs `tether --hidden`.
bool startsAtLogin();
bool setStartsAtLogin(bool enabled);

} // namespace tether::preferences
