#include "loopbackreceiver.h"

#include "core/requesthead.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace tether {

namespace {

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
    const QByteArray target = parts.at(1);
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
    : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(quint16 port, const QString &path, QString *error)
{
    m_path = path;
    // 127.0.0.1 only: no other interface, so no other machine can ever reach the callback.
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1 for the sign-in callback: %2")
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
}

void LoopbackReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        readRequestHead(socket, this, "\r\n\r\n", kMaxRequestBytes, m_clientDeadlineMs,
                        {[this, socket](const QByteArray &head) { respond(socket, head); },
                         [socket] {
                             socket->write(page(431, "Request Header Fields Too Large",
                                                tr("Request too large"),
                                                tr("This request is too large.")));
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
        return answer(page(400, "Bad Request", tr("Bad request"),
                           tr("This is not a request Tether understands.")));
    if (request->method != "GET" || request->path != m_path)
        return answer(page(404, "Not Found", tr("Not found"),
                           tr("This address is only for signing in to Tether.")));
    if (m_done)
        return answer(page(409, "Conflict", tr("Already done"),
                           tr("This sign-in has already been completed or cancelled. You can close "
                              "this tab.")));
    // A response that does not carry our state was not started by this attempt (RFC 6749 §10.12):
    // turn it away and keep waiting for the real one.
    const QByteArray state =
            request->query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (m_state.isEmpty() || state != m_state)
        return answer(page(400, "Bad Request", tr("Unexpected sign-in"),
                           tr("This sign-in response was not started by Tether and was ignored.")));

    const QString error =
            request->query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        m_done = true;
        QString description =
                request->query
                        .queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)
                        .simplified()
                        .left(200);
        const QString what =
                error == QLatin1String("access_denied")
                        ? tr("the sign-in was cancelled or access was denied at the provider")
                        : tr("the provider refused the sign-in (%1)").arg(error.left(64));
        const QString message =
                description.isEmpty() ? what : what + QStringLiteral(": ") + description;
        const Failure failure{error == QLatin1String("access_denied") ? FailureKind::Reconnect
                                                                      : FailureKind::Configuration,
                              error.left(64), message, std::nullopt, 0};
        // Reported once the page has reached the browser, so that nothing cuts it off.
        connect(socket, &QTcpSocket::disconnected, this,
                [this, failure] { Q_EMIT authorizationFailed(failure); });
        answer(page(200, "OK", tr("Sign-in not completed"), message));
        return;
    }
    const QString code = request->query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return answer(page(400, "Bad Request", tr("No code"),
                           tr("The sign-in response carried no code.")));
    m_done = true;
    const AuthorizationResponse response{
            code, request->query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded)};
    connect(socket, &QTcpSocket::disconnected, this,
            [this, response] { Q_EMIT authorizationReceived(response); });
    answer(page(200, "OK", tr("Signed in"), tr("Tether is connected. You can close this tab.")));
}

} // namespace tether
