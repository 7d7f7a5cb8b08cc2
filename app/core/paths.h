#pragma once

#include <QString>

namespace tether {

// Where Tether keeps what it keeps. Everything follows the XDG variables (through
// QStandardPaths), so tests isolate themselves by pointing HOME and XDG_* elsewhere.
namespace paths {

QString configDir(); // $XDG_CONFIG_HOME/tether: the account registry (no secrets)
QString accountsFile();
QString accessFile(); // which programs may take which account's token (no secrets)
QString userProvidersDir(); // $XDG_DATA_HOME/tether/providers: extra provider profiles
QString runtimeDir(); // $XDG_RUNTIME_DIR/tether (user-only): locks and the control socket

// The keychain service name the secrets are filed under; the demo uses its own.
QString keychainService();
void setProfileName(const QString &name); // "" for real accounts, "demo" for --demo

} // namespace paths
} // namespace tether
