#include "localbackend.h"

#include "accounts/accountregistry.h"
#include "refresh/refreshoperation.h"
#include "system/detached.h"
#include "system/processinfo.h"

#include <unistd.h>

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
    : QObject(parent), m_engine(engine), m_accounts(new AccountEditor(engine, this))
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
    // As the service does (BusAdaptor::AddAccount): a program that runs `tether add` without a
    // terminal may take the token of the account it added.
    const QString self = selfExecutable();
    const QString creator = programOf(readProcess(quint32(::getpid())), self);
    m_accounts->addAccount(
            config, clientSecret,
            {this, [this, id = config.id, creator, self, done](const Outcome &outcome) {
                 if (outcome.failure || creator.isEmpty() || creator == self)
                     return done(outcome);
                 const Outcome allowed =
                         m_accounts->decideAccess(id, creator, AccessDecision::Verdict::Allow,
                                                  AccessDecision::kAddedAccount);
                 done(allowed.failure
                              ? Outcome::done(outcome.summary,
                                              outcome.notes + QStringList{allowed.failure->message})
                              : outcome);
             }});
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

void LocalBackend::listAccess(const QString &id, const Callback<const AccessReply &> &reply)
{
    AccessReply answer;
    answer.failure = m_accounts->accessDecisions(id, &answer.decisions);
    reply(answer);
}

void LocalBackend::setAccess(const QString &id, const QString &program,
                             std::optional<AccessDecision::Verdict> verdict, const Done &done)
{
    done(m_accounts->decideAccess(id, program, verdict, AccessDecision::kDecided));
}

} // namespace tether

// Its own moc output, not the backend library's shared one (app/CMakeLists.txt says why).
#include "moc_localbackend.cpp" // NOLINT(bugprone-suspicious-include): moc's output for this file
