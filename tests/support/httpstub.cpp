#include "httpstub.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace tether::test {

HttpStub::HttpStub(QObject *parent) : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &HttpStub::onConnection);
}

QUrl HttpStub::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

QByteArray HttpStub::response(int status, const QByteArray &contentType, const QByteArray &body,
                              const QByteArray &extraHeaders)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
           + "Connection: close\r\n\r\n" + body;
}

void HttpStub::enqueueJson(int status, const QByteArray &json, const QByteArray &extraHeaders)
{
    enqueue({response(status, "application/json", json, extraHeaders)});
}

void HttpStub::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++connections;
        // Owned by the readyRead connection below, so it goes with the socket.
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < headEnd + 4 + length)
                return;
            requests.append(*buffer);
            buffer->clear();
            const Reply reply = m_replies.isEmpty() ? Reply{response(500, "text/plain", "no reply")}
                                                    : m_replies.takeFirst();
            if (reply.silent)
                return;
            socket->write(reply.raw);
            for (qint64 sent = 0; sent < reply.streamBytes; sent += 65536) {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    break;
                socket->write(QByteArray(65536, ' '));
            }
            if (reply.resetAfterMs >= 0)
                QTimer::singleShot(reply.resetAfterMs, socket, [socket] { socket->abort(); });
            else if (reply.closeAfter)
                socket->disconnectFromHost();
        });
    }
}

} // namespace tether::test
