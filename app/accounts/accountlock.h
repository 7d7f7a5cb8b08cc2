#pragma once

#include "core/failure.h"
#include "core/filelock.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace tether {

// The per-account lock held around read → refresh → write, so that processes on this machine
// (the service, `tether refresh`, `tether connect`) never send the same refresh token twice.
// A FileLock (flock) in the user's runtime directory: a holder that dies lets go of it at once.
// Acquisition is asynchronous: it retries on a timer and never blocks the event loop.
class AccountLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountLock)

public:
    explicit AccountLock(const QString &accountId, QObject *parent = nullptr);
    ~AccountLock() override;

    void acquire(int timeoutMs);
    void release();
    bool isHeld() const;

    // Whether some process holds the account's lock right now: a refresh (or a sign-in's store)
    // is under way. A probe that takes the lock for an instant when it is free.
    static bool heldElsewhere(const QString &accountId);

Q_SIGNALS:
    void lockAcquired();
    void lockFailed(const tether::Failure &failure);

private:
    void attempt();

    std::unique_ptr<FileLock> m_file;
    QTimer m_retry;
    QDeadlineTimer m_deadline;
    int m_delayMs = 2;
};

} // namespace tether
