#include "localbackend.h"

#include "accounts/accountregistry.h"
#include "refresh/refreshoperation.h"

namespace tether {

void runRefresh(const Engine &engine, const QString &id, bool ifNeeded, QObject *owner,
                const std::function<void(const RefreshResult &)> &done)
{
    auto *operation = new RefreshOperation(
            engine, id, ifNeeded ? RefreshOperation::Mode::IfNeeded : RefreshOperation::Mode::Force,
            owner);
    QObject::connect(operation, &RefreshOperation::refreshFinished, owner,
                     [operation, done](const RefreshResult &result) {
                         operation->deleteLater();
                         done(result);
                     });
    operation->start();
}

RefreshReply toRefreshReply(const RefreshResult &result)
{
    return {result.failure, result.exchanged, result.tokens.accessExpiresAt, {}, result.notes};
}

TokenReply toTokenReply(const RefreshResult &result)
{
    if (result.failure)
        return {result.failure, {}, {}, result.notes};
    return {std::nullopt, result.tokens.accessToken, result.tokens.accessExpiresAt, result.notes};
}

LocalBackend::LocalBackend(const Engine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_accounts(new AccountService(engine, this))
{ }

const ProviderCatalog &LocalBackend::catalog() const
{
    return *m_engine.catalog;
}

void LocalBackend::listAccounts(const Callback<const AccountList &> &reply)
{
    AccountList list;
    list.failure = m_engine.registry->load(&list.accounts);
    reply(list);
}

void LocalBackend::addAccount(const AccountConfig &config,
                              const std::optional<QString> &clientSecret, const Done &done)
{
    m_accounts->addAccount(config, clientSecret, done);
}

void LocalBackend::editAccount(const QString &id, const AccountEdit &edit, const Done &done)
{
    m_accounts->editAccount(id, edit, done);
}

void LocalBackend::importTokens(const QString &id, const QByteArray &response, const Done &done)
{
    m_accounts->importTokens(id, response, done);
}

void LocalBackend::refresh(const QString &id, const Callback<const RefreshReply &> &reply)
{
    runRefresh(m_engine, id, false, this,
               [reply](const RefreshResult &result) { reply(toRefreshReply(result)); });
}

void LocalBackend::accessToken(const QString &id, const Callback<const TokenReply &> &reply)
{
    runRefresh(m_engine, id, true, this,
               [reply](const RefreshResult &result) { reply(toTokenReply(result)); });
}

void LocalBackend::disconnectAccount(const QString &id, const Done &done)
{
    m_accounts->disconnectAccount(id, done);
}

void LocalBackend::removeAccount(const QString &id, const Done &done)
{
    m_accounts->removeAccount(id, done);
}

} // namespace tether
