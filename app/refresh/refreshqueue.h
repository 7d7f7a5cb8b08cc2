#pragma once

#include "core/callback.h"
#include "refresh/refreshoperation.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace tether {

// Runs refresh operations, a few at a time, one per account: a caller asking while a refresh of
// that account runs joins it and gets its result (the new token). Background refreshes wait in
// a queue while paused (offline); callers who wait for an answer are never held back.
class RefreshQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshQueue)

public:
    static constexpr int kMaxParallel = 8;
    using Reply = Callback<const RefreshResult &>;

    explicit RefreshQueue(const Engine &engine, QObject *parent = nullptr);
    ~RefreshQueue() override;

    // A background refresh (Force), queued behind the others.
    void enqueue(const QString &id);
    // A refresh someone waits for: runs now, or joins the one under way.
    void run(const QString &id, RefreshOperation::Mode mode, const Reply &reply);

    bool isRunning(const QString &id) const { return m_running.contains(id); }
    int runningCount() const { return int(m_running.size()); }
    void setPaused(bool paused);
    // Starts nothing new and calls `done` once the refreshes under way have stored their
    // results: quitting in the middle of one could lose a rotated refresh token.
    void drain(const std::function<void()> &done);

Q_SIGNALS:
    void refreshStarted(const QString &id);
    void refreshFinished(const QString &id, const tether::RefreshResult &result);

private:
    void pump();
    void start(const QString &id, RefreshOperation::Mode mode);

    Engine m_engine;
    QStringList m_queue;
    QSet<QString> m_running;
    QHash<QString, QList<Reply>> m_waiting;
    bool m_paused = false;
    bool m_draining = false;
    std::function<void()> m_drained;
};

} // namespace tether
