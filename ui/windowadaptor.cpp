#include "windowadaptor.h"

#include "backend/busnames.h"
#include "ui/mainwindow.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>

namespace tether {

WindowAdaptor::WindowAdaptor(MainWindow &window, QObject *parent)
    : QObject(parent), m_window(window)
{ }

bool WindowAdaptor::claim()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return true; // nothing to coordinate with
    if (bus.interface()
                ->registerService(bus::kWindowService, QDBusConnectionInterface::DontQueueService,
                                  QDBusConnectionInterface::DontAllowReplacement)
                .value()
        != QDBusConnectionInterface::ServiceRegistered)
        return false;
    bus.registerObject(bus::kWindowPath, this, QDBusConnection::ExportAllSlots);
    return true;
}

void WindowAdaptor::ShowAccount(const QString &id)
{
    m_window.showAccount(id);
}

void WindowAdaptor::EditAccount(const QString &id)
{
    m_window.showAccount(id);
    m_window.editAccountWithId(id);
}

} // namespace tether
