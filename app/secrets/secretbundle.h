#pragma once

#include "core/storedformats.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace tether {

// The tokens an account holds, with the instants that belong to them.
struct TokenSet
{
    QString accessToken;
    QString tokenType;
    QString refreshToken; // empty: none (the provider gives none, or it was spent)
    QString scope;
    QString idToken;
    QDateTime accessIssuedAt;
    QDateTime accessExpiresAt;
    QDateTime refreshIssuedAt; // when the current refresh token was received
    QDateTime refreshExpiresAt; // invalid: unknown or unlimited
};

// Everything secret about one account, stored as ONE keychain item so that a rotated refresh
// token, its access token and the client secret are always replaced together.
struct SecretBundle
{
    static constexpr int kFormat = storedformats::kSecretBundle;

    QString clientSecret;
    std::optional<TokenSet> tokens;
    qint64 generation = 0; // increases with every stored token set; mirrored in the registry

    QByteArray serialize() const;
    static std::optional<SecretBundle> deserialize(const QByteArray &data, QString *error);
};

} // namespace tether
