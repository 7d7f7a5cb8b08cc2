#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace tether {

// The keychain as the refreshing process sees it, with one promise more: a token set the
// provider issued (writeIssued) is never dropped because the keychain would not take it (a
// collection locked while the response was on its way, a keyring daemon that restarted). Such a
// set is held in memory, served to every read of that account in this process — so the spent
// refresh token is never sent again — and written as soon as the keychain comes back (retry()
// on a KeychainWatch signal, and on a backoff timer), under the account's lock and only if
// nobody stored a newer set meanwhile. Only the end of this process loses a held set; the
// registry's in-flight mark then tells the next run that the refresh token may be spent.
class HeldSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeldSecretStore)

public:
    static constexpr int kFirstRetryMs = 5'000;
    static constexpr int kLastRetryMs = 5 * 60'000;

    explicit HeldSecretStore(SecretStore &keychain, QObject *parent = nullptr);
    ~HeldSecretStore() override;

    SecretJob *read(const QString &accountId) override;
    SecretJob *write(const QString &accountId, const SecretBundle &bundle) override;
    SecretJob *remove(const QString &accountId) override;
    SecretJob *writeIssued(const QString &accountId, const SecretBundle &bundle) override;
    QString backendName() const override { return m_keychain.backendName(); }

    bool holds(const QString &accountId) const { return m_held.contains(accountId); }
    // How many times a retry was put on the backoff timer (for the tests).
    int retriesScheduled() const { return m_retriesScheduled; }
    QStringList heldAccounts() const { return m_held.keys(); }

public Q_SLOTS:
    // Tries to store every held set now (the keychain may be back).
    void retry();

Q_SIGNALS:
    void heldSetStored(const QString &accountId, const tether::SecretBundle &bundle);
    // The keychain moved on (a newer set was stored by someone else): the held one is obsolete.
    void heldSetDropped(const QString &accountId);

private:
    struct Held
    {
        SecretBundle bundle;
        qint64 base = 0; // the generation it replaces
        bool storing = false;
        bool askedAgain = false; // the keychain changed while a store was under way
    };
    void store(const QString &accountId);
    void scheduleRetry();

    SecretStore &m_keychain;
    QHash<QString, Held> m_held;
    QTimer m_retry;
    int m_retryMs = kFirstRetryMs;
    int m_retriesScheduled = 0;
};

} // namespace tether
