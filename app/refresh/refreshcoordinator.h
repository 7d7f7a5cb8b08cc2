#pragma once

#include "accounts/engine.h"
#include "core/callback.h"
#include "refresh/refreshoperation.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QFileSystemWatcher;
class QTimer;

namespace tether {

class HeldSecretStore;
class RefreshQueue;
class Scheduler;
class WakeTimer;

// What the service does on its own: keeps every account's next refresh scheduled and runs it
// (through the RefreshQueue), retries temporary failures with backoff, pauses an account while
// the keychain is locked and goes on when it comes back, stores held token sets once the
// keychain takes them, warns before a known refresh-token expiry, re-evaluates after suspend or
// a clock jump, and keeps the accounts' live state (refreshing, in-memory tokens) for its
// clients. It watches the registry for changes other Tether processes make.
class RefreshCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshCoordinator)

public:
    // `held` is the store in `engine` (or null when the engine's store holds nothing).
    RefreshCoordinator(const Engine &engine, HeldSecretStore *held, WakeTimer *timer,
                       QObject *parent = nullptr);
    ~RefreshCoordinator() override;

    // Reads the registry, schedules every account and starts watching the registry.
    void start();
    // Reads the registry again now (after an operation that changed it).
    void reload();
    // Reads it again if another process changed it since (one stat(2)): every answer to a
    // client is about the registry as it is, never the file watcher's lagging view.
    void catchUp();

    QList<Account> accounts() const; // in registry order, with live states (refreshing)
    std::optional<Account> account(const QString &id) const;
    Scheduler *scheduler() const { return m_scheduler; }
    RefreshQueue *queue() const { return m_queue; }

    void setOnline(bool online);
    void wake(); // after a resume from suspend: evaluate every deadline now
    void keychainChanged(); // the keychain may be back: paused accounts and held sets go now
    void refreshNow(const QString &id); // in the background (the window's "Refresh now")
    void refreshAll(); // every account that has tokens
    // A refresh someone waits for. IfNeeded is `tether token`: answered from memory when this
    // process holds a token good to hand out for the generation the registry names; while a
    // refresh of the account runs, it waits for that one.
    void refresh(const QString &id, RefreshOperation::Mode mode,
                 const Callback<const RefreshResult &> &reply);
    void forget(const QString &id); // drop what is cached of an account (its secrets changed)
    void drain(const std::function<void()> &done);

Q_SIGNALS:
    void accountChanged(const QString &id); // its state, times or error changed, or it went
    void accountsChanged(); // accounts were added or removed
    void refreshFinished(const QString &id, const tether::RefreshResult &result);
    void needsReconnect(const QString &id, const tether::Failure &why);
    void refreshTokenExpiring(const QString &id, const QDateTime &expiresAt, int daysBefore);

private:
    void reschedule(const Account &account);
    void onDue(const QStringList &keys);
    void onRefreshStarted(const QString &id);
    void onRefreshFinished(const QString &id, const RefreshResult &result);
    void onHeldSetStored(const QString &id);

    Engine m_engine;
    HeldSecretStore *m_held;
    Scheduler *m_scheduler;
    RefreshQueue *m_queue;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadSoon;
    QList<Account> m_list;
    QByteArray m_seenFile; // the registry file's identity when it was last read (catchUp)
    struct Cached
    {
        TokenSet tokens;
        qint64 generation = -1;
    };
    QHash<QString, Cached> m_tokens; // the fast path of `tether token`
    void present(Account &account) const; // the in-memory view: refreshing, unsaved
    QHash<QString, int> m_keychainPauses; // accounts waiting for the keychain, with attempt count
    // Accounts whose last outcome could not be written to the registry: scheduled from memory
    // (the registry's deadline fired and is gone), shown with the failure, with attempt count.
    struct Unsaved
    {
        Failure failure;
        int attempts = 0;
    };
    QHash<QString, Unsaved> m_unsaved;
    // The expiry notices given, per account, for the refresh-token expiry they were about.
    struct Noticed
    {
        QDateTime expiresAt;
        QSet<int> days;
    };
    QHash<QString, Noticed> m_noticed;
    bool m_online = true;
    bool m_draining = false;
};

} // namespace tether
