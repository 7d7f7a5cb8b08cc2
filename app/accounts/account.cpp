#include "account.h"

#include "core/identifier.h"
#include "core/isotime.h"

#include <QCoreApplication>

#include <optional>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Account)
};

const std::pair<const char *, AccountState> kStates[] = {
        {"not_connected", AccountState::NotConnected},     {"connected", AccountState::Connected},
        {"refreshing", AccountState::Refreshing},          {"retrying", AccountState::Retrying},
        {"needs_reconnect", AccountState::NeedsReconnect},
};

QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isotime::write(t)) : QJsonValue();
}

QDateTime readInstant(const QJsonObject &o, const QString &key)
{
    return isotime::read(o.value(key).toString());
}

QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QString nameOf(AccountState state)
{
    for (const auto &[name, value] : kStates) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<AccountState> accountStateFromString(const QString &text)
{
    for (const auto &[name, value] : kStates) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

bool operator==(const AccountConfig &a, const AccountConfig &b)
{
    return a.id == b.id && a.name == b.name && a.provider == b.provider && a.clientId == b.clientId
           && a.tokenEndpoint == b.tokenEndpoint
           && a.authorizationEndpoint == b.authorizationEndpoint
           && a.revocationEndpoint == b.revocationEndpoint && a.issuer == b.issuer
           && a.scope == b.scope && a.redirectUri == b.redirectUri
           && a.deviceAuthorizationEndpoint == b.deviceAuthorizationEndpoint
           && a.clientAuth == b.clientAuth && a.allowInsecureHttp == b.allowInsecureHttp
           && a.issuerInResponse == b.issuerInResponse;
}

bool operator==(const AccountStatus &a, const AccountStatus &b)
{
    auto sameError = [](const std::optional<Failure> &x, const std::optional<Failure> &y) {
        return x.has_value() == y.has_value()
               && (!x || (x->kind == y->kind && x->code == y->code && x->message == y->message));
    };
    return a.state == b.state && a.accessIssuedAt == b.accessIssuedAt
           && a.accessExpiresAt == b.accessExpiresAt && a.refreshExpiresAt == b.refreshExpiresAt
           && a.lastRefreshAt == b.lastRefreshAt && a.nextRefreshAt == b.nextRefreshAt
           && sameError(a.lastError, b.lastError) && a.hasClientSecret == b.hasClientSecret
           && a.hasTokens == b.hasTokens && a.hasRefreshToken == b.hasRefreshToken
           && a.generation == b.generation && a.consecutiveFailures == b.consecutiveFailures
           && a.inFlightGeneration == b.inFlightGeneration
           && a.refreshTokenRotates == b.refreshTokenRotates;
}

bool isValidAccountId(const QString &id)
{
    return isIdentifier(id, 64, true, QLatin1StringView("._@-"));
}

QJsonObject Account::toJson() const
{
    const AccountConfig &c = config;
    const AccountStatus &s = status;
    QJsonObject status{
            {QStringLiteral("state"), nameOf(s.state)},
            {QStringLiteral("access_issued_at"), instant(s.accessIssuedAt)},
            {QStringLiteral("access_expires_at"), instant(s.accessExpiresAt)},
            {QStringLiteral("refresh_expires_at"), instant(s.refreshExpiresAt)},
            {QStringLiteral("last_refresh_at"), instant(s.lastRefreshAt)},
            {QStringLiteral("next_refresh_at"), instant(s.nextRefreshAt)},
            {QStringLiteral("last_error"), s.lastError ? s.lastError->toJson() : QJsonValue()},
            {QStringLiteral("has_client_secret"), s.hasClientSecret},
            {QStringLiteral("has_tokens"), s.hasTokens},
            {QStringLiteral("has_refresh_token"), s.hasRefreshToken},
            {QStringLiteral("generation"), s.generation},
            {QStringLiteral("consecutive_failures"), s.consecutiveFailures},
    };
    if (s.lastError)
        status.insert(QStringLiteral("last_error_kind"), nameOf(s.lastError->kind));
    if (s.inFlightGeneration >= 0)
        status.insert(QStringLiteral("in_flight_generation"), s.inFlightGeneration);
    if (s.refreshTokenRotates)
        status.insert(QStringLiteral("refresh_token_rotates"), true);
    return QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("provider"), c.provider},
            {QStringLiteral("client_id"), c.clientId},
            {QStringLiteral("token_endpoint"), text(c.tokenEndpoint)},
            {QStringLiteral("authorization_endpoint"), text(c.authorizationEndpoint)},
            {QStringLiteral("revocation_endpoint"), text(c.revocationEndpoint)},
            {QStringLiteral("device_authorization_endpoint"), text(c.deviceAuthorizationEndpoint)},
            {QStringLiteral("issuer"), text(c.issuer)},
            {QStringLiteral("scope"), text(c.scope)},
            {QStringLiteral("redirect_uri"), text(c.redirectUri)},
            {QStringLiteral("client_auth"),
             c.clientAuth ? QJsonValue(nameOf(*c.clientAuth)) : QJsonValue()},
            {QStringLiteral("allow_insecure_http"), c.allowInsecureHttp},
            {QStringLiteral("issuer_in_response"), c.issuerInResponse},
            {QStringLiteral("status"), status},
    };
}

std::optional<Account> Account::fromJson(const QJsonObject &json, QString *error)
{
    Account a;
    AccountConfig &c = a.config;
    c.id = json.value(QStringLiteral("id")).toString();
    if (!isValidAccountId(c.id)) {
        *error = Text::tr("an account has no valid id");
        return std::nullopt;
    }
    c.name = json.value(QStringLiteral("name")).toString(c.id);
    c.provider = json.value(QStringLiteral("provider")).toString();
    c.clientId = json.value(QStringLiteral("client_id")).toString();
    c.tokenEndpoint = json.value(QStringLiteral("token_endpoint")).toString();
    c.authorizationEndpoint = json.value(QStringLiteral("authorization_endpoint")).toString();
    c.revocationEndpoint = json.value(QStringLiteral("revocation_endpoint")).toString();
    c.deviceAuthorizationEndpoint =
            json.value(QStringLiteral("device_authorization_endpoint")).toString();
    c.issuer = json.value(QStringLiteral("issuer")).toString();
    c.scope = json.value(QStringLiteral("scope")).toString();
    c.redirectUri = json.value(QStringLiteral("redirect_uri")).toString();
    if (json.value(QStringLiteral("client_auth")).isString()) {
        c.clientAuth = clientAuthFromString(json.value(QStringLiteral("client_auth")).toString());
        if (!c.clientAuth) {
            *error = Text::tr("account %1 has an unknown client_auth").arg(c.id);
            return std::nullopt;
        }
    }
    c.allowInsecureHttp = json.value(QStringLiteral("allow_insecure_http")).toBool();
    c.issuerInResponse = json.value(QStringLiteral("issuer_in_response")).toBool();
    if (c.provider.isEmpty()) {
        *error = Text::tr("account %1 names no provider").arg(c.id);
        return std::nullopt;
    }

    const QJsonObject s = json.value(QStringLiteral("status")).toObject();
    AccountStatus &st = a.status;
    const auto state = accountStateFromString(s.value(QStringLiteral("state")).toString());
    if (!state) {
        *error = Text::tr("account %1 has an unknown state").arg(c.id);
        return std::nullopt;
    }
    st.state = *state;
    st.accessIssuedAt = readInstant(s, QStringLiteral("access_issued_at"));
    st.accessExpiresAt = readInstant(s, QStringLiteral("access_expires_at"));
    st.refreshExpiresAt = readInstant(s, QStringLiteral("refresh_expires_at"));
    st.lastRefreshAt = readInstant(s, QStringLiteral("last_refresh_at"));
    st.nextRefreshAt = readInstant(s, QStringLiteral("next_refresh_at"));
    const QJsonObject lastError = s.value(QStringLiteral("last_error")).toObject();
    if (!lastError.isEmpty()) {
        Failure f;
        f.code = lastError.value(QStringLiteral("code")).toString();
        f.message = lastError.value(QStringLiteral("message")).toString();
        // A kind's name; registries written before 0.2 stored its number.
        const QJsonValue kind = s.value(QStringLiteral("last_error_kind"));
        f.kind = kind.isString()
                         ? failureKindFromString(kind.toString()).value_or(FailureKind::Unexpected)
                         : FailureKind(std::clamp(kind.toInt(int(FailureKind::Unexpected)), 0,
                                                  int(FailureKind::Unexpected)));
        st.lastError = f;
    }
    st.hasClientSecret = s.value(QStringLiteral("has_client_secret")).toBool();
    st.hasTokens = s.value(QStringLiteral("has_tokens")).toBool();
    st.hasRefreshToken = s.value(QStringLiteral("has_refresh_token")).toBool();
    st.generation = s.value(QStringLiteral("generation")).toInteger();
    st.consecutiveFailures = s.value(QStringLiteral("consecutive_failures")).toInt();
    st.inFlightGeneration = s.value(QStringLiteral("in_flight_generation")).toInteger(-1);
    st.refreshTokenRotates = s.value(QStringLiteral("refresh_token_rotates")).toBool();
    return a;
}

} // namespace tether
