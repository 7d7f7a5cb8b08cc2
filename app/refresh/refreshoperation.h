#pragma once

#include "accounts/account.h"
#include "secrets/secretbundle.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace tether {

class AccountLock;
class AccountRegistry;
class Clock;
class ProviderCatalog;
class SecretStore;
class TokenClient;
struct ProviderProfile;
struct SecretResult;
struct TokenOutcome;

// The parts an operation on accounts works with; owned elsewhere, outliving the operation.
struct Engine
{
    AccountRegistry *registry = nullptr;
    SecretStore *secrets = nullptr;
    TokenClient *tokens = nullptr;
    const ProviderCatalog *catalog = nullptr;
    const Clock *clock = nullptr;
    // Uniform in [0, 1), for the jitter of scheduled refreshes and retries. Without one (the
    // command line), schedules are the deterministic plan: refresh at 3/4, full backoff.
    std::function<double()> random;
};

struct RefreshResult
{
    std::optional<Failure> failure; // none: tokens holds a usable set
    TokenSet tokens;
    bool exchanged = false; // a request went to the token endpoint and succeeded
    qint64 generation = -1; // of the stored set that `tokens` comes from
    QStringList notes;
};

// Mirrors what the keychain holds into the registry's non-secret status: expiries, flags,
// generation, and the planned next refresh.
void mirrorBundle(AccountStatus &status, const SecretBundle &bundle,
                  const std::function<double()> &random = {});

// One refresh of one account, from lock to published state:
//   lock → re-read registry and keychain → decide → connect → [mark in flight] → send →
//   write the new set to the keychain → update the registry → unlock.
// Secrets are persisted before the state that announces them; a single-use refresh token is
// never sent twice (see docs/refresh-lifecycle.md).
class RefreshOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshOperation)

public:
    enum class Mode {
        Force, // refresh now, unless another process refreshed while this one waited
        IfNeeded, // refresh only if the access token is within its safety margin
    };

    RefreshOperation(const Engine &engine, const QString &accountId, Mode mode,
                     QObject *parent = nullptr);
    ~RefreshOperation() override;

    void start();

Q_SIGNALS:
    void refreshFinished(const tether::RefreshResult &result);

private:
    void onLocked();
    void onSecretsRead(const SecretResult &result);
    void exchange();
    void onAnswer(const TokenOutcome &outcome);
    void store(int attempt);
    void onStored();
    void clearTokens(const Failure &why, bool keepUsableAccessToken);
    void succeed(bool exchanged);
    void fail(const Failure &failure);

    Engine m_engine;
    QString m_id;
    Mode m_mode;
    AccountLock *m_lock;
    Account m_account;
    const ProviderProfile *m_profile = nullptr;
    qint64 m_generationBefore = -1;
    SecretBundle m_bundle; // what the keychain holds
    SecretBundle m_next; // what it is to hold after the exchange
    QStringList m_notes;
    bool m_finished = false;
};

} // namespace tether
