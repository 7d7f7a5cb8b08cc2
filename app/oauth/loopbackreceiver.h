#pragma once

#include "core/failure.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;

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
// answers every request, and nothing but the expected one changes anything:
//   - the callback path with the expected `state` and a code: authorizationReceived; the
//     browser's connection is held until completeCallback() says how the code exchange ended,
//     so the page never says "signed in" before Tether is;
//   - with the expected state and an error (access_denied ...): authorizationRefused, and the
//     attempt goes on (another local user could have sent it: the state is visible on the
//     browser's command line); the person, Cancel or the timeout ends it;
//   - another path, a wrong or missing state, a second callback: an error page.
// At most kMaxConnections are served at once (more are dropped), and accepting resumes after
// the process ran out of file descriptors.
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    static constexpr qint64 kMaxRequestBytes = 16 * 1024;
    static constexpr int kClientDeadlineMs = 10'000;
    static constexpr int kMaxConnections = 32;
    static constexpr int kResumeAcceptingMs = 250;
    static constexpr int kDeliveryMs = 2000;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Listens on 127.0.0.1:port (0: any free port).
    bool listen(quint16 port, const QString &path, QString *error);
    quint16 port() const;
    QString redirectUri() const; // http://127.0.0.1:PORT/callback
    void expectState(const QByteArray &state) { m_state = state; }
    // How long a client may take to send its request head before it is dropped unanswered.
    void setClientDeadline(int milliseconds) { m_clientDeadlineMs = milliseconds; }
    // The page the waiting browser gets once the code was exchanged (or not); callbackDelivered
    // follows once it has gone out (at most kDeliveryMs later), or at once with no browser
    // waiting.
    void completeCallback(bool signedIn, const QString &message);
    bool browserWaiting() const { return !m_waiting.isNull(); }
    void close();

    int openConnections() const { return m_open; }

Q_SIGNALS:
    void authorizationReceived(const tether::AuthorizationResponse &response);
    void authorizationRefused(const tether::Failure &failure);
    void callbackSeen(); // a request reached the callback path (the redirect URI works)
    void callbackDelivered();

private:
    void onConnection();
    void respond(QTcpSocket *socket, const QByteArray &head);

    QTcpServer *m_server;
    QTimer *m_resume;
    QString m_path;
    QByteArray m_state;
    QPointer<QTcpSocket> m_waiting; // the browser waiting for the exchange's outcome
    int m_clientDeadlineMs = kClientDeadlineMs;
    int m_open = 0;
    bool m_done = false;
};

} // namespace tether
