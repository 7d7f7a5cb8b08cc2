#pragma once

#include <QObject>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace tether {

class AccountBackend;
class Clock;

// The running app's end of the control socket: it runs the commands that `tether COMMAND`
// processes hand it (with the app's own backend, so they share its locks, schedule and
// in-memory tokens) and sends back their output and exit code. Also the single-instance guard:
// only the process holding the instance lock listens.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    ControlServer(AccountBackend &backend, const Clock &clock, QObject *parent = nullptr);
    ~ControlServer() override;

    // False when another instance holds the lock (tell it to raise instead), or the socket
    // could not be created (`error` says why).
    bool listen(QString *error);
    static bool anotherInstanceRuns();

Q_SIGNALS:
    void raiseRequested();

private:
    void onConnection();
    void handle(QLocalSocket *socket, const QByteArray &line);

    AccountBackend &m_backend;
    const Clock &m_clock;
    std::unique_ptr<QLockFile> m_instanceLock;
    QLocalServer *m_server;
};

} // namespace tether
