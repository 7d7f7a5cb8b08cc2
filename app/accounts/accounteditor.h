#pragma once

#include "accounts/accesslist.h"
#include "accounts/account.h"
#include "accounts/accountedit.h"
#include "accounts/engine.h"
#include "core/callback.h"
#include "oauth/tokenresponse.h"

#include <QObject>

#include <functional>

namespace tether {

struct SecretBundle;

// The operations that change an account's settings and stored secrets: add, edit, import,
// disconnect, remove. Each takes the account's lock, re-reads what it changes, writes secrets to
// the keychain before it writes the registry, and replies once through `done`.
// (Signing in is SignIn's; refreshing is RefreshOperation's.)
class AccountEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountEditor)

public:
    explicit AccountEditor(const Engine &engine, QObject *parent = nullptr);

    const Engine &engine() const { return m_engine; }

    // Validates everything before anything is stored; the client secret goes to the keychain.
    // A generic OpenID Connect provider's endpoints come from its discovery document first.
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done);
    // Changes settings, validated as `add` validates them; a new client secret replaces the old
    // one in one keychain write that keeps the tokens.
    void editAccount(const QString &id, const AccountEdit &edit, const Done &done);
    // Stores an RFC 6749 §5.1 token response (JSON) as the account's token set.
    void importTokens(const QString &id, const QByteArray &response, const Done &done);
    // Stores a token response as the account's token set (import, sign-in).
    void storeTokens(const QString &id, const TokenResponse &response, const Done &done);
    // Revokes the grant at the provider (RFC 7009) where the account has a revocation endpoint,
    // then forgets the tokens; the summary says which of the two happened.
    void disconnectAccount(const QString &id, const Done &done);
    // Disconnects, then deletes the account and its keychain item.
    void removeAccount(const QString &id, const Done &done);

    // Which programs may take the account's token (Engine::access): the decisions about it, or
    // a decision recorded (an empty verdict forgets it). `reason` says how it came about.
    [[nodiscard]] std::optional<Failure> accessDecisions(const QString &id,
                                                         QList<AccessDecision> *decisions) const;
    Outcome decideAccess(const QString &id, const QString &program,
                         std::optional<AccessDecision::Verdict> verdict, const QString &reason);

    static constexpr int kLockTimeoutMs = 90'000; // longer than one exchange plus a keychain write

private:
    using Finish = std::function<void(const Outcome &)>;
    // Runs `body` with the account's lock held; the lock goes when `finish` is called.
    void withLock(const QString &id, const Done &done,
                  const std::function<void(const Finish &finish)> &body);
    void store(const AccountConfig &config, const std::optional<QString> &clientSecret,
               const QStringList &notes, const Done &done);
    void applyEdit(const QString &id, const AccountEdit &edit, const QStringList &notes,
                   const Done &done);
    // Disconnect (remove false) or remove: the keychain read, then revokeThenForget.
    void forget(const QString &id, bool remove, const Done &done);
    void revokeThenForget(const Account &account, const SecretBundle &stored, bool remove,
                          const Finish &finish);

    Engine m_engine;
};

} // namespace tether
