#include "httpclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstring>
#include <utility>

namespace tether {

namespace {

// How many body bytes the response's head announced, when that count can be held against what
// arrived: not when a transfer coding or a content coding (which Qt undoes) changes the length,
// and not for statuses that carry no body. -1: no count to hold it to.
qint64 announcedLength(const QNetworkReply &reply, int status)
{
    if (status / 100 == 1 || status == 204 || status == 304
        || reply.hasRawHeader("Transfer-Encoding") || reply.hasRawHeader("Content-Encoding"))
        return -1;
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    return length.isValid() ? length.toLongLong() : -1;
}

// A request body that can be read exactly once. Qt's HTTP channel silently re-sends a request
// whose connection closed before a response arrived, after resetting its upload device; a token
// request must never go out twice (a single-use refresh token would be spent twice and the
// provider would revoke the whole family), so this device refuses to be reset and the re-send
// turns into an error instead.
//
// Qt reads it on the main thread only when the HTTP channel, connected, asks for the body; it
// then writes header and body together. The first read is therefore the last moment before
// the server can act on the request, and where the exchange's BeforeSending runs.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    void setBeforeFirstRead(std::function<bool()> gate) { m_beforeFirstRead = std::move(gate); }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_beforeFirstRead) {
            const auto gate = std::exchange(m_beforeFirstRead, {});
            m_refused = !gate();
        }
        if (m_refused)
            return 0; // nothing more; the exchange aborts the request
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_position);
        std::memcpy(data, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    std::function<bool()> m_beforeFirstRead;
    qint64 m_position = 0;
    bool m_refused = false;
};

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

} // namespace

HttpExchange::HttpExchange(QNetworkReply *reply, qint64 timeoutMs, qint64 maxResponseBytes,
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
    connect(reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    m_deadline.start();
}

void HttpExchange::abort()
{
    if (m_done || !m_reply)
        return;
    m_abort = Abort::Caller;
    m_reply->abort();
}

bool HttpExchange::beforeBody()
{
    if (m_abort != Abort::None)
        return false;
    if (m_beforeSending)
        m_refused = m_beforeSending();
    if (m_refused) {
        m_abort = Abort::Refused;
        // Not from inside Qt's read of the body: abort once it has returned.
        QMetaObject::invokeMethod(
                this, [this] { m_reply->abort(); }, Qt::QueuedConnection);
        return false;
    }
    m_bodyStarted = true;
    return true;
}

void HttpExchange::onReadyRead()
{
    if (m_abort != Abort::None)
        return;
    // Read as it arrives and stop at the cap, so a huge response costs at most the cap.
    m_body += m_reply->read(m_maxResponseBytes + 1 - m_body.size());
    if (m_body.size() > m_maxResponseBytes) {
        m_abort = Abort::TooLarge;
        m_reply->abort();
    }
}

void HttpExchange::onFinished()
{
    m_deadline.stop();
    if (m_abort == Abort::None)
        m_body += m_reply->read(m_maxResponseBytes + 1 - m_body.size());

    HttpResult result;
    HttpResponse &response = result.response;
    response.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = m_body;
    response.retryAfter = m_reply->rawHeader("Retry-After");
    response.location = m_reply->rawHeader("Location");
    const QNetworkReply::NetworkError error = m_reply->error();

    switch (m_abort) {
    case Abort::Timeout:
        result.transportFailure =
                Failure::temporary(QStringLiteral("timeout"),
                                   Text::tr("the server did not answer within %1 s")
                                           .arg(m_deadline.interval() / 1000.0),
                                   response.status);
        result.responseLost = true;
        break;
    case Abort::TooLarge:
        result.transportFailure = Failure::temporary(
                QStringLiteral("answer_too_large"),
                Text::tr("the server's response was larger than %1 KiB and was cut off")
                        .arg(m_maxResponseBytes / 1024),
                response.status);
        result.responseLost = response.status / 100 == 2; // a success was on its way
        break;
    case Abort::Caller:
        result.transportFailure = Failure::temporary(QStringLiteral("cancelled"),
                                                     Text::tr("the request was cancelled"));
        result.responseLost = true;
        break;
    case Abort::Refused:
        result.transportFailure = *m_refused;
        break;
    case Abort::None:
        // No complete HTTP response: a refused connection never reached the server; anything
        // after the connection was made (including Qt's refused re-send) may have been acted on.
        if (response.status == 0
            || (error > QNetworkReply::NoError && error <= QNetworkReply::UnknownNetworkError)) {
            const bool neverSent = error == QNetworkReply::ConnectionRefusedError
                                   || error == QNetworkReply::HostNotFoundError
                                   || error == QNetworkReply::SslHandshakeFailedError
                                   || error == QNetworkReply::ProxyConnectionRefusedError
                                   || error == QNetworkReply::ProxyNotFoundError
                                   || (m_beforeSending && !m_bodyStarted);
            result.transportFailure =
                    Failure::temporary(error == QNetworkReply::SslHandshakeFailedError
                                               ? QStringLiteral("tls_error")
                                               : QStringLiteral("network_error"),
                                       Text::tr("could not reach %1: %2")
                                               .arg(m_reply->url().host(), m_reply->errorString()),
                                       response.status);
            result.responseLost = !neverSent;
        } else if (const qint64 announced = announcedLength(*m_reply, response.status);
                   announced >= 0 && m_body.size() < announced) {
            // The connection ended before the body its head announced: a cut-off answer, never
            // one to read. Qt reports most of these as RemoteHostClosedError, but finishes some
            // without an error when the reset arrives after the last bytes were read.
            result.transportFailure = Failure::temporary(
                    QStringLiteral("network_error"),
                    Text::tr("the connection to %1 ended after %2 of the %3 bytes of its answer")
                            .arg(m_reply->url().host())
                            .arg(m_body.size())
                            .arg(announced),
                    response.status);
            result.responseLost = true;
        }
        break;
    }
    // A body that never started to leave was never acted on, whatever else went wrong.
    if (m_beforeSending && !m_bodyStarted)
        result.responseLost = false;
    m_done = true;
    Q_EMIT httpFinished(result);
    deleteLater();
}

HttpClient::HttpClient(QObject *parent) : QObject(parent)
{
    if (const int ms = qEnvironmentVariableIntValue("TETHER_HTTP_TIMEOUT_MS"); ms > 0)
        m_timeoutMs = ms;
}

QNetworkAccessManager *HttpClient::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setAutoDeleteReplies(false);
    }
    return m_network;
}

HttpExchange *HttpClient::post(const HttpRequest &request, BeforeSending beforeSending)
{
    QNetworkRequest networkRequest = request.toNetworkRequest();
    // Stream the body from a device that cannot be rewound (see OneShotBody); without a length
    // and with buffering allowed, Qt would copy it into a buffer it can rewind.
    networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
    networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotBody(request.body, nullptr);
    QNetworkReply *reply = network()->post(networkRequest, body);
    body->setParent(reply);
    auto *exchange = new HttpExchange(reply, m_timeoutMs, m_maxResponseBytes, this);
    exchange->m_beforeSending = std::move(beforeSending);
    body->setBeforeFirstRead(
            [exchange = QPointer(exchange)] { return exchange && exchange->beforeBody(); });
    return exchange;
}

HttpExchange *HttpClient::get(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return new HttpExchange(network()->get(request.toNetworkRequest()), m_timeoutMs,
                            m_maxResponseBytes, this);
}

} // namespace tether
