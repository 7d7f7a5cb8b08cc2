#pragma once

#include "control/controlprotocol.h"

#include <QObject>

class QLocalSocket;
class QTimer;

namespace tether {

// The command line's end of the control socket. Emits exactly one of: answered (the running app
// ran the request), or unreachable (no app runs: the caller does the work itself).
class ControlClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlClient)

public:
    static constexpr int kAnswerDeadlineMs = 180'000; // a refresh, with its lock wait, fits

    explicit ControlClient(QObject *parent = nullptr);
    void send(const control::Request &request);

Q_SIGNALS:
    void answered(const tether::control::Answer &answer);
    void unreachable();

private:
    void readAnswer();
    void finish(const std::optional<control::Answer> &answer);

    QLocalSocket *m_socket;
    QTimer *m_deadline;
    QByteArray m_buffer;
    QByteArray m_request;
    bool m_connected = false;
    bool m_done = false;
};

} // namespace tether
