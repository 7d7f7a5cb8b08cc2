#include "backgroundservice.h"

#include "accounts/localengine.h"
#include "control/controlserver.h"
#include "refresh/refreshservice.h"
#include "refresh/waketimer.h"
#include "system/networkwatcher.h"
#include "system/quitsignals.h"

#include <QCoreApplication>

namespace tether {

BackgroundService::BackgroundService(const QStringList &extraProfiles, QObject *parent)
    : QObject(parent),
      m_engine(std::make_unique<LocalEngine>(true, extraProfiles)),
      m_timer(std::make_unique<SystemWakeTimer>()),
      m_service(std::make_unique<RefreshService>(m_engine->engine(), m_engine->service(),
                                                 m_timer.get())),
      m_server(std::make_unique<ControlServer>(*m_service, SystemClock::instance()))
{ }

BackgroundService::~BackgroundService() = default;

bool BackgroundService::listen(QString *error)
{
    return m_server->listen(error);
}

void BackgroundService::start()
{
    m_network = std::make_unique<NetworkWatcher>();
    m_service->setOnline(m_network->isOnline());
    connect(m_network.get(), &NetworkWatcher::onlineChanged, m_service.get(),
            &RefreshService::setOnline);
    m_sleep = std::make_unique<SleepWatcher>();
    connect(m_sleep.get(), &SleepWatcher::resumed, m_service.get(), &RefreshService::wake);
    m_quit = std::make_unique<QuitSignals>();
    connect(m_quit.get(), &QuitSignals::quitRequested, this, &BackgroundService::quit);
    m_service->start();
}

void BackgroundService::quit()
{
    m_service->drain([] { QCoreApplication::quit(); });
}

} // namespace tether
