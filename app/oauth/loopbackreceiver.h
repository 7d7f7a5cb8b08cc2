#pragma once

#include "core/failure.h"

#include <QObject>
#include <QUrlQuery>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace tether {

// One HTTP request line and what Tether needs of it, parsed without trusting anything.
struct CallbackRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
};

// Parses the head of an HTTP/1.x request (up to the blank line). Only the request line is used.
std::optional<CallbackRequest> parseCallbackRequest(const QByteArray &head);

// What the authorization server sent back through the browser.
struct AuthorizationResponse
{
    QString code;
    QString iss; // RFC 9207, when the server sends it
};

// The redirect target of a native app (RFC 8252 §7.3): a listener on 127.0.0.1 only (never on
// other interfaces), on a free port or the account's fixed one, open for one attempt. It
// answers every request: the callback path with the expected `state` completes the attempt;
// anything else (another path, a wrong or missing state, a second callback) gets an error page
// and changes nothing.
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    static constexpr qint64 kMaxRequestBytes = 16 * 1024;
    static constexpr int kClientDeadlineMs = 10'000;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Listens on 127.0.0.1:port (0: any free port).
    bool listen(quint16 port, const QString &path, QString *error);
    quint16 port() const;
    QString redirectUri() const; // http://127.0.0.1:PORT/callback
    void expectState(const QByteArray &state) { m_state = state; }
    // How long a client may take to send its request head before it is dropped unanswered.
    void setClientDeadline(int milliseconds) { m_clientDeadlineMs = milliseconds; }
    void close();

Q_SIGNALS:
    void authorizationReceived(const tether::AuthorizationResponse &response);
    // The server redirected with an error (access_denied ...): the attempt is over.
    void authorizationFailed(const tether::Failure &failure);

private:
    void onConnection();
    void respond(QTcpSocket *socket, const QByteArray &head);

    QTcpServer *m_server;
    QString m_path;
    QByteArray m_state;
    int m_clientDeadlineMs = kClientDeadlineMs;
    bool m_done = false;
};

} // namespace tether
