#pragma once

namespace tether {

// For the process that holds tokens in memory, as ssh-agent and gpg-agent do: other processes of
// the same user may not ptrace it or read its memory (PR_SET_DUMPABLE 0), and it leaves no core
// file. Returns whether both took.
bool hardenProcess();

} // namespace tether
