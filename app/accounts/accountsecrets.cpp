#include "accountsecrets.h"

#include "secrets/secretstore.h"

#include <QCoreApplication>

namespace tether {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountSecrets)
};
} // namespace

bool secretsExpected(const AccountStatus &status)
{
    return status.hasTokens || status.hasClientSecret;
}

Failure keychainLocked(const QString &id)
{
    return Failure::keychain(QStringLiteral("keychain_locked"),
                             Text::tr("the keychain is locked, so the secrets of %1 cannot be "
                                      "read: unlock it and try again (nothing was changed)")
                                     .arg(id));
}

Failure secretsMissing(const QString &id)
{
    return Failure::reconnect(QStringLiteral("secrets_missing"),
                              Text::tr("the keychain is unlocked but holds no secrets for %1 "
                                       "although Tether stored them (a reset keyring, or an "
                                       "account list copied from another machine): sign in "
                                       "again, and set the client secret again if it has one")
                                      .arg(id));
}

void readAccountSecrets(SecretStore &store, const Account &account, bool repairing,
                        const Callback<const SecretsRead &> &done)
{
    const QString id = account.config.id;
    const bool expected = secretsExpected(account.status);
    SecretJob *job = store.read(id);
    QObject::connect(job, &SecretJob::secretJobFinished, done.context(),
                     [=](const SecretResult &result) {
                         switch (result.status) {
                         case SecretResult::Status::Ok:
                             return done({std::nullopt, *result.bundle});
                         case SecretResult::Status::NotFound:
                             if (!expected)
                                 return done({std::nullopt, {}});
                             if (result.collectionLocked.value_or(true))
                                 return done({keychainLocked(id), {}});
                             if (repairing)
                                 return done({std::nullopt, {}});
                             return done({secretsMissing(id), {}});
                         case SecretResult::Status::Failed:
                             break;
                         }
                         done({result.failure, {}});
                     });
}

} // namespace tether
