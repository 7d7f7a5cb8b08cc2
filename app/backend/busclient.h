#pragma once

#include "backend/accountbackend.h"

#include <QDBusConnection>
#include <QVariantMap>

class QDBusMessage;
class QDBusPendingCall;
class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

namespace tether {

// The session's Tether service, over D-Bus: the command line's backend while the service runs,
// and the window's connection to it. Every call is built from the XML (tether1_client.h,
// generated), never starts the service by itself (ensureService() does, on purpose), and never
// blocks. It watches the service's name: serviceLost when it goes, serviceReturned when it comes.
class BusClient final : public WindowBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusClient)

public:
    // A call that may wait for a refresh: an exchange, its lock wait and a keychain write fit.
    static constexpr int kLongCallMs = 180'000;
    static constexpr int kStartTimeoutMs = 15'000;

    explicit BusClient(const ProviderCatalog &catalog, QObject *parent = nullptr);
    BusClient(const ProviderCatalog &catalog, const QDBusConnection &bus,
              QObject *parent = nullptr);
    ~BusClient() override;

    // Whether a service runs and answers (a ping, bounded by bus::protocol::kPingTimeoutMs): one
    // blocking round trip, for the command line's start only. Silent: it owns its name but does
    // not answer (stopped), so that waiting for it would take a call's whole timeout.
    enum class Presence { Absent, Answers, Silent };
    static Presence probe();
    // Starts the service when it is not running: D-Bus activation (the installed service file,
    // systemd's unit where there is one), else `PROGRAM service` (this executable unless
    // setServiceProgram said otherwise). Replies once it owns its name, or why it does not.
    void ensureService(const Callback<const std::optional<Failure> &> &done);
    void setServiceProgram(const QString &program) { m_serviceProgram = program; }

    // AccountBackend
    const ProviderCatalog &catalog() const override { return m_catalog; }
    void listAccounts(const Callback<const AccountList &> &reply) override;
    // Asks for the account list now, never starting the service for it, so that the window's
    // first listAccounts takes the answer the service prepared while the window was being
    // built. Dropped when a change arrives after it (the next listAccounts asks again), or when
    // it found no service.
    void prefetchAccounts();
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done) override;
    void editAccount(const QString &id, const AccountEdit &edit, const Done &done) override;
    void importTokens(const QString &id, const QByteArray &response, const Done &done) override;
    void refresh(const QString &id, const Callback<const RefreshReply &> &reply) override;
    void accessToken(const QString &id, const Callback<const TokenReply &> &reply) override;
    void disconnectAccount(const QString &id, const Done &done) override;
    void removeAccount(const QString &id, const Done &done) override;
    void listAccess(const QString &id, const Callback<const AccessReply &> &reply) override;
    void setAccess(const QString &id, const QString &program,
                   std::optional<AccessDecision::Verdict> verdict, const Done &done) override;

    // WindowBackend
    void fetchAccount(
            const QString &id,
            const Callback<const std::optional<Failure> &, const Account &> &reply) override;
    bool isAvailable() const override { return m_available; }
    void startService(const Callback<const std::optional<Failure> &> &done) override
    {
        ensureService(done);
    }
    void signIn(const QString &id, SignIn::Method method) override;
    void cancelSignIn(const QString &id) override;
    void history(const QString &id, const Callback<const QList<HistoryEntry> &> &reply) override;
    void refreshAll() override;
    void quitService() override;
    bool startsAtLogin() const override { return m_startsAtLogin; }
    void setStartsAtLogin(bool enabled, const Done &done) override;
    void answerQuestion(const QString &question, const QString &answer) override;

private Q_SLOTS:
    void onAccountChanged(const QString &id, const QVariantMap &status);
    void onSignInProgressed(const QString &id, const QVariantMap &progress);
    void onSignInFinished(const QString &id, const QVariantMap &result);
    void onQuestionAsked(const QString &question, const QVariantMap &details);
    void onQuestionSettled(const QString &question);
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                             const QStringList &invalidated);
    void onOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    // Sends a call and hands its reply (or the failure it came to) to `handle`.
    void
    send(const QDBusMessage &message, int timeoutMs, QObject *context,
         const std::function<void(const std::optional<Failure> &, const QDBusMessage &)> &handle);
    void sendForOutcome(const QDBusMessage &message, const Done &done);
    void fetchStartsAtLogin();
    // ensureService's steps: ask the bus whether the service runs (and start it when not);
    // say that it does.
    void askForService(const Callback<const std::optional<Failure> &> &done);
    void serviceFound(const Callback<const std::optional<Failure> &> &done);
    void spawnService(const Callback<const std::optional<Failure> &> &done);
    void awaitOwner(const Callback<const std::optional<Failure> &> &done);
    void setAvailable(bool available);
    void listAccountMaps(
            const Callback<const AccountList &> &reply); // ListAccounts, for an older service
    void readAccounts(const QDBusMessage &message, const Callback<const AccountList &> &reply);
    void dropStalePrefetch(); // a change arrived after the prefetched list: it is out of date

    const ProviderCatalog &m_catalog;
    QDBusConnection m_bus;
    QDBusServiceWatcher *m_owner = nullptr;
    QString m_serviceProgram;
    bool m_available = false;
    bool m_startsAtLogin = false;
    QDBusPendingCallWatcher *m_prefetch = nullptr;
};

} // namespace tether
