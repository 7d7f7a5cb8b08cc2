#pragma once

namespace tether {

// For processes that hold tokens in memory, as ssh-agent and gpg-agent do.
//
// refuseCoreDumps: no core file (RLIMIT_CORE 0). Every Tether process sets it at start
// (main.cpp); nothing depends on a core file.
//
// refuseTracing: other processes of the same user may not ptrace it or read its memory
// (PR_SET_DUMPABLE 0). It also hides /proc/PID/exe from them, which is how the service tells
// the user's own window and commands from other programs (service/caller.h): a client of the
// service sets it only where the service no longer needs to identify it (docs/security.md).
//
// Each returns whether it took; hardenProcess does both.
bool refuseCoreDumps();
bool refuseTracing();
bool hardenProcess();

} // namespace tether
