#pragma once

#include "oauth/tokenrequest.h"
#include "oauth/tokenresponse.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace tether {

// One exchange with a token endpoint. Emits tokenExchangeFinished exactly once and deletes
// itself afterwards. Connect with a context object; abort() ends it early.
class TokenExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenExchange)

public:
    void abort();

Q_SIGNALS:
    void tokenExchangeFinished(const tether::TokenOutcome &outcome);

private:
    friend class TokenClient;
    TokenExchange(QNetworkReply *reply, qint64 timeoutMs, qint64 maxResponseBytes, QObject *parent);
    void onReadyRead();
    void onFinished();
    void finish(const TokenOutcome &outcome);

    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    qint64 m_maxResponseBytes;
    enum class Abort { None, Timeout, TooLarge, Caller } m_abort = Abort::None;
    bool m_done = false;
};

// Sends token requests over one QNetworkAccessManager. Every request has a total deadline and a
// response-size cap; TLS errors are never ignored; redirects are not followed.
class TokenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenClient)

public:
    static constexpr qint64 kDefaultTimeoutMs = 30'000;
    static constexpr qint64 kDefaultMaxResponseBytes = 1024 * 1024;

    explicit TokenClient(QObject *parent = nullptr);

    void setTimeout(qint64 milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    // The caller checks the endpoint policy first (checkEndpoint); the client only sends.
    TokenExchange *send(const HttpRequest &request);

private:
    QNetworkAccessManager *m_network;
    qint64 m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
};

} // namespace tether
