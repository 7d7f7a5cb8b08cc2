#include "demoprovider.h"

#include "oauth/loopbackreceiver.h"
#include "oauth/pkce.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace tether {

namespace {

constexpr qint64 kMaxRequest = 64 * 1024;

struct Client
{
    const char *id;
    const char *name;
    const char *profile;
    int accessLifetime;
};

// The names are shown in the window, in the user's language (they are set when the demo's
// accounts are made).
const Client kClients[] = {
        {"demo-minute", QT_TRANSLATE_NOOP("tether::DemoProvider", "Minute tokens"), "demo", 60},
        {"demo-rotating", QT_TRANSLATE_NOOP("tether::DemoProvider", "Single-use refresh tokens"),
         "demo-rotating", 90},
        {"demo-expiring",
         QT_TRANSLATE_NOOP("tether::DemoProvider", "Refresh token expires in 3 min"), "demo", 45},
        {"demo-broken", QT_TRANSLATE_NOOP("tether::DemoProvider", "Revoked: needs reconnect"),
         "demo", 60},
        {"demo-flaky", QT_TRANSLATE_NOOP("tether::DemoProvider", "Server answering 503"), "demo",
         20},
};

// The demo profiles' names (resources/demo/*.json), for the catalogue; the list model asks
// for a translation of every profile name, and only these have one.
[[maybe_unused]] const char *const kProfileNames[] = {
        QT_TRANSLATE_NOOP("tether::ProviderNames", "Demo provider"),
        QT_TRANSLATE_NOOP("tether::ProviderNames", "Demo provider (single-use refresh tokens)"),
};

QString secretFor(const QString &clientId)
{
    return clientId + QStringLiteral("-secret");
}

QByteArray response(int status, const QByteArray &type, const QByteArray &body,
                    const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
           + "\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nCache-Control: no-store\r\n" + extra + "Connection: close\r\n\r\n" + body;
}

QByteArray json(int status, const QJsonObject &object, const QByteArray &extra = {})
{
    return response(status, "application/json",
                    QJsonDocument(object).toJson(QJsonDocument::Compact), extra);
}

QByteArray oauthError(const QString &code, const QString &description)
{
    return json(400, {{QStringLiteral("error"), code},
                      {QStringLiteral("error_description"), description}});
}

QString random()
{
    return QString::fromLatin1(pkce::newState());
}

} // namespace

DemoProvider::DemoProvider(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &DemoProvider::onConnection);
}

DemoProvider::~DemoProvider() = default;

bool DemoProvider::start(QString *error)
{
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        *error = m_server->errorString();
        return false;
    }
    return true;
}

QUrl DemoProvider::base() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
}

QList<DemoProvider::DemoAccount> DemoProvider::accounts()
{
    QList<DemoAccount> out;
    const QString root = base().toString();
    for (const Client &client : kClients) {
        DemoAccount a;
        const QString id = QString::fromLatin1(client.id);
        a.config.id = id;
        a.config.name = QCoreApplication::translate("tether::DemoProvider", client.name);
        a.config.provider = QString::fromLatin1(client.profile);
        a.config.clientId = id;
        a.config.tokenEndpoint = root + QStringLiteral("/token");
        a.config.authorizationEndpoint = root + QStringLiteral("/authorize");
        a.config.scope = QStringLiteral("demo");
        a.clientSecret = secretFor(id);
        if (id != QLatin1String("demo-broken")) {
            m_families.append({id, false});
            a.firstResponse = grant(id, int(m_families.size() - 1));
        }
        out << a;
    }
    return out;
}

QByteArray DemoProvider::grant(const QString &clientId, int family)
{
    const Client *client = nullptr;
    for (const Client &c : kClients) {
        if (clientId == QLatin1String(c.id))
            client = &c;
    }
    QJsonObject answer{
            {QStringLiteral("access_token"), QString(QStringLiteral("demo-at-") + random())},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), QJsonValue(client ? client->accessLifetime : 60)}};
    const QString refresh = QStringLiteral("demo-rt-") + random();
    RefreshToken rt{family, false, 0};
    if (clientId == QLatin1String("demo-expiring")) {
        rt.expiresAt = QDateTime::currentMSecsSinceEpoch() + 180'000;
        answer.insert(QStringLiteral("refresh_token_expires_in"), 180);
    }
    m_refresh.insert(refresh, rt);
    answer.insert(QStringLiteral("refresh_token"), refresh);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

void DemoProvider::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // Owned by the readyRead connection below, so it goes with the socket.
        auto buffer = std::make_shared<QByteArray>();
        QTimer::singleShot(10'000, socket, &QTcpSocket::abort);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            if (buffer->size() > kMaxRequest)
                return socket->abort();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            QByteArray authorization;
            for (const QByteArray &line : buffer->left(end).split('\n')) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
                if (lower.startsWith("authorization:"))
                    authorization = line.trimmed().mid(14).trimmed();
            }
            if (buffer->size() < end + 4 + length)
                return;
            socket->disconnect(this);
            const auto request = parseCallbackRequest(buffer->left(end));
            const QByteArray answer =
                    request ? handle(request->method, request->path, request->query, authorization,
                                     buffer->mid(end + 4, length))
                            : response(400, "text/plain", "bad request");
            socket->write(answer);
            socket->disconnectFromHost();
        });
    }
}

QByteArray DemoProvider::handle(const QByteArray &method, const QString &path,
                                const QUrlQuery &query, const QByteArray &authorization,
                                const QByteArray &body)
{
    const QUrlQuery form(QString::fromUtf8(body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    if (method == "GET" && path == QLatin1String("/authorize"))
        return authorizePage(query);
    if (method == "POST" && path == QLatin1String("/approve"))
        return approve(form);
    if (method == "POST" && path == QLatin1String("/token"))
        return token(authorization, form);
    return response(404, "text/plain", "not found");
}

QByteArray DemoProvider::authorizePage(const QUrlQuery &query)
{
    const QString client = query.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    if (!client.startsWith(QLatin1String("demo-")) || redirect.host() != QLatin1String("127.0.0.1")
        || query.queryItemValue(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return response(400, "text/plain", "invalid request");
    QByteArray hidden;
    for (const char *key : {"client_id", "redirect_uri", "state", "code_challenge"}) {
        hidden += "<input type=\"hidden\" name=\"" + QByteArray(key) + "\" value=\""
                  + query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded)
                            .toHtmlEscaped()
                            .toUtf8()
                  + "\">";
    }
    const QByteArray page =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Demo provider</title>"
            "<style>body{font-family:sans-serif;max-width:30em;margin:4em auto}"
            "button{font-size:1.2em;padding:.4em 1.4em}</style></head><body>"
            "<h1>Demo provider</h1><p><b>Tether</b> ("
            + client.toHtmlEscaped().toUtf8()
            + ") asks to keep your demo account connected.</p>"
              "<form method=\"post\" action=\"/approve\">"
            + hidden
            + "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> "
              "<button type=\"submit\" name=\"decision\" "
              "value=\"deny\">Deny</button></form></body></html>";
    return response(200, "text/html; charset=utf-8", page);
}

QByteArray DemoProvider::approve(const QUrlQuery &form)
{
    auto value = [&](const char *key) {
        return form.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    QUrl redirect(value("redirect_uri"));
    if (redirect.host() != QLatin1String("127.0.0.1"))
        return response(400, "text/plain", "invalid request");
    QUrlQuery back;
    if (value("decision") == QLatin1String("approve")) {
        const QString code = random();
        m_codes.insert(code, {value("client_id"), redirect.toString(),
                              value("code_challenge").toLatin1()});
        back.addQueryItem(QStringLiteral("code"), code);
    } else {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    }
    back.addQueryItem(QStringLiteral("state"), value("state"));
    redirect.setQuery(back);
    return response(302, "text/plain", "", "Location: " + redirect.toEncoded() + "\r\n");
}

QByteArray DemoProvider::token(const QByteArray &authorization, const QUrlQuery &form)
{
    auto value = [&](const char *key) {
        return form.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QList<QByteArray> basic = QByteArray::fromBase64(authorization.mid(6)).split(':');
    const QString clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(basic.value(0)));
    if (!authorization.startsWith("Basic ") || basic.size() != 2
        || QString::fromUtf8(QByteArray::fromPercentEncoding(basic.value(1)))
                   != secretFor(clientId))
        return json(401, {{QStringLiteral("error"), QStringLiteral("invalid_client")}});

    if (value("grant_type") == QLatin1String("authorization_code")) {
        const Code code = m_codes.take(value("code"));
        const QByteArray challenge =
                QCryptographicHash::hash(value("code_verifier").toLatin1(),
                                         QCryptographicHash::Sha256)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (code.clientId != clientId || code.redirectUri != value("redirect_uri")
            || code.challenge != challenge)
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("bad code"));
        m_families.append({clientId, false});
        return response(200, "application/json", grant(clientId, int(m_families.size() - 1)));
    }
    if (value("grant_type") != QLatin1String("refresh_token"))
        return oauthError(QStringLiteral("unsupported_grant_type"), {});
    if (clientId == QLatin1String("demo-flaky"))
        return json(503, {{QStringLiteral("error"), QStringLiteral("temporarily_unavailable")}},
                    "Retry-After: 20\r\n");
    const auto it = m_refresh.find(value("refresh_token"));
    if (it == m_refresh.end() || m_families.value(it->family).clientId != clientId
        || m_families[it->family].revoked)
        return oauthError(QStringLiteral("invalid_grant"),
                          // not translated: the server's error_description, as servers send it
                          QStringLiteral("the refresh token is not valid"));
    if (it->expiresAt && it->expiresAt < QDateTime::currentMSecsSinceEpoch())
        return oauthError(QStringLiteral("invalid_grant"),
                          // not translated: the server's error_description, as servers send it
                          QStringLiteral("the refresh token expired"));
    if (clientId == QLatin1String("demo-rotating")) {
        if (it->spent) {
            m_families[it->family].revoked = true;
            return oauthError(QStringLiteral("invalid_grant"),
                              QStringLiteral("reused refresh token"));
        }
        it->spent = true;
        return response(200, "application/json", grant(clientId, it->family));
    }
    // The others keep their refresh token: answer with a new access token only.
    QJsonObject answer = QJsonDocument::fromJson(grant(clientId, it->family)).object();
    m_refresh.remove(answer.value(QStringLiteral("refresh_token")).toString());
    answer.remove(QStringLiteral("refresh_token"));
    answer.remove(QStringLiteral("refresh_token_expires_in"));
    return json(200, answer);
}

} // namespace tether
