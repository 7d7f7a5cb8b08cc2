#pragma once

#include "oauth/tokenrequest.h"
#include "oauth/tokenresponse.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace tether {

// Called once, on a connection that is already open, just before the request leaves (Qt asks
// for the body and then writes header and body together). A failure stops the request there:
// the server gets no complete request and cannot act on it. A refresh with a single-use token
// records "in flight" here, as late as a client can and still be sure that nothing it sent
// went unrecorded.
using BeforeSending = std::function<std::optional<Failure>()>;

// What one HTTP exchange produced: a response (status, capped body) or a transport failure.
struct HttpResult
{
    HttpResponse response; // status 0 when no complete HTTP response arrived
    std::optional<Failure> transportFailure; // kind Temporary: timeout, network, too large ...
    bool responseLost = false; // the server may have acted on a request whose response was lost
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
    bool beforeBody(); // the body device asks, once
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    qint64 m_maxResponseBytes;
    BeforeSending m_beforeSending;
    std::optional<Failure> m_refused;
    bool m_bodyStarted = false;
    enum class Abort { None, Timeout, TooLarge, Caller, Refused } m_abort = Abort::None;
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

    HttpExchange *post(const HttpRequest &request, BeforeSending beforeSending = {});
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
