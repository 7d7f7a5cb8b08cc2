#pragma once

#include "core/clock.h"

namespace tether::test {

// A clock that moves only when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime(QDate(2026, 1, 1), QTime(12, 0),
                                                            QTimeZone::utc()))
        : m_now(start)
    { }
    QDateTime nowUtc() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonic; }

    void advance(qint64 seconds)
    {
        m_now = m_now.addSecs(seconds);
        m_monotonic += seconds * 1000;
    }
    void advanceMs(qint64 milliseconds)
    {
        m_now = m_now.addMSecs(milliseconds);
        m_monotonic += milliseconds;
    }
    void jumpWallClock(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
    qint64 m_monotonic = 0;
};

} // namespace tether::test
