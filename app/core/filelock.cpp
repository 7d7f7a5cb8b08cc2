#include "filelock.h"

#include <QFile>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace tether {

namespace {

int openLockFile(const QString &path)
{
    int fd;
    do {
        fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

int lockNow(int fd)
{
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    return rc;
}

} // namespace

FileLock::Result FileLock::tryLock()
{
    if (m_locked)
        return Result::Acquired;
    if (m_fd < 0 && (m_fd = openLockFile(m_path)) < 0)
        return Result::Failed;
    if (lockNow(m_fd) == 0) {
        m_locked = true;
        return Result::Acquired;
    }
    return errno == EWOULDBLOCK ? Result::Busy : Result::Failed;
}

FileLock::Result FileLock::tryLock(int timeoutMs)
{
    int waitedMs = 0;
    for (int delayMs = 1;; delayMs = std::min(delayMs * 2, 50)) {
        const Result result = tryLock();
        if (result != Result::Busy || waitedMs >= timeoutMs)
            return result;
        QThread::msleep(ulong(delayMs));
        waitedMs += delayMs;
    }
}

void FileLock::unlock()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // closing the only descriptor of the open file releases the lock
    m_fd = -1;
    m_locked = false;
}

bool FileLock::isHeld(const QString &path)
{
    FileLock probe(path);
    return probe.tryLock() == Result::Busy;
}

} // namespace tether
