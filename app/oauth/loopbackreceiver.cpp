#include "loopbackreceiver.h"

#include "core/text.h"
#include "oauth/requesthead.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LoopbackReceiver)
};

QByteArray page(int status, const QByteArray &reason, const QString &title, const QString &text)
{
    const QByteArray body =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Tether</title>"
            "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;"
            "color:#222}</style></head><body><h1>"
            + title.toHtmlEscaped().toUtf8() + "</h1><p>" + text.toHtmlEscaped().toUtf8()
            + "</p></body></html>";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
           + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
           + QByteArray::number(body.size())
           + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
             "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
           + body;
}

} // namespace

std::optional<CallbackRequest> parseCallbackRequest(const QByteArray &head)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArray line = lineEnd < 0 ? head : head.left(lineEnd);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || parts.at(0).isEmpty()
        || !parts.at(1).startsWith('/'))
        return std::nullopt;
    for (char c : line) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7f)
            return std::nullopt;
    }
    CallbackRequest request;
    request.method = parts.at(0);
    const QByteArray &target = parts.at(1);
    const qsizetype question = target.indexOf('?');
    request.path = QString::fromUtf8(
            QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question)));
    // The redirect's query is form-encoded (RFC 6749 §4.1.2, Appendix B): '+' is a space.
    if (question >= 0)
        request.query =
                QUrlQuery(QString::fromLatin1(target.mid(question + 1).replace('+', "%20")));
    return request;
}

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this)), m_resume(new QTimer(this))
{
    m_resume->setSingleShot(true);
    m_resume->setInterval(kResumeAcceptingMs);
    connect(m_resume, &QTimer::timeout, m_server, &QTcpServer::resumeAccepting);
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onConnection);
    // Out of file descriptors (a flood of connections): Qt pauses accepting. Try again soon,
    // once the dropped connections have given theirs back, rather than never again.
    connect(m_server, &QTcpServer::acceptError, m_resume, qOverload<>(&QTimer::start));
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(quint16 port, const QString &path, QString *error)
{
    m_path = path;
    // 127.0.0.1 only: no other interface, so no other machine can ever reach the callback.
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        *error = Text::tr("cannot listen on 127.0.0.1:%1 for the sign-in callback: %2")
                         .arg(port)
                         .arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 LoopbackReceiver::port() const
{
    return m_server->serverPort();
}

QString LoopbackReceiver::redirectUri() const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(m_path);
}

void LoopbackReceiver::close()
{
    m_server->close();
    m_resume->stop();
}

void LoopbackReceiver::completeCallback(bool signedIn, const QString &message)
{
    const QPointer<QTcpSocket> socket = std::exchange(m_waiting, nullptr);
    if (!socket) {
        QMetaObject::invokeMethod(this, &LoopbackReceiver::callbackDelivered, Qt::QueuedConnection);
        return;
    }
    // Whichever comes first: the page has gone out and the connection is closed, or the browser
    // is too slow to take it.
    auto *delivered = new QObject(this);
    auto once = [this, delivered] {
        delivered->deleteLater();
        Q_EMIT callbackDelivered();
    };
    connect(socket, &QTcpSocket::disconnected, delivered, once);
    QTimer::singleShot(kDeliveryMs, delivered, once);
    socket->write(signedIn ? page(200, "OK", Text::tr("Signed in"), message)
                           : page(200, "OK", Text::tr("Sign-in not completed"), message));
    socket->disconnectFromHost();
}

void LoopbackReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_open >= kMaxConnections) {
            socket->abort(); // a flood; the real browser comes back or retries
            socket->deleteLater();
            continue;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        readRequestHead(socket, this, "\r\n\r\n", kMaxRequestBytes, m_clientDeadlineMs,
                        {[this, socket](const QByteArray &head) { respond(socket, head); },
                         [socket] {
                             socket->write(page(431, "Request Header Fields Too Large",
                                                Text::tr("Request too large"),
                                                Text::tr("This request is too large.")));
                             socket->disconnectFromHost();
                         },
                         [socket] { socket->abort(); }});
    }
}

void LoopbackReceiver::respond(QTcpSocket *socket, const QByteArray &head)
{
    auto answer = [socket](const QByteArray &response) {
        socket->write(response);
        socket->disconnectFromHost();
    };
    const auto request = parseCallbackRequest(head);
    if (!request)
        return answer(page(400, "Bad Request", Text::tr("Bad request"),
                           Text::tr("This is not a request Tether understands.")));
    if (request->method != "GET" || request->path != m_path)
        return answer(page(404, "Not Found", Text::tr("Not found"),
                           Text::tr("This address is only for signing in to Tether.")));
    Q_EMIT callbackSeen();
    if (m_done)
        return answer(page(409, "Conflict", Text::tr("Already done"),
                           Text::tr("This sign-in has already been completed or cancelled. You "
                                    "can close this tab.")));
    // A response that does not carry our state was not started by this attempt (RFC 6749 §10.12):
    // turn it away and keep waiting for the real one.
    const QByteArray state =
            request->query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (m_state.isEmpty() || state != m_state)
        return answer(page(400, "Bad Request", Text::tr("Unexpected sign-in"),
                           Text::tr("This sign-in response was not started by Tether and was "
                                    "ignored.")));

    const QString error = text::fromServer(
            request->query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded), 64);
    if (!error.isEmpty()) {
        const QString description = text::fromServer(request->query.queryItemValue(
                QStringLiteral("error_description"), QUrl::FullyDecoded));
        const QString what =
                error == QLatin1String("access_denied")
                        ? Text::tr("the sign-in was cancelled or access was denied at the provider")
                        : Text::tr("the provider refused the sign-in (%1)").arg(error);
        const QString message =
                description.isEmpty() ? what : what + QStringLiteral(": ") + description;
        const Failure failure = error == QLatin1String("access_denied")
                                        ? Failure::reconnect(error, message)
                                        : Failure::configuration(error, message);
        answer(page(200, "OK", Text::tr("Sign-in not completed"),
                    message + QLatin1Char(' ')
                            + Text::tr("Tether is still waiting: sign in again from the start, "
                                       "or cancel in Tether.")));
        Q_EMIT authorizationRefused(failure);
        return;
    }
    const QString code = request->query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return answer(page(400, "Bad Request", Text::tr("No code"),
                           Text::tr("The sign-in response carried no code.")));
    m_done = true;
    // The browser waits on this connection until the code has been exchanged.
    m_waiting = socket;
    Q_EMIT authorizationReceived(
            {code, request->query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded)});
}

} // namespace tether
