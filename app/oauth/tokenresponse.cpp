#include "tokenresponse.h"

#include "core/text.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenResponse)
};

constexpr qint64 kMaxLifetime = 10LL * 366 * 24 * 3600; // beyond this, a number is not a lifetime
constexpr int kMaxTokenLength = 64 * 1024;

// A lifetime in seconds, as RFC 6749 §5.1 has it: a JSON number. What a server says is kept
// within reason, and a token it issued is kept whatever it says of its lifetime:
// - zero or less: expired now, so that it is refreshed before anything hands it out;
// - more than kMaxLifetime (ten years): capped there;
// - anything but a number (a string, even of digits): unknown, the profile's default.
// Each of these is noted in the warnings.
std::optional<qint64> lifetime(const QJsonValue &value, const QString &name, QStringList *warnings)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        warnings->append(Text::tr("%1 was not a number of seconds; the profile's default "
                                  "lifetime is used")
                                 .arg(name));
        return std::nullopt;
    }
    const double seconds = value.toDouble();
    if (!(seconds > 0)) { // zero, negative (or not a number at all)
        warnings->append(Text::tr("%1 said the token has expired already").arg(name));
        return 0;
    }
    if (seconds > double(kMaxLifetime)) {
        warnings->append(Text::tr("%1 was more than ten years; ten years are used").arg(name));
        return kMaxLifetime;
    }
    return qint64(seconds);
}

// Optional string members: absent or null is fine, anything but a string is not.
bool optionalString(const QJsonObject &object, const QString &name, QString *out, QString *error)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString() || value.toString().size() > kMaxTokenLength) {
        *error = Text::tr("the response's %1 is not a string").arg(name);
        return false;
    }
    *out = value.toString();
    return true;
}

TokenOutcome failed(const Failure &failure)
{
    TokenOutcome outcome;
    outcome.failure = failure;
    return outcome;
}

} // namespace

std::optional<TokenResponse> parseTokenResponse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Text::tr("the response is not JSON (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Text::tr("the response is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    TokenResponse response;

    const QJsonValue access = object.value(QStringLiteral("access_token"));
    if (!access.isString() || access.toString().isEmpty()) {
        *error = Text::tr("the response has no access_token");
        return std::nullopt;
    }
    response.accessToken = access.toString();
    if (response.accessToken.size() > kMaxTokenLength) {
        *error = Text::tr("the access_token is implausibly long");
        return std::nullopt;
    }
    if (!optionalString(object, QStringLiteral("token_type"), &response.tokenType, error)
        || !optionalString(object, QStringLiteral("refresh_token"), &response.refreshToken, error)
        || !optionalString(object, QStringLiteral("scope"), &response.scope, error)
        || !optionalString(object, QStringLiteral("id_token"), &response.idToken, error))
        return std::nullopt;
    // A token goes into an Authorization header and onto terminals: RFC 6750's b64token only.
    if (!text::isB64Token(response.accessToken)) {
        *error = Text::tr("the access_token contains characters a bearer token cannot have");
        return std::nullopt;
    }
    if (!response.refreshToken.isEmpty() && !text::isB64Token(response.refreshToken)) {
        *error = Text::tr("the refresh_token contains characters a token cannot have");
        return std::nullopt;
    }
    // RFC 6749 §7.1: a client must understand the token type to use the token.
    if (!response.tokenType.isEmpty()
        && response.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        *error = Text::tr("the token_type \"%1\" is not a bearer token")
                         .arg(text::fromServer(response.tokenType, 20));
        return std::nullopt;
    }
    response.expiresIn = lifetime(object.value(QStringLiteral("expires_in")),
                                  QStringLiteral("expires_in"), &response.warnings);
    for (const QString &name :
         {QStringLiteral("refresh_token_expires_in"), QStringLiteral("refresh_expires_in")}) {
        if (!response.refreshExpiresIn)
            response.refreshExpiresIn = lifetime(object.value(name), name, &response.warnings);
    }
    return response;
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(std::min<qint64>(seconds, 24 * 3600))
                            : std::nullopt;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             // not translated: the HTTP date format (RFC 9110)
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::clamp<qint64>(now.secsTo(when), 0, 24 * 3600);
}

TokenOutcome interpretTokenResponse(const HttpResponse &response, const QDateTime &now,
                                    TokenGrant grant)
{
    const int status = response.status;
    const std::optional<qint64> retryAfter = parseRetryAfter(response.retryAfter, now);

    if (status >= 200 && status < 300) {
        // Some servers (GitHub) answer an error with 200: an OAuth error object and no token is
        // read as the refusal it is, never as a malformed success that might hide a rotation.
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        if (object.value(QStringLiteral("error")).isString()
            && !object.contains(QStringLiteral("access_token"))) {
            HttpResponse refusal = response;
            refusal.status = 400;
            TokenOutcome outcome = interpretTokenResponse(refusal, now, grant);
            outcome.failure.httpStatus = status; // what the server really answered
            return outcome;
        }
        QString error;
        TokenOutcome outcome;
        outcome.response = parseTokenResponse(response.body, &error);
        if (!outcome.response) {
            outcome.failure = Failure::temporary(
                    QStringLiteral("malformed_answer"),
                    Text::tr("the token endpoint answered %1, but %2").arg(status).arg(error),
                    status);
            outcome.responseLost = true; // it said yes; a rotated refresh token may be in there
        }
        return outcome;
    }

    if (status >= 300 && status < 400) {
        // A captive portal, or a moved endpoint: credentials are not sent on. Tried again later,
        // and the reason stays visible.
        return failed(Failure::temporary(
                QStringLiteral("redirected"),
                Text::tr("the token endpoint redirected (HTTP %1) to %2; credentials are not sent "
                         "on; if this lasts, set the account's token endpoint to the right URL")
                        .arg(status)
                        .arg(text::fromServer(QString::fromLatin1(response.location), 200)),
                status));
    }

    if (status == 429 || status >= 500) {
        const Failure failure =
                status == 429 ? Failure::temporary(QStringLiteral("rate_limited"),
                                                   Text::tr("the provider is rate-limiting token "
                                                            "requests (HTTP 429)"),
                                                   status)
                              : Failure::temporary(
                                      QStringLiteral("server_error"),
                                      Text::tr("the token endpoint failed (HTTP %1)").arg(status),
                                      status);
        return failed(status == 429 || status == 503 ? failure.withRetryAfter(retryAfter)
                                                     : failure);
    }

    // 4xx: an OAuth error object (RFC 6749 §5.2), if the server sent one. Its code is quoted
    // only when it sent one; a refusal is named for what was refused.
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    const QString code = text::fromServer(object.value(QStringLiteral("error")).toString(), 64);
    const QString description =
            text::fromServer(object.value(QStringLiteral("error_description")).toString());
    const QString serverSaid =
            !code.isEmpty()
                    ? (description.isEmpty() ? code : code + QStringLiteral(": ") + description)
                    : Text::tr("HTTP %1 with no explanation").arg(status);
    const QString what = grant == TokenGrant::CodeExchange ? Text::tr("the sign-in's code exchange")
                         : grant == TokenGrant::DevicePoll ? Text::tr("the device sign-in")
                                                           : Text::tr("the refresh");
    // A refusal of the client itself points at its settings: the id and the secret.
    const QString clientField = QStringLiteral("client-secret-stdin");

    if (code == QLatin1String("invalid_grant")) {
        const QString message =
                grant == TokenGrant::CodeExchange
                        ? Text::tr("the provider did not accept the sign-in's authorization code "
                                   "(%1); sign in again")
                : grant == TokenGrant::DevicePoll
                        ? Text::tr("the provider did not accept the device code (%1); sign in "
                                   "again")
                        : Text::tr("the provider rejected the refresh token (%1); reconnect the "
                                   "account");
        return failed(Failure::reconnect(code, message.arg(serverSaid), status));
    }
    if (code == QLatin1String("temporarily_unavailable") || code == QLatin1String("server_error"))
        return failed(
                Failure::temporary(
                        code, Text::tr("the provider is unavailable (%1)").arg(serverSaid), status)
                        .withRetryAfter(retryAfter));
    if (code == QLatin1String("invalid_client")) {
        TokenOutcome outcome = failed(
                Failure::configuration(
                        QStringLiteral("invalid_client"),
                        Text::tr("the provider refused the client credentials in %1 (%2); check "
                                 "the account's client id and secret")
                                .arg(what, serverSaid),
                        status)
                        .withField(clientField));
        outcome.refused = true;
        outcome.serverSaid = serverSaid;
        return outcome;
    }
    if (!code.isEmpty() || status == 400 || status == 401) {
        // invalid_request, unauthorized_client, invalid_scope, unsupported_grant_type, whatever
        // else a server names, or a bare 400 or 401 (PRODUCT.md: refusals, like the named ones;
        // only a server that says invalid_client is taken to mean the client's credentials).
        const QString name = !code.isEmpty() ? code : QStringLiteral("http_%1").arg(status);
        Failure failure = Failure::configuration(
                name, Text::tr("the provider refused %1 (%2)").arg(what, serverSaid), status);
        // A sign-in refused at the code exchange: the client (id, secret) is what remains.
        if (grant == TokenGrant::CodeExchange
            && (code == QLatin1String("unauthorized_client") || status == 401 || status == 403)) {
            failure.message = Text::tr("the provider refused %1 (%2); check the account's client "
                                       "id and secret")
                                      .arg(what, serverSaid);
            failure = failure.withField(clientField);
        }
        TokenOutcome outcome = failed(failure);
        outcome.refused = true;
        outcome.serverSaid = serverSaid;
        return outcome;
    }
    if (status == 404 || status == 405 || status == 410)
        return failed(Failure::temporary(
                QStringLiteral("endpoint_not_found"),
                Text::tr("the token endpoint does not exist (HTTP %1); if this lasts, check the "
                         "account's token endpoint")
                        .arg(status),
                status));
    return failed(Failure::temporary(
                          QStringLiteral("unexpected_answer"),
                          Text::tr("the token endpoint answered HTTP %1 without an OAuth error")
                                  .arg(status),
                          status)
                          .withRetryAfter(retryAfter));
}

} // namespace tether
