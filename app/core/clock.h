#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

namespace tether {

// Wall-clock instants (expiry times, stored as UTC) and monotonic time (timers, backoff) behind
// one seam, so tests can move time without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

    static const Clock &instance();

private:
    QElapsedTimer m_monotonic;
};

} // namespace tether
