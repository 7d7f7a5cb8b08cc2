#pragma once

#include "core/failure.h"

#include <QObject>

#include <optional>

namespace tether {

class AccountRegistry;
class Clock;
class ProviderCatalog;
class SecretStore;
struct SecretResult;

// `tether token ID` answered from the keychain alone, in Qt, while a service owns its name but
// does not answer (stopped: climodule.cpp), where nothing is refreshed behind its back. (With no
// service at all the executable answers the same case without Qt: cli/storedtoken.h.) It takes
// no lock (it changes nothing), and declines everything else (a refresh is due, an interrupted
// refresh or a registry lag to sort out, a refresh of a provider that kills the previous access
// token under way, an unknown account), so that the full command (RefreshOperation, IfNeeded)
// decides and reports those. The one failure it reports itself is a keychain read that failed
// (refused, no answer before the watchdog): the full command would wait again and say the same.
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
    void onSecretsRead(const SecretResult &result);
    void finish(const std::optional<QString> &accessToken,
                const std::optional<Failure> &failure = std::nullopt);

    const AccountRegistry &m_registry;
    const ProviderCatalog &m_catalog;
    SecretStore &m_secrets;
    const Clock &m_clock;
    QString m_id;
    qint64 m_generation = -1;
    bool m_waitsForRefreshes = false;
    bool m_finished = false;
};

} // namespace tether
