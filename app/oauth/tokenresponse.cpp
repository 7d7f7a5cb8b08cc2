#include "tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace tether {

namespace {

constexpr qint64 kMaxLifetime = 10LL * 366 * 24 * 3600; // beyond this, a number is not a lifetime
constexpr int kMaxTokenLength = 64 * 1024;

// A lifetime in seconds: a JSON number, or a string of digits (a common deviation).
std::optional<qint64> lifetime(const QJsonValue &value, const QString &name, QStringList *warnings)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    double seconds = -1;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        seconds = double(value.toString().trimmed().toLongLong(&ok));
        if (!ok)
            seconds = -1;
    }
    if (!std::isfinite(seconds) || seconds < 1 || seconds > double(kMaxLifetime)) {
        warnings->append(QStringLiteral("%1 was not a usable number of seconds; the profile's "
                                        "default lifetime is used")
                                 .arg(name));
        return std::nullopt;
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
        *error = QStringLiteral("%1 is not a string").arg(name);
        return false;
    }
    *out = value.toString();
    return true;
}

Failure temporary(const QString &code, const QString &message, int status = 0)
{
    return {FailureKind::Temporary, code, message, std::nullopt, status};
}

Failure configuration(const QString &code, const QString &message, int status)
{
    return {FailureKind::Configuration, code, message, std::nullopt, status};
}

// Keeps a server's error_description readable and short; it is shown, not trusted.
QString describe(const QJsonObject &object)
{
    QString text = object.value(QStringLiteral("error_description")).toString().simplified();
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("…");
    return text;
}

} // namespace

std::optional<TokenResponse> parseTokenResponse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the answer is not JSON (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the answer is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    TokenResponse response;

    const QJsonValue access = object.value(QStringLiteral("access_token"));
    if (!access.isString() || access.toString().isEmpty()) {
        *error = QStringLiteral("the answer has no access_token");
        return std::nullopt;
    }
    response.accessToken = access.toString();
    if (response.accessToken.size() > kMaxTokenLength) {
        *error = QStringLiteral("the access_token is implausibly long");
        return std::nullopt;
    }
    if (!optionalString(object, QStringLiteral("token_type"), &response.tokenType, error)
        || !optionalString(object, QStringLiteral("refresh_token"), &response.refreshToken, error)
        || !optionalString(object, QStringLiteral("scope"), &response.scope, error)
        || !optionalString(object, QStringLiteral("id_token"), &response.idToken, error)) {
        *error = QStringLiteral("the answer's ") + *error;
        return std::nullopt;
    }
    // RFC 6749 §7.1: a client must understand the token type to use the token.
    if (!response.tokenType.isEmpty()
        && response.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("the token_type \"%1\" is not a bearer token")
                         .arg(response.tokenType.left(20));
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
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::clamp<qint64>(now.secsTo(when), 0, 24 * 3600);
}

TokenOutcome interpretTokenAnswer(const HttpAnswer &answer, const QDateTime &now)
{
    TokenOutcome outcome;
    const int status = answer.status;

    if (status >= 200 && status < 300) {
        QString error;
        outcome.response = parseTokenResponse(answer.body, &error);
        if (!outcome.response) {
            outcome.failure = temporary(
                    QStringLiteral("malformed_answer"),
                    QStringLiteral("the token endpoint answered %1, but %2").arg(status).arg(error),
                    status);
            outcome.answerLost = true; // it said yes; a rotated refresh token may be in there
        }
        return outcome;
    }

    if (status >= 300 && status < 400) {
        outcome.failure = configuration(
                QStringLiteral("redirected"),
                QStringLiteral("the token endpoint redirected (HTTP %1) to %2; credentials are "
                               "not sent on; set the account's token endpoint to the right URL")
                        .arg(status)
                        .arg(QString::fromLatin1(answer.location.left(200))),
                status);
        return outcome;
    }

    const std::optional<qint64> retryAfter = parseRetryAfter(answer.retryAfter, now);
    if (status == 429 || status >= 500) {
        outcome.failure = temporary(status == 429 ? QStringLiteral("rate_limited")
                                                  : QStringLiteral("server_error"),
                                    status == 429 ? QStringLiteral("the provider is rate-limiting "
                                                                   "token requests (HTTP 429)")
                                                  : QStringLiteral("the token endpoint failed "
                                                                   "(HTTP %1)")
                                                            .arg(status),
                                    status);
        if (status == 429 || status == 503)
            outcome.failure.retryAfterSeconds = retryAfter;
        return outcome;
    }

    // 4xx: an OAuth error object (RFC 6749 §5.2), if the server sent one.
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    const QJsonObject object = document.object();
    const QString code = object.value(QStringLiteral("error")).toString();
    const QString description = describe(object);
    const QString said = description.isEmpty() ? QString() : QStringLiteral(": ") + description;

    if (code == QLatin1String("invalid_grant")) {
        outcome.failure = {FailureKind::Reconnect, code,
                           QStringLiteral("the provider rejected the refresh token "
                                          "(invalid_grant%1); reconnect the account")
                                   .arg(said),
                           std::nullopt, status};
    } else if (code == QLatin1String("temporarily_unavailable")
               || code == QLatin1String("server_error")) {
        outcome.failure = temporary(
                code, QStringLiteral("the provider is unavailable (%1%2)").arg(code, said), status);
        outcome.failure.retryAfterSeconds = retryAfter;
    } else if (!code.isEmpty()) {
        // invalid_client, unauthorized_client, invalid_scope, invalid_request,
        // unsupported_grant_type, and whatever else a server names: retrying will not help.
        outcome.failure = configuration(
                code.left(64),
                QStringLiteral("the provider refused the request (%1%2); check the account's "
                               "client id, secret, scopes and endpoints")
                        .arg(code.left(64), said),
                status);
    } else if (status == 401) {
        outcome.failure = configuration(QStringLiteral("invalid_client"),
                                        QStringLiteral("the token endpoint refused the client "
                                                       "credentials (HTTP 401); check the client "
                                                       "id and secret"),
                                        status);
    } else if (status == 404 || status == 405 || status == 410) {
        outcome.failure = configuration(QStringLiteral("endpoint_not_found"),
                                        QStringLiteral("the token endpoint does not exist (HTTP "
                                                       "%1); check the account's token endpoint")
                                                .arg(status),
                                        status);
    } else {
        outcome.failure = temporary(QStringLiteral("unexpected_answer"),
                                    QStringLiteral("the token endpoint answered HTTP %1 without "
                                                   "an OAuth error")
                                            .arg(status),
                                    status);
        outcome.failure.retryAfterSeconds = retryAfter;
    }
    return outcome;
}

} // namespace tether
