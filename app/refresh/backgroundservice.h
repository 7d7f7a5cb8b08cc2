#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

namespace tether {

class ControlServer;
class LocalEngine;
class NetworkWatcher;
class QuitSignals;
class RefreshService;
class SleepWatcher;
class SystemWakeTimer;

// The running app's engine room, the same with or without a window: the engine, the one timer,
// the refresh service, the control socket (and with it the single-instance guard), network and
// sleep watchers, and a quit on SIGTERM that lets refreshes under way finish first.
class BackgroundService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundService)

public:
    explicit BackgroundService(const QStringList &extraProfiles = {}, QObject *parent = nullptr);
    ~BackgroundService() override;

    // Claims the control socket; false (with `error`) when another instance runs or it cannot.
    bool listen(QString *error);
    void start(); // schedules every account
    void quit(); // drains the refreshes under way, then quits the application

    LocalEngine &engine() const { return *m_engine; }
    RefreshService &service() const { return *m_service; }
    ControlServer &server() const { return *m_server; }

private:
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<SystemWakeTimer> m_timer;
    std::unique_ptr<RefreshService> m_service;
    std::unique_ptr<ControlServer> m_server;
    std::unique_ptr<NetworkWatcher> m_network;
    std::unique_ptr<SleepWatcher> m_sleep;
    std::unique_ptr<QuitSignals> m_quit;
};

} // namespace tether
