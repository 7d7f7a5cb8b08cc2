#include "accountlock.h"

#include "core/paths.h"

#include <QDateTime>

namespace tether {

AccountLock::AccountLock(const QString &accountId, QObject *parent)
    : QObject(parent),
      m_file(std::make_unique<QLockFile>(paths::runtimeDir() + QLatin1Char('/') + accountId
                                         + QStringLiteral(".lock")))
{
    m_file->setStaleLockTime(0); // stale only when the holding process is gone
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AccountLock::attempt);
}

AccountLock::~AccountLock()
{
    release();
}

void AccountLock::acquire(int timeoutMs)
{
    m_deadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    m_delayMs = 2;
    attempt();
}

void AccountLock::release()
{
    m_retry.stop();
    if (m_file->isLocked())
        m_file->unlock();
}

bool AccountLock::isHeld() const
{
    return m_file->isLocked();
}

void AccountLock::attempt()
{
    if (m_file->tryLock(0)) {
        Q_EMIT lockAcquired();
        return;
    }
    if (m_file->error() == QLockFile::PermissionError
        || m_file->error() == QLockFile::UnknownError) {
        Q_EMIT lockFailed(
                {FailureKind::Unexpected, QStringLiteral("lock_failed"),
                 QStringLiteral("cannot create the lock file in %1").arg(paths::runtimeDir()),
                 std::nullopt, 0});
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() >= m_deadline) {
        Q_EMIT lockFailed({FailureKind::Temporary, QStringLiteral("account_busy"),
                           QStringLiteral("another Tether process is refreshing this account and "
                                          "has not finished; try again"),
                           std::nullopt, 0});
        return;
    }
    m_retry.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, 100);
}

} // namespace tether
