#pragma once

#include "oauth/tokenrequest.h"
#include "oauth/tokenresponse.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace tether {

// What one HTTP exchange produced: an answer (status, capped body) or a transport failure.
struct HttpResult
{
    HttpAnswer answer; // status 0 when no complete HTTP answer arrived
    std::optional<Failure> transportFailure; // kind Temporary: timeout, network, too large ...
    bool answerLost = false; // the server may have acted on a request whose answer was lost
};

// One bounded HTTP exchange. Emits httpFinished exactly once, then deletes itself.
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    void abort();

Q_SIGNALS:
    void httpFinished(const tether::HttpResult &result);

private:
    friend class HttpClient;
    HttpExchange(QNetworkReply *reply, qint64 timeoutMs, qint64 maxResponseBytes, QObject *parent);
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    qint64 m_maxResponseBytes;
    enum class Abort { None, Timeout, TooLarge, Caller } m_abort = Abort::None;
    bool m_done = false;
};

// HTTP for credentials: every exchange has a total deadline and a response-size cap (aborted
// while downloading); TLS errors are never ignored; redirects, cookies and caches are off; a
// POST goes out exactly once (Qt's silent re-send after a dropped connection is disabled).
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    static constexpr qint64 kDefaultTimeoutMs = 30'000;
    static constexpr qint64 kDefaultMaxResponseBytes = 1024 * 1024;

    explicit HttpClient(QObject *parent = nullptr);

    void setTimeout(qint64 milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    HttpExchange *post(const HttpRequest &request);
    HttpExchange *get(const QUrl &url);

private:
    // Built on first use: most commands (`tether token` with a valid token above all) never
    // touch the network, and the HTTP stack costs milliseconds to build.
    QNetworkAccessManager *network();

    QNetworkAccessManager *m_network = nullptr;
    qint64 m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
};

} // namespace tether
