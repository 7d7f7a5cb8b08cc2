#pragma once

#include <QObject>

namespace tether {

// Turns SIGTERM, SIGINT and SIGHUP into a quit of the event loop, so that the running app
// finishes what it writes, releases its locks and removes its socket (a self-pipe: nothing but
// write() runs in the signal handler).
class QuitSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuitSignals)

public:
    explicit QuitSignals(QObject *parent = nullptr);

Q_SIGNALS:
    void quitRequested();
};

} // namespace tether
