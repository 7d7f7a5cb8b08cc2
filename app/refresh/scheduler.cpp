#include "scheduler.h"

#include "core/clock.h"
#include "refresh/waketimer.h"

#include <algorithm>

namespace tether {

Scheduler::Scheduler(const Clock &clock, WakeTimer *timer, QObject *parent)
    : QObject(parent), m_clock(clock), m_timer(timer)
{
    connect(m_timer, &WakeTimer::timerFired, this, &Scheduler::reevaluate);
    connect(m_timer, &WakeTimer::wallClockChanged, this, &Scheduler::reevaluate);
}

void Scheduler::schedule(const QString &key, const QDateTime &whenUtc)
{
    if (!whenUtc.isValid())
        return unschedule(key);
    m_deadlines.insert(key, whenUtc);
    rearm();
}

void Scheduler::unschedule(const QString &key)
{
    if (m_deadlines.remove(key))
        rearm();
}

void Scheduler::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused)
        m_timer->disarm();
    else
        reevaluate();
}

void Scheduler::reevaluate()
{
    if (m_paused)
        return;
    const QDateTime now = m_clock.nowUtc();
    QList<std::pair<QDateTime, QString>> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end();) {
        if (it.value() <= now) {
            due.append({it.value(), it.key()});
            it = m_deadlines.erase(it);
        } else {
            ++it;
        }
    }
    rearm();
    if (due.isEmpty())
        return;
    std::sort(due.begin(), due.end());
    QStringList keys;
    for (const auto &entry : due)
        keys << entry.second;
    Q_EMIT deadlinesDue(keys);
}

void Scheduler::rearm()
{
    if (m_paused || m_batchDepth > 0)
        return;
    if (m_deadlines.isEmpty()) {
        m_timer->disarm();
        return;
    }
    const auto earliest = std::min_element(m_deadlines.cbegin(), m_deadlines.cend());
    m_timer->arm(*earliest);
}

} // namespace tether
