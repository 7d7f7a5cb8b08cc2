#include "accountlock.h"

#include "core/paths.h"

#include <QCoreApplication>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountLock)
};

QString lockPath(const QString &accountId)
{
    return paths::runtimeDir() + QLatin1Char('/') + accountId + QStringLiteral(".lock");
}

} // namespace

AccountLock::AccountLock(const QString &accountId, QObject *parent)
    : QObject(parent), m_file(std::make_unique<FileLock>(lockPath(accountId)))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AccountLock::attempt);
}

AccountLock::~AccountLock()
{
    release();
}

bool AccountLock::heldElsewhere(const QString &accountId)
{
    return FileLock::isHeld(lockPath(accountId));
}

void AccountLock::acquire(int timeoutMs)
{
    m_deadline.setRemainingTime(timeoutMs);
    m_delayMs = 2;
    attempt();
}

void AccountLock::release()
{
    m_retry.stop();
    m_file->unlock();
}

bool AccountLock::isHeld() const
{
    return m_file->isLocked();
}

void AccountLock::attempt()
{
    const FileLock::Result result = m_file->tryLock();
    if (result == FileLock::Result::Acquired) {
        Q_EMIT lockAcquired();
        return;
    }
    if (result == FileLock::Result::Failed) {
        // Not held by anyone: the file cannot be made (a full or read-only runtime directory).
        Q_EMIT lockFailed(Failure::temporary(QStringLiteral("lock_failed"),
                                             Text::tr("cannot create a lock file in %1 (is its "
                                                      "disk full?)")
                                                     .arg(paths::runtimeDir())));
        return;
    }
    if (const qint64 holder = FileLock::stoppedHolder(m_file->path())) {
        // Its holder is stopped (SIGSTOP, Ctrl+Z, a debugger) and cannot finish: waiting for it
        // would only end at the deadline.
        Q_EMIT lockFailed(Failure::temporary(
                QStringLiteral("account_busy"),
                Text::tr("another Tether process (%1) is refreshing this account but is stopped; "
                         "try again once it goes on, or end it")
                        .arg(holder)));
        return;
    }
    if (m_deadline.hasExpired()) {
        Q_EMIT lockFailed(Failure::temporary(QStringLiteral("account_busy"),
                                             Text::tr("another Tether process is refreshing "
                                                      "this account and has not finished; try "
                                                      "again")));
        return;
    }
    m_retry.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, 100);
}

} // namespace tether
