#include "controlclient.h"

#include <QLocalSocket>
#include <QTimer>

namespace tether {

ControlClient::ControlClient(QObject *parent)
    : QObject(parent), m_socket(new QLocalSocket(this)), m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        finish(control::Answer{4, {}, "tether: the running Tether did not answer; try again\n"});
    });
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        m_socket->write(m_request);
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlClient::readAnswer);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this] {
        if (!m_connected)
            return finish(std::nullopt); // nobody listens: no app is running
        readAnswer(); // the answer may have arrived just before the close
        finish(control::Answer{
                4, {}, "tether: the running Tether closed the connection; try again\n"});
    });
}

void ControlClient::readAnswer()
{
    {
        m_buffer += m_socket->readAll();
        if (m_buffer.size() > control::kMaxAnswerBytes)
            return finish(control::Answer{
                    1, {}, "tether: the running Tether sent an oversized answer\n"});
        const qsizetype end = m_buffer.indexOf('\n');
        if (end >= 0) {
            const auto answer = control::decodeAnswer(m_buffer.left(end));
            finish(answer ? answer
                          : std::optional(control::Answer{
                                  1,
                                  {},
                                  "tether: the running Tether sent an unreadable answer\n"}));
        }
    }
}

void ControlClient::send(const control::Request &request)
{
    m_request = control::encode(request);
    m_deadline->start(kAnswerDeadlineMs);
    m_socket->connectToServer(control::socketPath());
}

void ControlClient::finish(const std::optional<control::Answer> &answer)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline->stop();
    if (answer)
        Q_EMIT answered(*answer);
    else
        Q_EMIT unreachable();
}

} // namespace tether
