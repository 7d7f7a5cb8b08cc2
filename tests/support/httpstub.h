#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace tether::test {

// A scripted HTTP server on 127.0.0.1 for unit tests of the network code: each request gets
// the next scripted reply, as raw bytes (so a test can send truncated, huge or malformed
// answers), or nothing at all (to test timeouts). Records what it received.
class HttpStub final : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        QByteArray raw; // the whole HTTP response; empty with `silent`
        bool silent = false; // never answer
        bool closeAfter = true; // close the connection after writing
        qint64 streamBytes = 0; // after `raw`, stream this many filler bytes
        int resetAfterMs = -1; // instead of closing: reset the connection this long after writing
    };

    explicit HttpStub(QObject *parent = nullptr);

    QUrl url(const QString &path = QStringLiteral("/token")) const;
    void enqueue(const Reply &reply) { m_replies.append(reply); }
    void enqueueJson(int status, const QByteArray &json, const QByteArray &extraHeaders = {});

    QList<QByteArray> requests; // each: the request head and body as received
    int connections = 0;

    static QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                               const QByteArray &extraHeaders = {});

private:
    void onConnection();

    QTcpServer m_server;
    QList<Reply> m_replies;
};

} // namespace tether::test
