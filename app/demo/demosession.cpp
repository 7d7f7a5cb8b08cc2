#include "demosession.h"

#include "accounts/accountregistry.h"
#include "accounts/accountservice.h"
#include "secrets/secretstore.h"

#include <QFile>

namespace tether {

DemoSession::DemoSession(AccountService &accounts, AccountRegistry &registry, QObject *parent)
    : QObject(parent),
      m_accounts(accounts),
      m_registry(registry),
      m_provider(new DemoProvider(this))
{ }

void DemoSession::start(const std::function<void(const QString &)> &done)
{
    QString error;
    if (!m_provider->start(&error))
        return done(QStringLiteral("the demo provider could not start: ") + error);
    // A fresh demo every time: the provider's port and tokens are new.
    QList<Account> old;
    m_registry.load(&old);
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
            account.config, account.clientSecret, [=](const std::optional<Failure> &failure) {
                if (failure)
                    return done(failure->message);
                if (account.firstAnswer.isEmpty()) {
                    // The one whose refresh token was revoked: it waits for the user to reconnect.
                    m_registry.modifyAccount(account.config.id, [](Account &a) {
                        a.status.state = AccountState::NeedsReconnect;
                        a.status.lastError = Failure{
                                FailureKind::Reconnect, QStringLiteral("invalid_grant"),
                                QStringLiteral("the provider rejected the refresh token "
                                               "(invalid_grant: revoked); reconnect the account"),
                                std::nullopt, 400};
                    });
                    return seedNext(remaining, done);
                }
                auto warnings = std::make_shared<QStringList>();
                m_accounts.importTokens(account.config.id, account.firstAnswer, warnings.get(),
                                        [=](const std::optional<Failure> &f) {
                                            if (f)
                                                return done(f->message);
                                            seedNext(remaining, done);
                                        });
            });
}

} // namespace tether
