#pragma once

#include "accounts/accountbackend.h"
#include "refresh/refreshoperation.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QFileSystemWatcher;
class QTimer;

namespace tether {

class AccountService;
class Scheduler;
class WakeTimer;

// What the running app does on its own: keeps every account's next refresh scheduled, runs the
// refreshes (a few at a time), retries temporary failures with backoff, pauses while offline,
// re-evaluates after suspend or a clock jump, warns before a fixed refresh-token expiry, and
// answers `tether token` from memory. It is also the backend of the commands clients send, so a
// refresh asked for on the command line and one the schedule starts share one lock, one queue and
// one set of in-memory tokens.
class RefreshService final : public QObject, public AccountBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshService)

public:
    static constexpr int kMaxParallel = 8;

    RefreshService(const Engine &engine, AccountService *accounts, WakeTimer *timer,
                   QObject *parent = nullptr);
    ~RefreshService() override;

    // Reads the registry, schedules every account and watches the registry for changes made by
    // command-line processes that ran while the app could not be reached.
    void start();

    QList<Account> accounts() const; // in registry order, with in-memory states (refreshing)
    std::optional<Account> account(const QString &id) const;
    Scheduler *scheduler() const { return m_scheduler; }
    bool isRefreshing(const QString &id) const { return m_running.contains(id); }

    void setOnline(bool online);
    void wake(); // after a resume from suspend: evaluate every deadline now
    // Refreshes the account in the background (the window's "Refresh now").
    void refreshNow(const QString &id);
    void refreshAll(); // every account that has tokens
    // Starts nothing new and calls `done` once the refreshes under way have stored their
    // results: quitting in the middle of one could lose a rotated refresh token.
    void drain(const std::function<void()> &done);

    // AccountBackend
    const ProviderCatalog &catalog() const override;
    std::optional<Failure> loadAccounts(QList<Account> *accounts) const override;
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done) override;
    void importTokens(const QString &id, const QByteArray &answer, QStringList *warnings,
                      const Done &done) override;
    void disconnect(const QString &id, QStringList *warnings, const Done &done) override;
    void connectAccount(const QString &id, const BrowserOpener &opener,
                        const std::function<void(const QUrl &url, bool opened)> &browserOpened,
                        const Done &done) override;
    void remove(const QString &id, const Done &done) override;
    void refresh(const QString &id, RefreshOperation::Mode mode, QObject *context,
                 const RefreshDone &done) override;

Q_SIGNALS:
    void accountsChanged(); // accounts were added, removed or changed state
    void refreshStarted(const QString &id);
    void refreshFinished(const QString &id, const tether::RefreshResult &result);
    void needsReconnect(const QString &id, const tether::Failure &why);
    void refreshTokenExpiring(const QString &id, const QDateTime &expiresAt);

private:
    void reload();
    void reschedule(const Account &account);
    void onDue(const QStringList &keys);
    void enqueue(const QString &id);
    void pump();
    void run(const QString &id, RefreshOperation::Mode mode, const RefreshDone &done);
    void afterChange(const Done &done, const std::optional<Failure> &failure);

    Engine m_engine;
    AccountService *m_accounts;
    Scheduler *m_scheduler;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadSoon;
    QList<Account> m_list;
    struct Cached
    {
        TokenSet tokens;
        qint64 generation = -1;
    };
    QHash<QString, Cached> m_tokens; // the fast path of `tether token`
    QSet<QString> m_running;
    QStringList m_queue;
    QHash<QString, QList<RefreshDone>> m_waiting; // callers joining a refresh under way
    QHash<QString, int> m_keychainPauses; // accounts waiting for the keychain, with attempt count
    bool m_online = true;
    bool m_draining = false;
    std::function<void()> m_drained;
};

} // namespace tether
