#include "inprocessservice.h"

#include "accounts/accountregistry.h"
#include "backend/localbackend.h"
#include "core/clock.h"
#include "refresh/refreshcoordinator.h"
#include "service/startatlogin.h"

namespace tether {

InProcessService::InProcessService(const Engine &engine, RefreshCoordinator &refresh,
                                   BrowserOpener opener, StartAtLogin *startAtLogin,
                                   QObject *parent)
    : WindowBackend(parent),
      m_engine(engine),
      m_refresh(refresh),
      m_accounts(new AccountEditor(engine, this)),
      m_opener(std::move(opener)),
      m_startAtLogin(startAtLogin)
{
    connect(&m_refresh, &RefreshCoordinator::accountChanged, this,
            [this](const QString &id) { Q_EMIT accountChanged(id, account(id)); });
    connect(&m_refresh, &RefreshCoordinator::accountsChanged, this,
            &WindowBackend::accountsChanged);
    connect(&m_refresh, &RefreshCoordinator::refreshFinished, this, &InProcessService::record);
    if (m_startAtLogin)
        connect(m_startAtLogin, &StartAtLogin::changed, this, &WindowBackend::startsAtLoginChanged);
}

InProcessService::~InProcessService() = default;

std::optional<Account> InProcessService::account(const QString &id) const
{
    m_refresh.catchUp();
    return m_refresh.account(id);
}

void InProcessService::fetchAccount(
        const QString &id, const Callback<const std::optional<Failure> &, const Account &> &reply)
{
    if (const auto found = account(id))
        return reply(std::nullopt, *found);
    reply(unknownAccount(id), Account());
}

void InProcessService::startService(const Callback<const std::optional<Failure> &> &done)
{
    done(std::nullopt); // it runs in this very process
}

const ProviderCatalog &InProcessService::catalog() const
{
    return *m_engine.catalog;
}

void InProcessService::listAccounts(const Callback<const AccountList &> &reply)
{
    m_refresh.catchUp();
    reply({std::nullopt, m_refresh.accounts()});
}

Done InProcessService::afterChange(const QString &id, const Done &done)
{
    return {this, [this, id, done](const Outcome &outcome) {
                m_refresh.forget(id);
                m_refresh.reload();
                done(outcome);
            }};
}

void InProcessService::addAccount(const AccountConfig &config,
                                  const std::optional<QString> &clientSecret, const Done &done)
{
    m_accounts->addAccount(config, clientSecret, afterChange(config.id, done));
}

void InProcessService::editAccount(const QString &id, const AccountEdit &edit, const Done &done)
{
    m_accounts->editAccount(id, edit, afterChange(id, done));
}

void InProcessService::importTokens(const QString &id, const QByteArray &response, const Done &done)
{
    m_accounts->importTokens(id, response, afterChange(id, done));
}

void InProcessService::refresh(const QString &id, const Callback<const RefreshReply &> &reply)
{
    m_refresh.refresh(id, RefreshOperation::Mode::Force,
                      {reply.context(), [this, id, reply](const RefreshResult &result) {
                           RefreshReply out = toRefreshReply(result);
                           if (const auto now = account(id))
                               out.nextRefreshAt = now->status.nextRefreshAt;
                           reply(out);
                       }});
}

void InProcessService::accessToken(const QString &id, const Callback<const TokenReply &> &reply)
{
    m_refresh.refresh(id, RefreshOperation::Mode::IfNeeded,
                      {reply.context(),
                       [reply](const RefreshResult &result) { reply(toTokenReply(result)); }});
}

void InProcessService::disconnectAccount(const QString &id, const Done &done)
{
    m_accounts->disconnectAccount(id, afterChange(id, done));
}

void InProcessService::removeAccount(const QString &id, const Done &done)
{
    if (const QPointer<SignIn> running = m_signIns.value(id))
        running->cancel();
    m_accounts->removeAccount(id, afterChange(id, {this, [this, id, done](const Outcome &o) {
                                                       if (o.ok())
                                                           m_history.remove(id);
                                                       done(o);
                                                   }}));
}

void InProcessService::signIn(const QString &id, SignIn::Method method)
{
    if (m_signIns.value(id)) {
        Q_EMIT signInFinished(id, Outcome::failed(Failure::temporary(
                                          QStringLiteral("sign_in_under_way"),
                                          tr("a sign-in for %1 is already under way; finish or "
                                             "cancel it first")
                                                  .arg(id))));
        return;
    }
    auto *signIn = new SignIn(*m_accounts, id, method, m_opener, this);
    m_signIns.insert(id, signIn);
    connect(signIn, &SignIn::signInProgressed, this,
            [this, id](const SignInProgress &progress) { Q_EMIT signInProgressed(id, progress); });
    connect(signIn, &SignIn::signInFinished, this, [this, id, signIn](const Outcome &outcome) {
        m_signIns.remove(id);
        signIn->deleteLater();
        m_refresh.forget(id);
        m_refresh.reload();
        Q_EMIT signInFinished(id, outcome);
    });
    signIn->start();
}

void InProcessService::cancelSignIn(const QString &id)
{
    if (const QPointer<SignIn> running = m_signIns.value(id))
        running->cancel();
}

void InProcessService::record(const QString &id, const RefreshResult &result)
{
    QList<HistoryEntry> &entries = m_history[id];
    const Failure *f = result.failure ? &*result.failure : nullptr;
    entries.prepend({m_engine.clock->nowUtc(),
                     f ? f->code
                       : (result.exchanged ? QStringLiteral("refreshed") : QStringLiteral("valid")),
                     f ? f->httpStatus : 0, f ? f->message : result.notes.join(QLatin1Char(' '))});
    if (entries.size() > kHistoryLength)
        entries.removeLast();
}

void InProcessService::history(const QString &id,
                               const Callback<const QList<HistoryEntry> &> &reply)
{
    reply(m_history.value(id));
}

void InProcessService::refreshAll()
{
    m_refresh.refreshAll();
}

void InProcessService::quitService()
{
    Q_EMIT quitRequested();
}

bool InProcessService::startsAtLogin() const
{
    return m_startAtLogin && m_startAtLogin->isEnabled();
}

void InProcessService::setStartsAtLogin(bool enabled, const Done &done)
{
    if (!m_startAtLogin)
        return done(Outcome::failed(Failure::unexpected(tr("this Tether cannot start at login"))));
    m_startAtLogin->setEnabled(enabled, done);
}

void InProcessService::listAccess(const QString &id, const Callback<const AccessReply &> &reply)
{
    AccessReply answer;
    answer.failure = m_accounts->accessDecisions(id, &answer.decisions);
    reply(answer);
}

void InProcessService::setAccess(const QString &id, const QString &program,
                                 std::optional<AccessDecision::Verdict> verdict, const Done &done)
{
    done(m_accounts->decideAccess(id, program, verdict, AccessDecision::kDecided));
}

} // namespace tether
