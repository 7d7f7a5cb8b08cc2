#include "tokenclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstring>

namespace tether {

namespace {

// A request body that can be read exactly once. Qt's HTTP channel silently re-sends a request
// whose connection closed before an answer arrived, after resetting its upload device; a token
// request must never go out twice (a single-use refresh token would be spent twice and the
// provider would revoke the whole family), so this device refuses to be reset and the re-send
// turns into an error instead.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_position);
        std::memcpy(data, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace

TokenExchange::TokenExchange(QNetworkReply *reply, qint64 timeoutMs, qint64 maxResponseBytes,
                             QObject *parent)
    : QObject(parent), m_reply(reply), m_maxResponseBytes(maxResponseBytes)
{
    reply->setParent(this);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(std::chrono::milliseconds(timeoutMs));
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_abort = Abort::Timeout;
        m_reply->abort();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > m_maxResponseBytes) {
            m_abort = Abort::TooLarge;
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, &TokenExchange::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &TokenExchange::onFinished);
    m_deadline.start();
}

void TokenExchange::abort()
{
    if (m_done || !m_reply)
        return;
    m_abort = Abort::Caller;
    m_reply->abort();
}

void TokenExchange::onReadyRead()
{
    if (m_abort != Abort::None)
        return;
    // Read as it arrives and stop at the cap, so a huge answer costs at most the cap.
    m_body += m_reply->read(m_maxResponseBytes + 1 - m_body.size());
    if (m_body.size() > m_maxResponseBytes) {
        m_abort = Abort::TooLarge;
        m_reply->abort();
    }
}

void TokenExchange::onFinished()
{
    m_deadline.stop();
    if (m_abort == Abort::None)
        m_body += m_reply->read(m_maxResponseBytes + 1 - m_body.size());

    HttpAnswer answer;
    answer.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = m_body;
    answer.retryAfter = m_reply->rawHeader("Retry-After");
    answer.location = m_reply->rawHeader("Location");
    const QNetworkReply::NetworkError error = m_reply->error();

    TokenOutcome outcome;
    const bool httpAnswered = answer.status != 0;
    auto fail = [&](const QString &code, const QString &message, bool answerLost) {
        outcome.failure = {FailureKind::Temporary, code, message, std::nullopt, answer.status};
        outcome.answerLost = answerLost;
    };

    switch (m_abort) {
    case Abort::Timeout:
        fail(QStringLiteral("timeout"),
             QStringLiteral("the token endpoint did not answer within %1 s")
                     .arg(m_deadline.interval() / 1000),
             true);
        break;
    case Abort::TooLarge:
        fail(QStringLiteral("answer_too_large"),
             QStringLiteral("the token endpoint's answer was larger than %1 KiB and was cut off")
                     .arg(m_maxResponseBytes / 1024),
             answer.status / 100 == 2);
        break;
    case Abort::Caller:
        fail(QStringLiteral("cancelled"), QStringLiteral("the request was cancelled"), true);
        break;
    case Abort::None:
        if (!httpAnswered
            || (error > QNetworkReply::NoError && error <= QNetworkReply::UnknownNetworkError)) {
            // No (complete) HTTP answer: refused connections never reached the server; anything
            // after the connection was made may have been acted on.
            const bool neverSent = error == QNetworkReply::ConnectionRefusedError
                                   || error == QNetworkReply::HostNotFoundError
                                   || error == QNetworkReply::SslHandshakeFailedError
                                   || error == QNetworkReply::ProxyConnectionRefusedError
                                   || error == QNetworkReply::ProxyNotFoundError;
            const QString code = error == QNetworkReply::SslHandshakeFailedError
                                         ? QStringLiteral("tls_error")
                                         : QStringLiteral("network_error");
            fail(code,
                 QStringLiteral("could not reach the token endpoint: %1")
                         .arg(m_reply->errorString()),
                 !neverSent);
        } else {
            outcome = interpretTokenAnswer(answer, QDateTime::currentDateTimeUtc());
        }
        break;
    }
    finish(outcome);
}

void TokenExchange::finish(const TokenOutcome &outcome)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT tokenExchangeFinished(outcome);
    deleteLater();
}

TokenClient::TokenClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // No proxy auto-configuration surprises for credentials: the system proxy still applies.
    m_network->setAutoDeleteReplies(false);
}

TokenExchange *TokenClient::send(const HttpRequest &request)
{
    QNetworkRequest networkRequest = request.toNetworkRequest();
    // Stream the body from a device that cannot be rewound (see OneShotBody); without a length
    // and with buffering allowed, Qt would copy it into a buffer it can rewind.
    networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
    networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotBody(request.body, nullptr);
    QNetworkReply *reply = m_network->post(networkRequest, body);
    body->setParent(reply);
    return new TokenExchange(reply, m_timeoutMs, m_maxResponseBytes, this);
}

} // namespace tether
