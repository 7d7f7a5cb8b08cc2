#pragma once

#include "core/paths.h"
#include "service/noticelog.h"
#include "system/browser.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace tether {

class BusAdaptor;
class AccessGuard;
class KeychainWatch;
class NetworkWatcher;
class Notifier;
class QuitSignals;
class RefreshCoordinator;
class InProcessService;
class SleepWatcher;
class StartAtLogin;
class StatusItem;
class SystemEngine;
class SystemWakeTimer;
enum class AccountState;

// Tether's session service: what `tether service` runs (under the systemd user unit, through
// D-Bus activation, or spawned by the window), and what `tether --demo` runs inside the window's
// process. It creates and connects everything that keeps accounts alive: the engine's real parts,
// the refresh service with its one timer, the keychain watch, network and sleep watchers,
// notifications, the status item, the D-Bus API, and a quit on SIGTERM that lets refreshes under
// way store their results first.
class SessionService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionService)

public:
    struct Options
    {
        QStringList extraProfiles; // the demo's
        BrowserOpener opener; // default: $BROWSER, else xdg-open
        bool onBus = true; // the session's service (false: the demo's, in its own window)
        bool startAtLogin = true; // offer the setting (not in the demo)
    };

    explicit SessionService(const Options &options, QObject *parent = nullptr);
    ~SessionService() override;

    enum class Registration { Registered, AlreadyRunning, Failed };
    // Claims io.github.tether.Tether and exports the API; says why not (in `error`) when another
    // service has it or there is no session bus.
    Registration registerOnBus(QString *error);
    void start(); // reads the registry and schedules every account
    void quit(); // finishes the refreshes under way, then quits the application

    InProcessService &backend() const { return *m_backend; }
    RefreshCoordinator &refresh() const { return *m_refresh; }
    SystemEngine &engine() const { return *m_engine; }

Q_SIGNALS:
    // A notification's "default" action: the window should show this account. The session's
    // service opens (or raises) the window itself; the demo's window listens here.
    void windowRequested(const QString &id, bool edit); // edit: at the account's Edit dialog
    void quitting();

private Q_SLOTS:
    void onBusClosed();

private:
    void onAccountChanged(const QString &id);
    void showWindow(const QString &id, bool edit = false);

    std::unique_ptr<SystemEngine> m_engine;
    std::unique_ptr<SystemWakeTimer> m_timer;
    std::unique_ptr<RefreshCoordinator> m_refresh;
    std::unique_ptr<StartAtLogin> m_startAtLogin;
    std::unique_ptr<InProcessService> m_backend;
    std::unique_ptr<KeychainWatch> m_keychain;
    std::unique_ptr<Notifier> m_notifier;
    NoticeLog m_notices{paths::configDir() + QStringLiteral("/notices.json")};
    std::unique_ptr<AccessGuard> m_guard; // before the adaptor, which uses it
    std::unique_ptr<BusAdaptor> m_adaptor;
    std::unique_ptr<StatusItem> m_statusItem;
    std::unique_ptr<NetworkWatcher> m_network;
    std::unique_ptr<SleepWatcher> m_sleep;
    std::unique_ptr<QuitSignals> m_quitSignals;
    QHash<QString, AccountState> m_settled; // last state other than "refreshing", per account
    bool m_onBus;
    bool m_started = false;
};

} // namespace tether
