#pragma once

#include "core/failure.h"

#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace tether {

// The per-account lock held around read → refresh → write, so that processes on this machine
// (the app, `tether refresh`, `tether token`) never send the same refresh token twice.
// A QLockFile in the user's runtime directory; a lock whose holder died is taken over.
// Acquisition is asynchronous: it retries on a timer and never blocks the event loop.
class AccountLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountLock)

public:
    AccountLock(const QString &accountId, QObject *parent = nullptr);
    ~AccountLock() override;

    void acquire(int timeoutMs);
    void release();
    bool isHeld() const;

Q_SIGNALS:
    void lockAcquired();
    void lockFailed(const tether::Failure &failure);

private:
    void attempt();

    std::unique_ptr<QLockFile> m_file;
    QTimer m_retry;
    qint64 m_deadline = 0;
    int m_delayMs = 2;
};

} // namespace tether
