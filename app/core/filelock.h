#pragma once

#include <QString>

namespace tether {

// An exclusive advisory lock on a file (flock(2)), for the account, registry and sign-in locks.
// The kernel lets go of it when the holding process ends, however it ends: a kill -9 at any
// instant leaves no stale lock behind. (QLockFile, used before, writes the holder's PID into a
// file it creates; a process killed between the create and the write left an empty file that no
// later process would ever take over: test_crashes found it.) The file itself stays; only the
// lock on it comes and goes. The descriptor is close-on-exec, so a browser or any other child
// never inherits the lock.
class FileLock
{
    Q_DISABLE_COPY_MOVE(FileLock)

public:
    enum class Result { Acquired, Busy, Failed };

    explicit FileLock(QString path) : m_path(std::move(path)) { }
    ~FileLock() { unlock(); }

    // Never blocks. Failed: the file cannot be opened or created (a full or read-only disk).
    Result tryLock();
    // Retries for up to timeoutMs, sleeping between attempts: only for locks held for
    // milliseconds (the registry's read-modify-write).
    Result tryLock(int timeoutMs);
    void unlock();
    bool isLocked() const { return m_locked; }
    QString path() const { return m_path; }

    // Whether another holder has the lock right now (this process's other FileLocks included).
    static bool isHeld(const QString &path);
    // The process that holds it now, when that process is stopped (SIGSTOP, Ctrl+Z, a
    // debugger): it cannot finish, so waiting for it is pointless. 0 otherwise. Every holder
    // writes its process id into the file when it takes the lock.
    static qint64 stoppedHolder(const QString &path);

private:
    QString m_path;
    int m_fd = -1;
    bool m_locked = false;
};

} // namespace tether
