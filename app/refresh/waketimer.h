#pragma once

#include <QDateTime>
#include <QObject>

class QSocketNotifier;
class QTimer;

namespace tether {

// The one timer of the scheduler: wakes at a wall-clock instant (UTC), and says when the wall
// clock jumped or the machine resumed, so that every deadline is evaluated again.
class WakeTimer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void arm(const QDateTime &deadlineUtc) = 0;
    virtual void disarm() = 0;
    virtual bool isArmed() const = 0;

Q_SIGNALS:
    void timerFired();
    void wallClockChanged(); // a jump of the wall clock, or a resume from suspend
};

// Linux: a timerfd on CLOCK_REALTIME with an absolute deadline and TFD_TIMER_CANCEL_ON_SET.
// It fires at the right wall-clock time even when the machine slept through the deadline, and a
// clock change or a resume cancels it (the kernel reports ECANCELED), so no polling is needed.
// Elsewhere, or if timerfd is unavailable, a QTimer on the remaining time.
class SystemWakeTimer final : public WakeTimer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemWakeTimer)

public:
    explicit SystemWakeTimer(QObject *parent = nullptr);
    ~SystemWakeTimer() override;

    void arm(const QDateTime &deadlineUtc) override;
    void disarm() override;
    bool isArmed() const override { return m_armed; }
    bool usesTimerFd() const { return m_fd >= 0; }

private:
    void onReadable();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_fallback = nullptr;
    QDateTime m_deadline;
    bool m_armed = false;
};

} // namespace tether
