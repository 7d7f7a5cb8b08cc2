#pragma once

#include "backend/accountbackend.h"

namespace tether {

class RefreshOperation;
struct RefreshResult;

// The accounts served by this process alone: the command line when no service runs. Each call
// runs the operation here, under the same per-account locks the service takes.
class LocalBackend final : public QObject, public AccountBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalBackend)

public:
    explicit LocalBackend(const Engine &engine, QObject *parent = nullptr);

    AccountEditor &accounts() { return *m_accounts; }

    const ProviderCatalog &catalog() const override;
    void listAccounts(const Callback<const AccountList &> &reply) override;
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done) override;
    void editAccount(const QString &id, const AccountEdit &edit, const Done &done) override;
    void importTokens(const QString &id, const QByteArray &response, const Done &done) override;
    void refresh(const QString &id, const Callback<const RefreshReply &> &reply) override;
    void accessToken(const QString &id, const Callback<const TokenReply &> &reply) override;
    void disconnectAccount(const QString &id, const Done &done) override;
    void removeAccount(const QString &id, const Done &done) override;
    void listAccess(const QString &id, const Callback<const AccessReply &> &reply) override;
    void setAccess(const QString &id, const QString &program,
                   std::optional<AccessDecision::Verdict> verdict, const Done &done) override;

private:
    Engine m_engine;
    AccountEditor *m_accounts;
};

// Runs one refresh operation and replies once with its result.
void runRefresh(const Engine &engine, const QString &id, bool ifNeeded, QObject *owner,
                const std::function<void(const RefreshResult &)> &done);

RefreshReply toRefreshReply(const RefreshResult &result);
TokenReply toTokenReply(const RefreshResult &result);

} // namespace tether
