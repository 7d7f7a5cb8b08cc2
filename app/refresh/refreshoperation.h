#pragma once

#include "accounts/account.h"
#include "accounts/engine.h"
#include "secrets/secretbundle.h"

#include <QObject>

namespace tether {

class AccountLock;
struct ProviderProfile;
struct SecretResult;
struct SecretsRead;
struct TokenOutcome;

struct RefreshResult
{
    std::optional<Failure> failure; // none: tokens holds a usable set
    TokenSet tokens;
    bool exchanged = false; // a request went to the token endpoint and succeeded
    bool held = false; // the new set is held in memory: the keychain would not take it
    qint64 generation = -1; // of the stored set that `tokens` comes from
    QStringList notes;
    // The account's state could not be written to the registry (a full or read-only disk, the
    // registry busy): what it says is older than this outcome, and its next refresh is not
    // there. The refresh service keeps the account scheduled from memory and says so.
    std::optional<Failure> unsaved;
};

// One refresh of one account, from lock to published state:
//   [IfNeeded: a good stored access token is handed out without the lock] →
//   lock → re-read registry and keychain → decide → connect → [mark in flight] → send →
//   write the new set to the keychain (held in memory if it will not take it) → update the
//   registry → unlock.
// Secrets are persisted before the state that announces them; a rotating refresh token is never
// sent twice (see docs/refresh-lifecycle.md).
class RefreshOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshOperation)

public:
    enum class Mode {
        Force, // refresh now, unless another process refreshed while this one waited
        IfNeeded, // refresh only if the access token is within its safety margin (`token`)
    };

    static constexpr int kLockTimeoutMs = 90'000; // longer than one exchange plus a keychain write

    RefreshOperation(const Engine &engine, const QString &accountId, Mode mode,
                     QObject *parent = nullptr);
    ~RefreshOperation() override;

    void start();

Q_SIGNALS:
    void refreshFinished(const tether::RefreshResult &result);

private:
    // Writes the account's state; a failure is kept for the result (RefreshResult::unsaved).
    void record(const std::function<void(Account &)> &change);
    void lockFree(const SecretsRead &read);
    void onLocked();
    void decide(const SecretsRead &read);
    void exchange();
    void onResponse(const TokenOutcome &outcome);
    void refused(const Failure &failure, const QString &serverSaid);
    void retryLater(const Failure &failure);
    void store();
    void onStored(const SecretResult &result);
    void clearRefreshToken(const Failure &why);
    void succeed(bool exchanged);
    void fail(const Failure &failure);

    // Whether the account's refresh token changes on every refresh (its profile says so, or it
    // did before): then a response that may have been lost must not be followed by sending the
    // old token again.
    bool rotates() const;
    // Whether a refresh under way must be recorded before it is sent: a rotating token, or a
    // provider that kills the previous access token (a crash must not leave a dead one to hand
    // out).
    bool marksInFlight() const;

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
    bool m_rotated = false; // the response carried a new refresh token
    bool m_held = false; // the new set is held in memory (HeldSecretStore)
    bool m_finished = false;
    std::optional<Failure> m_unsaved;
};

} // namespace tether
