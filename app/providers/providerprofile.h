#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tether {

enum class BodyEncoding { Form, Json };
enum class ClientAuth { Basic, Post, None };
enum class BasicEncoding { Form, Raw };
// never: answers carry no refresh token; optional: a new one may come, else keep the old one;
// always: every answer carries a new one and the old one must be discarded.
enum class Rotation { Never, Optional, Always };
enum class LifetimeModel { Unknown, Fixed, Rolling, JwtExp };

using Parameters = QList<QPair<QString, QString>>;

// Everything that differs between providers, as data. Loaded from resources/providers/*.json;
// the schema is documented in resources/providers/README.md.
struct ProviderProfile
{
    QString id;
    QString name;
    QString documentation;

    // Defaults; every account may override them. May contain {tenant}, filled from the
    // account's issuer host (Auth0's tenant domain).
    QString tokenEndpoint;
    QString authorizationEndpoint;
    QString revocationEndpoint;
    QString deviceAuthorizationEndpoint; // RFC 8628, for signing in on another device
    bool discovery = false; // endpoints come from the issuer's discovery document (oidc)

    BodyEncoding body = BodyEncoding::Form;
    ClientAuth clientAuth = ClientAuth::Basic;
    QList<ClientAuth> acceptedClientAuth;
    // RFC 6749 §2.3.1 form-encodes id and secret before they are joined for HTTP Basic; servers
    // that never decode them need them raw.
    BasicEncoding basicEncoding = BasicEncoding::Form;
    Parameters extraRefreshParameters;
    bool sendScopeOnRefresh = false;

    Parameters extraAuthorizationParameters;
    QStringList defaultScopes;

    qint64 defaultAccessLifetime = 3600; // seconds, when a response has no expires_in
    // The provider invalidates the previous access token as soon as it issues a new one (Wise):
    // nothing is handed out while a refresh of the account is under way.
    bool previousAccessTokenDiesOnRefresh = false;

    Rotation rotation = Rotation::Optional;
    bool singleUse = false; // a refresh token works once; reusing one is punished
    // invalid_grant means the whole grant was revoked, access token included (Wise: "clear the
    // stored tokens"); otherwise a still-valid access token is kept until it expires.
    bool invalidGrantEndsAccess = false;
    LifetimeModel refreshLifetime = LifetimeModel::Unknown;
    qint64 refreshLifetimeSeconds = 0; // Fixed/Rolling; JwtExp's fallback when there is no exp

    bool needsTenant() const;
    // Where an account's {tenant} comes from: the host of its --issuer (Auth0's tenant domain),
    // or the first segment of the issuer's path (Microsoft's
    // login.microsoftonline.com/TENANT/v2.0).
    bool tenantFromPath = false;
    QString tenantExample; // an issuer people can copy, for the Add dialog
    QString tenantOf(const QString &issuer) const;
    // Every refresh response carries a new refresh token and the old one is spent: a response
    // that may have been lost must not be followed by sending the old one again.
    bool refreshTokenRotates() const { return rotation == Rotation::Always; }

    // Parses and validates one profile; on failure returns nullopt and a one-line reason.
    static std::optional<ProviderProfile> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const; // what `tether providers --json` prints
};

QString nameOf(BodyEncoding value);
QString nameOf(ClientAuth value);
QString nameOf(BasicEncoding value);
QString nameOf(Rotation value);
QString nameOf(LifetimeModel value);
std::optional<ClientAuth> clientAuthFromString(const QString &text);

} // namespace tether
