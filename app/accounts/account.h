#pragma once

#include "core/failure.h"
#include "providers/providerprofile.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace tether {

enum class AccountState { NotConnected, Connected, Refreshing, Retrying, NeedsReconnect };
QString nameOf(AccountState state);
std::optional<AccountState> accountStateFromString(const QString &text);

// What the user set up; holds no secret.
struct AccountConfig
{
    QString id;
    QString name;
    QString provider;
    QString clientId;
    // Overrides of the profile's endpoints (empty: the profile's).
    QString tokenEndpoint;
    QString authorizationEndpoint;
    QString revocationEndpoint;
    QString issuer;
    QString scope;
    QString redirectUri;
    std::optional<ClientAuth> clientAuth; // empty: the profile's
    bool allowInsecureHttp = false;
};

// What Tether knows about the account's tokens without opening the keychain.
struct AccountStatus
{
    AccountState state = AccountState::NotConnected;
    QDateTime accessIssuedAt;
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;
    QDateTime lastRefreshAt;
    QDateTime nextRefreshAt;
    std::optional<Failure> lastError;
    bool hasClientSecret = false;
    bool hasTokens = false;
    bool hasRefreshToken = false;
    qint64 generation = 0; // the SecretBundle generation last stored
    int consecutiveFailures = 0;
    // Set just before a single-use refresh token is sent, cleared when the outcome is stored:
    // finding it set later means the answer was lost and the token may be spent.
    qint64 inFlightGeneration = -1;
};

struct Account
{
    AccountConfig config;
    AccountStatus status;

    QJsonObject toJson() const; // the registry file's form
    static std::optional<Account> fromJson(const QJsonObject &json, QString *error);
};

// Account ids are used as keychain keys, lock file names and command-line words.
bool isValidAccountId(const QString &id);

} // namespace tether
