#include "secretbundle.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SecretBundle)
};

QJsonValue instant(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime readInstant(const QJsonObject &o, const QString &key)
{
    QDateTime t = QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

QByteArray SecretBundle::serialize() const
{
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("generation"), generation},
                     {QStringLiteral("client_secret"), clientSecret}};
    if (tokens) {
        root.insert(
                QStringLiteral("tokens"),
                QJsonObject{
                        {QStringLiteral("access_token"), tokens->accessToken},
                        {QStringLiteral("token_type"), tokens->tokenType},
                        {QStringLiteral("refresh_token"), tokens->refreshToken},
                        {QStringLiteral("scope"), tokens->scope},
                        {QStringLiteral("id_token"), tokens->idToken},
                        {QStringLiteral("access_issued_at"), instant(tokens->accessIssuedAt)},
                        {QStringLiteral("access_expires_at"), instant(tokens->accessExpiresAt)},
                        {QStringLiteral("refresh_issued_at"), instant(tokens->refreshIssuedAt)},
                        {QStringLiteral("refresh_expires_at"), instant(tokens->refreshExpiresAt)}});
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<SecretBundle> SecretBundle::deserialize(const QByteArray &data, QString *error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toInt() != kFormat) {
        *error = Text::tr("the keychain item is not in a format this Tether reads");
        return std::nullopt;
    }
    SecretBundle bundle;
    bundle.generation = root.value(QStringLiteral("generation")).toInteger();
    bundle.clientSecret = root.value(QStringLiteral("client_secret")).toString();
    const QJsonValue tokens = root.value(QStringLiteral("tokens"));
    if (tokens.isObject()) {
        const QJsonObject t = tokens.toObject();
        TokenSet set;
        set.accessToken = t.value(QStringLiteral("access_token")).toString();
        set.tokenType = t.value(QStringLiteral("token_type")).toString();
        set.refreshToken = t.value(QStringLiteral("refresh_token")).toString();
        set.scope = t.value(QStringLiteral("scope")).toString();
        set.idToken = t.value(QStringLiteral("id_token")).toString();
        set.accessIssuedAt = readInstant(t, QStringLiteral("access_issued_at"));
        set.accessExpiresAt = readInstant(t, QStringLiteral("access_expires_at"));
        set.refreshIssuedAt = readInstant(t, QStringLiteral("refresh_issued_at"));
        set.refreshExpiresAt = readInstant(t, QStringLiteral("refresh_expires_at"));
        if (set.accessToken.isEmpty() && set.refreshToken.isEmpty()) {
            *error = Text::tr("the keychain item holds an empty token set");
            return std::nullopt;
        }
        bundle.tokens = set;
    }
    return bundle;
}

} // namespace tether
