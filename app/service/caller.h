#pragma once

#include <QDBusConnection>
#include <QString>

#include <functional>

class QObject;

namespace tether {

// Who sent a D-Bus call, from the bus's own word (GetConnectionCredentials: the process id the
// kernel vouches for) and that process: a Flatpak app id from its sandbox's /.flatpak-info
// (which the sandboxed program cannot change), else its executable. docs/security.md says what
// this can and cannot tell: any program of the same user outside a sandbox can pretend to be
// anything, and could read the unlocked keyring itself.
struct Caller
{
    quint32 pid = 0;
    quint32 uid = 0;
    bool known = false; // the bus answered with a process id
    QString executable; // /proc/PID/exe, empty when unreadable
    QString flatpakAppId; // the sandbox's application, empty outside one
    bool terminal = false; // the process has a controlling terminal
    bool window = false; // it owns Tether's window name (io.github.tether.Tether.Window)
    QString windowOwner; // who owns that name now (the window, where one is open), else empty
    // The program it works for, as access decisions name it (programOf): the app id, the
    // executable, or for `tether` run by another program, that program. Empty when unknown.
    QString program;

    // How people see it: the program, else the process id.
    QString displayName() const;
    // Tether's own window, or `tether` typed in the user's terminal: the same executable as the
    // service, outside any sandbox, of the same user, and the window or a terminal's command.
    bool isUsersOwnTether(const QString &ownExecutable, quint32 ownUid) const;
};

// Looks the sender of a call up (two asynchronous calls to the bus daemon, then /proc); the
// service's own executable tells `tether` run by another program apart. `done` runs unless
// `context` is gone first.
void identifyCaller(const QDBusConnection &bus, const QString &uniqueName,
                    const QString &ownExecutable, QObject *context,
                    std::function<void(const Caller &)> done);

} // namespace tether
