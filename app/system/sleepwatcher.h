#pragma once

#include <QObject>

namespace tether {

// Resume from suspend, from logind's PrepareForSleep(false) on the system bus where there is
// one. (The scheduler's timer notices resumes and clock jumps by itself on Linux; this signal
// only makes the reaction immediate.)
class SleepWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SleepWatcher)

public:
    explicit SleepWatcher(QObject *parent = nullptr);
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void resumed();

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);

private:
    bool m_connected = false;
};

} // namespace tether
