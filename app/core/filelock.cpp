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

// Whether /proc/PID/stat says the process is stopped ('T') or stopped by a tracer ('t').
bool processStopped(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.read(512);
    const qsizetype close = line.lastIndexOf(')'); // the command may hold spaces and parentheses
    if (close < 0 || close + 2 >= line.size())
        return false;
    const char state = line.at(close + 2);
    return state == 'T' || state == 't';
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
        // Who holds it, for a waiter that wonders whether the holder can still finish. Best
        // effort: a lock without it is a lock all the same.
        const QByteArray pid = QByteArray::number(qint64(::getpid()));
        if (::ftruncate(m_fd, 0) == 0) [[maybe_unused]]
            const ssize_t written = ::pwrite(m_fd, pid.constData(), size_t(pid.size()), 0);
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

qint64 FileLock::stoppedHolder(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.read(32).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || pid == qint64(::getpid()) || !isHeld(path))
        return 0;
    return processStopped(pid) ? pid : 0;
}

bool FileLock::isHeld(const QString &path)
{
    FileLock probe(path);
    return probe.tryLock() == Result::Busy;
}

} // namespace tether
