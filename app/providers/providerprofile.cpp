#include "providerprofile.h"

#include "core/identifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProviderProfile)
};

constexpr int kSchemaVersion = 1;
constexpr qint64 kMaxLifetime = 100LL * 365 * 24 * 3600;

template<typename Enum, size_t N>
std::optional<Enum> parseEnum(const QString &text, const std::pair<const char *, Enum> (&table)[N])
{
    for (const auto &[name, value] : table) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template<typename Enum, size_t N>
QString enumName(Enum value, const std::pair<const char *, Enum> (&table)[N])
{
    for (const auto &[name, v] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

const std::pair<const char *, BodyEncoding> kBodies[] = {{"form", BodyEncoding::Form},
                                                         {"json", BodyEncoding::Json}};
const std::pair<const char *, ClientAuth> kAuths[] = {
        {"basic", ClientAuth::Basic}, {"post", ClientAuth::Post}, {"none", ClientAuth::None}};
const std::pair<const char *, BasicEncoding> kBasicEncodings[] = {{"form", BasicEncoding::Form},
                                                                  {"raw", BasicEncoding::Raw}};
const std::pair<const char *, Rotation> kRotations[] = {
        {"never", Rotation::Never}, {"optional", Rotation::Optional}, {"always", Rotation::Always}};
const std::pair<const char *, LifetimeModel> kModels[] = {{"unknown", LifetimeModel::Unknown},
                                                          {"fixed", LifetimeModel::Fixed},
                                                          {"rolling", LifetimeModel::Rolling},
                                                          {"jwt-exp", LifetimeModel::JwtExp}};

// Reads fields one by one and remembers the first problem, so fromJson reads as a list of
// fields rather than a ladder of error checks.
class Reader
{
public:
    explicit Reader(QString *error) : m_error(error) { }

    bool ok() const { return m_failed.isEmpty(); }
    bool fail(const QString &what)
    {
        if (m_failed.isEmpty())
            m_failed = what;
        if (m_error)
            *m_error = m_failed;
        return false;
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &path)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(Text::tr("%1 must be an object").arg(path));
        return v.toObject();
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path,
                   bool required = false)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QStringLiteral("%1 is missing").arg(path));
            return {};
        }
        if (!v.isString())
            fail(Text::tr("%1 must be a string").arg(path));
        return v.toString();
    }

    bool boolean(const QJsonObject &parent, const QString &key, const QString &path, bool fallback)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(Text::tr("%1 must be true or false").arg(path));
        return v.toBool(fallback);
    }

    qint64 seconds(const QJsonObject &parent, const QString &key, const QString &path,
                   qint64 fallback)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > double(kMaxLifetime) || d != qint64(d)) {
            fail(Text::tr("%1 must be a whole number of seconds between 1 and 100 years")
                         .arg(path));
            return fallback;
        }
        return qint64(d);
    }

    template<typename Enum, size_t N>
    Enum choice(const QJsonObject &parent, const QString &key, const QString &path, Enum fallback,
                const std::pair<const char *, Enum> (&table)[N])
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            return fallback;
        if (const auto parsed = parseEnum(v.toString(), table))
            return *parsed;
        QStringList names;
        for (const auto &entry : table)
            names << QString::fromLatin1(entry.first);
        fail(Text::tr("%1 must be one of %2").arg(path, names.join(QStringLiteral(", "))));
        return fallback;
    }

    Parameters parameters(const QJsonObject &parent, const QString &key, const QString &path)
    {
        Parameters result;
        const QJsonObject object = this->object(parent, key, path);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) {
                fail(Text::tr("%1.%2 must be a string").arg(path, it.key()));
                continue;
            }
            result.append({it.key(), it.value().toString()});
        }
        return result;
    }

    QString endpoint(const QJsonObject &parent, const QString &key, const QString &path)
    {
        QString text = string(parent, key, path);
        if (text.isEmpty())
            return text;
        // {tenant} is filled per account; check the shape with a stand-in host.
        QString probe = text;
        probe.replace(QStringLiteral("{tenant}"), QStringLiteral("tenant.example"));
        const QUrl url(probe, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            fail(Text::tr("%1 is not an http(s) URL: %2").arg(path, text));
        return text;
    }

private:
    QString *m_error;
    QString m_failed;
};

} // namespace

bool ProviderProfile::needsTenant() const
{
    return tokenEndpoint.contains(QLatin1String("{tenant}"))
           || authorizationEndpoint.contains(QLatin1String("{tenant}"))
           || revocationEndpoint.contains(QLatin1String("{tenant}"))
           || deviceAuthorizationEndpoint.contains(QLatin1String("{tenant}"));
}

QString ProviderProfile::tenantOf(const QString &issuer) const
{
    const QUrl url(issuer);
    if (!tenantFromPath)
        return url.host();
    const QString segment =
            url.path(QUrl::FullyEncoded).section(QLatin1Char('/'), 0, 0, QString::SectionSkipEmpty);
    // One path segment of plain characters: it goes into the endpoints' paths as it is.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9.-]{1,100}$"));
    return url.host().isEmpty() || !plain.match(segment).hasMatch() ? QString() : segment;
}

std::optional<ProviderProfile> ProviderProfile::fromJson(const QJsonObject &json, QString *error)
{
    Reader r(error);
    ProviderProfile p;

    const QJsonValue schema = json.value(QStringLiteral("schema"));
    if (!schema.isDouble() || schema.toInt() != kSchemaVersion) {
        r.fail(Text::tr("schema must be %1").arg(kSchemaVersion));
        return std::nullopt;
    }
    p.id = r.string(json, QStringLiteral("id"), QStringLiteral("id"), true);
    if (r.ok() && !isIdentifier(p.id, 40, false, QLatin1StringView("_-")))
        r.fail(Text::tr("id must be 1-40 lowercase letters, digits, '-' or '_'"));
    p.name = r.string(json, QStringLiteral("name"), QStringLiteral("name"), true);
    p.documentation =
            r.string(json, QStringLiteral("documentation"), QStringLiteral("documentation"));
    p.discovery = r.boolean(json, QStringLiteral("discovery"), QStringLiteral("discovery"), false);

    const QJsonObject endpoints =
            r.object(json, QStringLiteral("endpoints"), QStringLiteral("endpoints"));
    p.tokenEndpoint =
            r.endpoint(endpoints, QStringLiteral("token"), QStringLiteral("endpoints.token"));
    p.authorizationEndpoint = r.endpoint(endpoints, QStringLiteral("authorization"),
                                         QStringLiteral("endpoints.authorization"));
    p.revocationEndpoint = r.endpoint(endpoints, QStringLiteral("revocation"),
                                      QStringLiteral("endpoints.revocation"));
    p.deviceAuthorizationEndpoint = r.endpoint(endpoints, QStringLiteral("device_authorization"),
                                               QStringLiteral("endpoints.device_authorization"));
    if (r.ok() && !p.discovery && p.tokenEndpoint.isEmpty())
        r.fail(Text::tr("endpoints.token is missing (or set \"discovery\": true)"));

    const QJsonObject request =
            r.object(json, QStringLiteral("token_request"), QStringLiteral("token_request"));
    p.body = r.choice(request, QStringLiteral("body"), QStringLiteral("token_request.body"),
                      BodyEncoding::Form, kBodies);
    p.clientAuth = r.choice(request, QStringLiteral("client_auth"),
                            QStringLiteral("token_request.client_auth"), ClientAuth::Basic, kAuths);
    const QJsonValue accepted = request.value(QStringLiteral("accepted_client_auth"));
    if (accepted.isArray()) {
        const QJsonArray items = accepted.toArray();
        for (const auto &v : items) {
            if (const auto auth = parseEnum(v.toString(), kAuths))
                p.acceptedClientAuth.append(*auth);
            else
                r.fail(Text::tr("token_request.accepted_client_auth has an unknown method"));
        }
    } else if (!accepted.isUndefined()) {
        r.fail(Text::tr("token_request.accepted_client_auth must be an array"));
    }
    if (p.acceptedClientAuth.isEmpty())
        p.acceptedClientAuth = {p.clientAuth};
    if (r.ok() && !p.acceptedClientAuth.contains(p.clientAuth))
        r.fail(Text::tr("token_request.client_auth must be one of accepted_client_auth"));
    p.basicEncoding = r.choice(request, QStringLiteral("basic_encoding"),
                               QStringLiteral("token_request.basic_encoding"), BasicEncoding::Form,
                               kBasicEncodings);
    p.extraRefreshParameters = r.parameters(request, QStringLiteral("extra_parameters"),
                                            QStringLiteral("token_request.extra_parameters"));
    p.sendScopeOnRefresh = r.boolean(request, QStringLiteral("send_scope"),
                                     QStringLiteral("token_request.send_scope"), false);

    const QJsonObject tenant = r.object(json, QStringLiteral("tenant"), QStringLiteral("tenant"));
    const QString tenantFrom =
            r.string(tenant, QStringLiteral("from"), QStringLiteral("tenant.from"));
    if (!tenantFrom.isEmpty() && tenantFrom != QLatin1String("host")
        && tenantFrom != QLatin1String("path"))
        r.fail(Text::tr("tenant.from must be host or path"));
    p.tenantFromPath = tenantFrom == QLatin1String("path");
    p.tenantExample = r.string(tenant, QStringLiteral("example"), QStringLiteral("tenant.example"));

    const QJsonObject authorization =
            r.object(json, QStringLiteral("authorization"), QStringLiteral("authorization"));
    p.extraAuthorizationParameters = r.parameters(authorization, QStringLiteral("extra_parameters"),
                                                  QStringLiteral("authorization.extra_parameters"));
    const QJsonValue scopes = authorization.value(QStringLiteral("default_scopes"));
    if (scopes.isArray()) {
        const QJsonArray items = scopes.toArray();
        for (const auto &v : items) {
            if (!v.isString() || v.toString().isEmpty() || v.toString().contains(QLatin1Char(' ')))
                r.fail(Text::tr("authorization.default_scopes must hold single scope names"));
            p.defaultScopes << v.toString();
        }
    } else if (!scopes.isUndefined()) {
        r.fail(Text::tr("authorization.default_scopes must be an array"));
    }

    const QJsonObject access =
            r.object(json, QStringLiteral("access_token"), QStringLiteral("access_token"));
    p.defaultAccessLifetime = r.seconds(access, QStringLiteral("default_lifetime"),
                                        QStringLiteral("access_token.default_lifetime"), 3600);
    p.previousAccessTokenDiesOnRefresh =
            r.boolean(access, QStringLiteral("previous_dies_on_refresh"),
                      QStringLiteral("access_token.previous_dies_on_refresh"), false);

    const QJsonObject refresh =
            r.object(json, QStringLiteral("refresh_token"), QStringLiteral("refresh_token"));
    p.rotation = r.choice(refresh, QStringLiteral("rotation"),
                          QStringLiteral("refresh_token.rotation"), Rotation::Optional, kRotations);
    p.singleUse = r.boolean(refresh, QStringLiteral("single_use"),
                            QStringLiteral("refresh_token.single_use"), false);
    p.invalidGrantEndsAccess =
            r.boolean(refresh, QStringLiteral("invalid_grant_ends_access"),
                      QStringLiteral("refresh_token.invalid_grant_ends_access"), false);
    if (r.ok() && p.singleUse && p.rotation != Rotation::Always)
        r.fail(Text::tr("a single_use refresh token needs \"rotation\": \"always\""));
    const QJsonObject lifetime =
            r.object(refresh, QStringLiteral("lifetime"), QStringLiteral("refresh_token.lifetime"));
    p.refreshLifetime = r.choice(lifetime, QStringLiteral("model"),
                                 QStringLiteral("refresh_token.lifetime.model"),
                                 LifetimeModel::Unknown, kModels);
    p.refreshLifetimeSeconds = r.seconds(lifetime, QStringLiteral("seconds"),
                                         QStringLiteral("refresh_token.lifetime.seconds"), 0);
    if (r.ok() && p.refreshLifetimeSeconds == 0
        && (p.refreshLifetime == LifetimeModel::Fixed
            || p.refreshLifetime == LifetimeModel::Rolling))
        r.fail(Text::tr("refresh_token.lifetime.seconds is needed for the %1 model")
                       .arg(nameOf(p.refreshLifetime)));

    if (!r.ok())
        return std::nullopt;
    return p;
}

QJsonObject ProviderProfile::toJson() const
{
    QJsonArray accepted;
    for (ClientAuth a : acceptedClientAuth)
        accepted.append(nameOf(a));
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("token_endpoint"), orNull(tokenEndpoint)},
            {QStringLiteral("authorization_endpoint"), orNull(authorizationEndpoint)},
            {QStringLiteral("revocation_endpoint"), orNull(revocationEndpoint)},
            {QStringLiteral("device_authorization_endpoint"), orNull(deviceAuthorizationEndpoint)},
            {QStringLiteral("discovery"), discovery},
            {QStringLiteral("body"), nameOf(body)},
            {QStringLiteral("client_auth"), nameOf(clientAuth)},
            {QStringLiteral("accepted_client_auth"), accepted},
            {QStringLiteral("basic_encoding"), nameOf(basicEncoding)},
            {QStringLiteral("default_access_lifetime"), defaultAccessLifetime},
            {QStringLiteral("previous_access_token_dies_on_refresh"),
             previousAccessTokenDiesOnRefresh},
            {QStringLiteral("rotation"), nameOf(rotation)},
            {QStringLiteral("single_use"), singleUse},
            {QStringLiteral("invalid_grant_ends_access"), invalidGrantEndsAccess},
            {QStringLiteral("refresh_lifetime_model"), nameOf(refreshLifetime)},
            {QStringLiteral("refresh_lifetime_seconds"),
             refreshLifetimeSeconds > 0 ? QJsonValue(refreshLifetimeSeconds) : QJsonValue()},
    };
}

QString nameOf(BodyEncoding value)
{
    return enumName(value, kBodies);
}
QString nameOf(ClientAuth value)
{
    return enumName(value, kAuths);
}
QString nameOf(BasicEncoding value)
{
    return enumName(value, kBasicEncodings);
}
QString nameOf(Rotation value)
{
    return enumName(value, kRotations);
}
QString nameOf(LifetimeModel value)
{
    return enumName(value, kModels);
}
std::optional<ClientAuth> clientAuthFromString(const QString &text)
{
    return parseEnum(text, kAuths);
}

} // namespace tether
