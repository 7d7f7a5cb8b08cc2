#pragma once

#include <QByteArray>
#include <QString>

namespace tether {

// What /proc says of a process, for telling people (and Tether's access list) which program it
// is. Nothing here is a proof against a program of the same user: docs/security.md.
struct ProcessInfo
{
    quint32 pid = 0;
    quint32 parent = 0; // 0 when unknown
    QString executable; // /proc/PID/exe, empty when unreadable
    QString flatpakAppId; // the application id in its sandbox's /.flatpak-info, empty outside one
    bool terminal = false; // it has a controlling terminal
};

ProcessInfo readProcess(quint32 pid);

// The program a process works for, as access decisions name it: its Flatpak app id inside a
// sandbox; else, when it is `tether` itself (`ownExecutable`) without a terminal (a command run
// by another program: msmtp's passwordeval, git's credential helper, a script), the nearest
// ancestor that is neither Tether nor a shell; else its own executable. Empty when unknown.
QString programOf(const ProcessInfo &process, const QString &ownExecutable);

// Parsing, for tests: /proc/PID/stat's controlling terminal (tty_nr) and parent, and the
// application name in a .flatpak-info file.
bool statHasTerminal(const QByteArray &stat);
quint32 statParent(const QByteArray &stat);
QString flatpakAppId(const QByteArray &flatpakInfo);
bool isShell(const QString &executable);

} // namespace tether
