#pragma once

#include <QDateTime>
#include <QMap>
#include <QObject>

namespace tether {

class Clock;
class WakeTimer;

// One wall-clock deadline per key (an account's next refresh, its expiry warnings) and one
// timer for the whole set, armed for the earliest. No polling: between deadlines the process
// sleeps. While paused (offline) nothing fires; resuming, a clock jump or a wake from suspend
// evaluates every deadline again and reports the overdue ones at once.
class Scheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scheduler)

public:
    Scheduler(const Clock &clock, WakeTimer *timer, QObject *parent = nullptr);

    void schedule(const QString &key, const QDateTime &whenUtc);
    void unschedule(const QString &key);
    QDateTime deadline(const QString &key) const { return m_deadlines.value(key); }
    int size() const { return int(m_deadlines.size()); }

    // Within a batch, changes do not re-arm the timer; the batch's end re-arms it once.
    // (Re-arming after each of a thousand accounts' deadlines costs a scan and a syscall each.)
    class Batch
    {
    public:
        explicit Batch(Scheduler &scheduler) : m_scheduler(scheduler)
        {
            ++m_scheduler.m_batchDepth;
        }
        ~Batch()
        {
            if (--m_scheduler.m_batchDepth == 0)
                m_scheduler.rearm();
        }
        Q_DISABLE_COPY_MOVE(Batch)

    private:
        Scheduler &m_scheduler;
    };

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Fires whatever is due now: after a resume, a clock jump, or the network returning.
    void reevaluate();

Q_SIGNALS:
    void deadlinesDue(const QStringList &keys); // earliest first; they are removed

private:
    void rearm();

    const Clock &m_clock;
    WakeTimer *m_timer;
    QMap<QString, QDateTime> m_deadlines;
    bool m_paused = false;
    int m_batchDepth = 0;
};

} // namespace tether
