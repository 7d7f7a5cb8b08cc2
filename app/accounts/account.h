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
    QString deviceAuthorizationEndpoint; // RFC 8628; empty: the profile's (or none)
    std::optional<ClientAuth> clientAuth; // empty: the profile's
    bool allowInsecureHttp = false;
    // The server puts `iss` into its authorization responses (RFC 9207, from its discovery
    // document): a response without one is refused.
    bool issuerInResponse = false;

    // What people see it called: the name, or the id when it has none.
    QString shownName() const { return name.isEmpty() ? id : name; }
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
    // Set just before a rotating refresh token is sent, cleared when the outcome is stored:
    // finding it set later means the response was lost and the token may be spent.
    qint64 inFlightGeneration = -1;
    // The provider has answered a refresh with a new refresh token before: from then on it is
    // treated as rotating whatever its profile says (no double spending).
    bool refreshTokenRotates = false;
};

bool operator==(const AccountConfig &a, const AccountConfig &b);
bool operator==(const AccountStatus &a, const AccountStatus &b);
inline bool operator!=(const AccountConfig &a, const AccountConfig &b)
{
    return !(a == b);
}
inline bool operator!=(const AccountStatus &a, const AccountStatus &b)
{
    return !(a == b);
}

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

// A QList of accounts moves them as bytes when it grows: every member is a Qt implicitly shared
// type, plain data, or a std::optional holding those, and none points into its own object. The
// window reads 1,000 of them from the service before its first frame (docs/performance.md).
Q_DECLARE_TYPEINFO(tether::Account, Q_RELOCATABLE_TYPE);
