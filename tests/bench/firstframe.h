// The first frame, for `make bench`: an event filter that prints "first_frame" on stdout once a
// paint it counts is on screen, then the resident peak, and quits. The driver (bench.py) times
// the process from its start to that line. Shared by the floors (bench_window) and the probe
// loaded into the real `tether` (firstframe_probe.cpp).
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace tether::bench {

inline long peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

class FirstFrame final : public QObject
{
public:
    // counts: whether this paint draws what the figure is about (the rows, in Tether's window).
    explicit FirstFrame(std::function<bool(QObject *)> counts, QObject *parent = nullptr)
        : QObject(parent), m_counts(std::move(counts))
    { }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_counts(watched)) {
            m_done = true;
            // The paint event arrives before anything is drawn: the frame is done when the
            // event loop next runs, after the widget painted and the backing store flushed.
            QMetaObject::invokeMethod(
                    this,
                    [] {
                        std::printf("first_frame\n");
                        std::fflush(stdout);
                        QTimer::singleShot(300, QCoreApplication::instance(), [] {
                            std::printf("peak_kib=%ld\n", peakKiB());
                            std::fflush(stdout);
                            QCoreApplication::quit();
                        });
                    },
                    Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool(QObject *)> m_counts;
    bool m_done = false;
};

} // namespace tether::bench
