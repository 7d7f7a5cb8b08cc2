#pragma once

#include "oauth/tokenrequest.h"

#include <QObject>

namespace tether {

class HttpClient;

// Token revocation (RFC 7009): one form POST of the token with its type hint. The server answers
// 200 whether or not it knew the token (§2.2), so "confirmed" means the request was accepted.
class Revocation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Revocation)

public:
    enum class TokenType { Refresh, Access };
    struct Result
    {
        bool confirmed = false; // the server answered 200
        QString problem; // why not, for people: unreachable, HTTP status
    };

    Revocation(HttpClient *http, const QUrl &endpoint, const ClientCredentials &client,
               const QString &token, TokenType type, QObject *parent = nullptr);
    void start(); // emits revocationFinished once, then deletes itself

Q_SIGNALS:
    void revocationFinished(const tether::Revocation::Result &result);

private:
    HttpClient *m_http;
    HttpRequest m_request;
};

} // namespace tether
