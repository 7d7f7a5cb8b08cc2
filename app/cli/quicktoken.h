#pragma once

#include "core/failure.h"

#include <QObject>

#include <optional>

namespace tether {

class AccountLock;
class AccountRegistry;
class Clock;
class ProviderCatalog;
class SecretStore;
struct SecretResult;

// `tether token ID` answered from the keychain alone, when the app is not running and the
// stored access token is good for longer than its safety margin — the case other programs hit
// all day. It decides only that case and declines everything else (a refresh is due, a refresh
// mark or a registry lag to repair, the account lock taken, an unknown account), so that the
// full command (RefreshOperation, IfNeeded), which needs the network, decides and reports those.
// It sees what that command would see: same registry, profile check, lock and keychain item.
// The one failure it reports itself is a keychain read that failed (locked, refused, no answer
// before the watchdog): the full command would read again, wait again and say the same.
class QuickToken final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickToken)

public:
    QuickToken(const AccountRegistry &registry, const ProviderCatalog &catalog,
               SecretStore &secrets, const Clock &clock, QObject *parent = nullptr);
    ~QuickToken() override;

    void start(const QString &accountId);

Q_SIGNALS:
    // Exactly once: the access token to print, or the keychain's failure to report, or neither
    // (run the full command instead).
    void quickTokenFinished(const std::optional<QString> &accessToken,
                            const std::optional<tether::Failure> &failure);

private:
    void onLocked();
    void onSecretsRead(const SecretResult &result);
    void finish(const std::optional<QString> &accessToken,
                const std::optional<Failure> &failure = std::nullopt);

    const AccountRegistry &m_registry;
    const ProviderCatalog &m_catalog;
    SecretStore &m_secrets;
    const Clock &m_clock;
    QString m_id;
    qint64 m_generation = -1;
    AccountLock *m_lock = nullptr;
    bool m_finished = false;
};

} // namespace tether
