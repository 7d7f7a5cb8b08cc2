#pragma once

#include "secrets/secretstore.h"

#include <QObject>

namespace QKeychain {
class Job;
}

namespace tether {

// SecretStore on QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows). One item per account under the service name; no insecure fallback, ever.
// QtKeychain runs one job at a time, so every job has a watchdog: a keychain that hangs on an
// unlock prompt turns into a Keychain failure instead of a hung Tether.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr int kDefaultWatchdogMs = 20'000;

    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void setWatchdog(int milliseconds) { m_watchdogMs = milliseconds; }

    SecretJob *read(const QString &accountId) override;
    SecretJob *write(const QString &accountId, const SecretBundle &bundle) override;
    SecretJob *remove(const QString &accountId) override;
    QString backendName() const override;

private:
    enum class Kind { Read, Write, Remove };
    SecretJob *run(QKeychain::Job *job, Kind kind);
    // Completes a read that found nothing, once the Secret Service said whether the default
    // collection is locked.
    void completeNotFound(SecretJob *handle);
    // An OtherError explained from the bus itself: no session bus, no Secret Service on it, or
    // no default collection; else `otherwise`. (`detail`: libsecret's words, for people.)
    void completeDiagnosed(SecretJob *handle, const QString &detail, const Failure &otherwise);

    QString m_service;
    int m_watchdogMs = kDefaultWatchdogMs;
};

} // namespace tether
