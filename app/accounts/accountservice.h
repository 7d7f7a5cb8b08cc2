#pragma once

#include "accounts/accountbackend.h"
#include "oauth/tokenresponse.h"
#include "refresh/refreshoperation.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tether {

class AuthorizationFlow;

// The operations on accounts that the command line (and the window) offer. Each one takes the
// account's lock, re-reads what it changes, writes secrets to the keychain before it writes the
// registry, and reports once through `done`, called with `context` alive.
class AccountService final : public QObject, public AccountBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountService)

public:
    explicit AccountService(const Engine &engine, QObject *parent = nullptr);

    const Engine &engine() const { return m_engine; }

    const ProviderCatalog &catalog() const override { return *m_engine.catalog; }
    std::optional<Failure> loadAccounts(QList<Account> *accounts) const override;
    // Validates everything before anything is stored; the client secret goes to the keychain.
    // A generic OpenID Connect provider's endpoints come from its discovery document first.
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done) override;
    // Stores an RFC 6749 §5.1 token answer as the account's token set. `warnings` gets the
    // tolerated oddities of the answer.
    void importTokens(const QString &id, const QByteArray &answer, QStringList *warnings,
                      const Done &done) override;
    // Revokes the refresh token at the provider (RFC 7009) where the account has a revocation
    // endpoint, then forgets the tokens; a failed revocation lands in `warnings`.
    void disconnect(const QString &id, QStringList *warnings, const Done &done) override;
    // Signs in through the browser (authorization code + PKCE on a loopback redirect) and stores
    // the tokens. `browserOpened` gets the URL, and whether a browser was started for it.
    void connectAccount(const QString &id, const BrowserOpener &opener,
                        const std::function<void(const QUrl &url, bool opened)> &browserOpened,
                        const Done &done) override;
    void remove(const QString &id, const Done &done) override; // forget everything
    void refresh(const QString &id, RefreshOperation::Mode mode, QObject *context,
                 const RefreshDone &done) override;

    // Ends a sign-in under way for this account (the window's Cancel).
    void cancelConnect(const QString &id);

    RefreshOperation *createRefresh(const QString &id, RefreshOperation::Mode mode);

    // The checks `add` makes, for the window's dialog too.
    std::optional<Failure> validate(const AccountConfig &config, bool hasClientSecret) const;

private:
    void storeTokens(const QString &id, const TokenResponse &response, const Done &done);
    void store(const AccountConfig &config, const std::optional<QString> &clientSecret,
               const Done &done);
    // Runs `body` with the account's lock held; the lock is released when `finish` is called.
    using Finish = std::function<void(const std::optional<Failure> &)>;
    void withLock(const QString &id, const Done &done,
                  const std::function<void(const Finish &finish)> &body);
    // Reads the bundle, telling "locked keychain" from "nothing stored" by the registry's flags.
    void readBundle(
            const Account &account,
            const std::function<void(const std::optional<Failure> &, const SecretBundle &)> &next);

    Engine m_engine;
    QHash<QString, QPointer<AuthorizationFlow>> m_flows;
};

} // namespace tether
