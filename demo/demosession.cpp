#include "demosession.h"

#include "accounts/accounteditor.h"
#include "accounts/accountregistry.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QFile>

namespace tether {

DemoSession::DemoSession(AccountEditor &accounts, AccountRegistry &registry, QObject *parent)
    : QObject(parent),
      m_accounts(accounts),
      m_registry(registry),
      m_provider(new DemoProvider(this))
{ }

void DemoSession::start(const std::function<void(const QString &)> &done)
{
    QString error;
    if (!m_provider->start(&error))
        return done(tr("the demo provider could not start: %1").arg(error));
    // A fresh demo every time: the provider's port and tokens are new.
    QList<Account> old;
    if (m_registry.load(&old)) // unreadable: nothing of the last demo to clear; a fresh file
        old.clear();
    for (const Account &a : old)
        m_accounts.engine().secrets->remove(a.config.id);
    QFile::remove(m_registry.path());
    seedNext(m_provider->accounts(), done);
}

void DemoSession::seedNext(QList<DemoProvider::DemoAccount> remaining,
                           const std::function<void(const QString &)> &done)
{
    if (remaining.isEmpty())
        return done({});
    const DemoProvider::DemoAccount account = remaining.takeFirst();
    m_accounts.addAccount(
            account.config, account.clientSecret,
            {this, [=](const Outcome &added) {
                 if (added.failure)
                     return done(added.failure->message);
                 if (account.firstResponse.isEmpty()) {
                     // The one whose refresh token was revoked: it waits for the user to reconnect.
                     const auto failure =
                             m_registry.modifyAccount(account.config.id, [](Account &a) {
                                 a.status.state = AccountState::NeedsReconnect;
                                 a.status.lastError = Failure::reconnect(
                                         QStringLiteral("invalid_grant"),
                                         tr("the provider rejected the refresh token "
                                            "(invalid_grant: revoked); reconnect the account"),
                                         400);
                             });
                     if (failure)
                         return done(failure->message);
                     return seedNext(remaining, done);
                 }
                 m_accounts.importTokens(account.config.id, account.firstResponse,
                                         {this, [=](const Outcome &imported) {
                                              if (imported.failure)
                                                  return done(imported.failure->message);
                                              seedNext(remaining, done);
                                          }});
             }});
}

} // namespace tether
