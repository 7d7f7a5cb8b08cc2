#include "waketimer.h"

#include <QSocketNotifier>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/timerfd.h>
#include <unistd.h>
#endif

namespace tether {

SystemWakeTimer::SystemWakeTimer(QObject *parent) : WakeTimer(parent)
{
#ifdef Q_OS_LINUX
    m_fd = ::timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &SystemWakeTimer::onReadable);
        return;
    }
#endif
    m_fallback = new QTimer(this);
    m_fallback->setSingleShot(true);
    m_fallback->setTimerType(Qt::VeryCoarseTimer);
    connect(m_fallback, &QTimer::timeout, this, [this] {
        // QTimer runs on the monotonic clock, which stops during suspend: check the wall clock.
        if (QDateTime::currentDateTimeUtc() >= m_deadline) {
            m_armed = false;
            Q_EMIT timerFired();
        } else {
            arm(m_deadline);
        }
    });
}

SystemWakeTimer::~SystemWakeTimer()
{
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

void SystemWakeTimer::arm(const QDateTime &deadlineUtc)
{
    m_deadline = deadlineUtc;
    m_armed = true;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        const qint64 ms = std::max<qint64>(deadlineUtc.toMSecsSinceEpoch(), 1);
        itimerspec spec{};
        spec.it_value.tv_sec = time_t(ms / 1000);
        spec.it_value.tv_nsec = long(ms % 1000) * 1000000L;
        if (::timerfd_settime(m_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr)
            == 0)
            return;
        if (errno == ECANCELED) { // the clock changed between reading and arming
            m_armed = false;
            QTimer::singleShot(0, this, &WakeTimer::wallClockChanged);
            return;
        }
    }
#endif
    if (m_fallback) {
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(deadlineUtc);
        // Long waits are cut into hours so that a suspend cannot delay a deadline by much more.
        m_fallback->start(int(std::clamp<qint64>(wait, 0, 3600 * 1000)));
    }
}

void SystemWakeTimer::disarm()
{
    m_armed = false;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        itimerspec spec{};
        ::timerfd_settime(m_fd, 0, &spec, nullptr);
        return;
    }
#endif
    if (m_fallback)
        m_fallback->stop();
}

void SystemWakeTimer::onReadable()
{
#ifdef Q_OS_LINUX
    quint64 expirations = 0;
    const ssize_t n = ::read(m_fd, &expirations, sizeof expirations);
    if (n < 0 && errno == ECANCELED) {
        m_armed = false;
        Q_EMIT wallClockChanged();
        return;
    }
    if (n == sizeof expirations && expirations > 0) {
        m_armed = false;
        Q_EMIT timerFired();
    }
#endif
}

} // namespace tether
