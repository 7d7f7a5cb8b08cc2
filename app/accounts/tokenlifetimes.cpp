#include "tokenlifetimes.h"

#include "accounts/handout.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace tether::lifetimes {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenLifetimes)
};
} // namespace

std::optional<QDateTime> jwtExpiry(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
            parts.at(1).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonValue exp = QJsonDocument::fromJson(*decoded).object().value(QStringLiteral("exp"));
    if (!exp.isDouble() || exp.toDouble() <= 0 || exp.toDouble() > 253402300799.0)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), QTimeZone::utc());
}

QDateTime refreshExpiry(const ProviderProfile &profile, const TokenSet &set,
                        std::optional<qint64> announcedLifetime, const QDateTime &lastUse)
{
    if (set.refreshToken.isEmpty())
        return {};
    if (announcedLifetime)
        return set.refreshIssuedAt.addSecs(*announcedLifetime);
    switch (profile.refreshLifetime) {
    case LifetimeModel::Unknown:
        return {};
    case LifetimeModel::Fixed:
        return set.refreshIssuedAt.addSecs(profile.refreshLifetimeSeconds);
    case LifetimeModel::Rolling:
        return lastUse.addSecs(profile.refreshLifetimeSeconds);
    case LifetimeModel::JwtExp:
        if (const auto exp = jwtExpiry(set.refreshToken))
            return *exp;
        return profile.refreshLifetimeSeconds > 0
                       ? set.refreshIssuedAt.addSecs(profile.refreshLifetimeSeconds)
                       : QDateTime();
    }
    return {};
}

TokenSet fromResponse(const ProviderProfile &profile, const TokenResponse &response,
                      const QDateTime &now)
{
    TokenSet set;
    set.accessToken = response.accessToken;
    set.tokenType = response.tokenType;
    set.refreshToken = response.refreshToken;
    set.scope = response.scope;
    set.idToken = response.idToken;
    set.accessIssuedAt = now;
    set.accessExpiresAt = now.addSecs(response.expiresIn.value_or(profile.defaultAccessLifetime));
    if (!set.refreshToken.isEmpty())
        set.refreshIssuedAt = now;
    set.refreshExpiresAt = refreshExpiry(profile, set, response.refreshExpiresIn, now);
    return set;
}

TokenSet afterRefresh(const ProviderProfile &profile, const TokenSet &previous,
                      const TokenResponse &response, const QDateTime &now, QStringList *notes)
{
    TokenSet set = fromResponse(profile, response, now);
    if (set.scope.isEmpty())
        set.scope = previous.scope; // "If not sent, the original scopes" (RFC 6749 §5.1)
    if (set.idToken.isEmpty())
        set.idToken = previous.idToken;
    if (!response.refreshToken.isEmpty())
        return set;

    if (profile.singleUse) {
        // The refresh spent it, and no successor came: keep the access token while it lasts.
        notes->append(Text::tr("the provider sent no new refresh token for the single-use one it "
                               "consumed; reconnect before the access token expires"));
        set.refreshToken.clear();
        set.refreshExpiresAt = {};
        return set;
    }
    if (profile.rotation == Rotation::Always)
        notes->append(Text::tr("the provider sent no new refresh token; the old one is kept"));
    set.refreshToken = previous.refreshToken;
    set.refreshIssuedAt = previous.refreshIssuedAt;
    set.refreshExpiresAt = profile.refreshLifetime == LifetimeModel::Rolling
                                   ? refreshExpiry(profile, set, std::nullopt, now)
                                   : previous.refreshExpiresAt;
    return set;
}

bool refreshTokenExpired(const TokenSet &set, const QDateTime &now)
{
    return set.refreshExpiresAt.isValid() && set.refreshExpiresAt <= now;
}

qint64 tokenSafetyMargin(const TokenSet &set)
{
    return handout::safetyMarginSeconds(set.accessIssuedAt.secsTo(set.accessExpiresAt));
}

bool accessTokenUsable(const TokenSet &set, const QDateTime &now, qint64 marginSeconds)
{
    return !set.accessToken.isEmpty() && set.accessExpiresAt.isValid()
           && now.secsTo(set.accessExpiresAt) > marginSeconds;
}

bool accessTokenGoodToHandOut(const TokenSet &set, const QDateTime &now)
{
    return !set.accessToken.isEmpty() && set.accessExpiresAt.isValid()
           && handout::goodToHandOut(now.secsTo(set.accessExpiresAt),
                                     set.accessIssuedAt.secsTo(set.accessExpiresAt));
}

} // namespace tether::lifetimes
