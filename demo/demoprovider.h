#pragma once

#include "accounts/account.h"

#include <QHash>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace tether {

// Tether's embedded demo provider (`tether --demo`): a small, real OAuth 2.0 server on
// 127.0.0.1 with an authorization page (an Approve button), PKCE, and one behaviour per client:
//   demo-minute    access tokens for 60 s, the refresh token is kept
//   demo-rotating  single-use refresh tokens; reusing one revokes them all
//   demo-expiring  the refresh token dies 3 minutes after it was issued
//   demo-broken    its refresh token was revoked: invalid_grant until the user reconnects
//   demo-flaky     the token endpoint answers 503 with Retry-After
class DemoProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoProvider)

public:
    struct DemoAccount
    {
        AccountConfig config;
        QString clientSecret;
        QByteArray firstResponse; // the token answer to import; empty: not connected
    };

    explicit DemoProvider(QObject *parent = nullptr);
    ~DemoProvider() override;

    bool start(QString *error);
    QUrl base() const;
    QList<DemoAccount> accounts(); // issues fresh grants for the connected ones

private:
    struct Family
    {
        QString clientId;
        bool revoked = false;
    };
    struct RefreshToken
    {
        int family = 0;
        bool spent = false;
        qint64 expiresAt = 0; // ms since epoch, 0: never
    };
    struct Code
    {
        QString clientId;
        QString redirectUri;
        QByteArray challenge;
    };

    void onConnection();
    QByteArray handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                      const QByteArray &authorization, const QByteArray &body);
    QByteArray authorizePage(const QUrlQuery &query);
    QByteArray approve(const QUrlQuery &form);
    QByteArray token(const QByteArray &authorization, const QUrlQuery &form);
    QByteArray grant(const QString &clientId, int family);

    QTcpServer *m_server;
    QHash<QString, RefreshToken> m_refresh;
    QHash<QString, Code> m_codes;
    QList<Family> m_families;
};

} // namespace tether
