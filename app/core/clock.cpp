#include "clock.h"

namespace tether {

SystemClock::SystemClock()
{
    m_monotonic.start();
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_monotonic.elapsed();
}

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace tether
