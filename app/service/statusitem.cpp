#include "statusitem.h"

#include "service/inprocessservice.h"
#include "service/statusmenu.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <QTimer>

namespace tether {

Q_LOGGING_CATEGORY(lcTray, "tether.tray", QtInfoMsg)

namespace {

enum MenuId { Open = 1, RefreshAll, Separator1, StartAtLoginItem, Separator2, QuitItem };

} // namespace

QDBusArgument &operator<<(QDBusArgument &argument, const StatusIcon &icon)
{
    argument.beginStructure();
    argument << icon.width << icon.height << icon.argb;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, StatusIcon &icon)
{
    argument.beginStructure();
    argument >> icon.width >> icon.height >> icon.argb;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const StatusToolTip &tip)
{
    argument.beginStructure();
    argument << tip.iconName << tip.icon << tip.title << tip.text;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, StatusToolTip &tip)
{
    argument.beginStructure();
    argument >> tip.iconName >> tip.icon >> tip.title >> tip.text;
    argument.endStructure();
    return argument;
}

StatusItem::StatusItem(InProcessService &backend, QObject *parent)
    : QObject(parent),
      m_backend(backend),
      m_menu(new StatusMenu(this)),
      m_busName(QStringLiteral("org.kde.StatusNotifierItem-%1-1")
                        .arg(QCoreApplication::applicationPid()))
{
    qDBusRegisterMetaType<StatusIcon>();
    qDBusRegisterMetaType<QList<StatusIcon>>();
    qDBusRegisterMetaType<StatusToolTip>();
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject(kItemPath, this,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                    | QDBusConnection::ExportAllProperties)
        || !bus.registerObject(kMenuPath, m_menu,
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                       | QDBusConnection::ExportAllProperties)) {
        qCWarning(lcTray, "the status item could not be exported: %s",
                  qPrintable(bus.lastError().message()));
        return;
    }
    bus.interface()->registerService(m_busName);
    connect(m_menu, &StatusMenu::itemClicked, this, &StatusItem::onMenuItem);
    connect(&m_backend, &WindowBackend::accountChanged, this, &StatusItem::update);
    connect(&m_backend, &WindowBackend::accountsChanged, this, &StatusItem::update);
    connect(&m_backend, &WindowBackend::startsAtLoginChanged, this, &StatusItem::update);
    // A tray host that starts later (or restarts) is told about the item then.
    auto *watcher =
            new QDBusServiceWatcher(kWatcher, bus, QDBusServiceWatcher::WatchForRegistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        m_attempts = 0;
        registerWithWatcher();
    });
    update();
    registerWithWatcher();
}

StatusItem::~StatusItem() = default;

void StatusItem::registerWithWatcher()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage call =
            QDBusMessage::createMethodCall(kWatcher, QStringLiteral("/StatusNotifierWatcher"),
                                           kWatcher, QStringLiteral("RegisterStatusNotifierItem"));
    call << m_busName;
    call.setAutoStartService(false);
    auto *pending = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this, pending] {
        pending->deleteLater();
        m_registered = !pending->isError();
        if (m_registered) {
            m_attempts = 0;
            qCInfo(lcTray, "status item registered with the tray host");
            return;
        }
        // A host that has just taken its name may not answer yet: try a few more times.
        const QString why = pending->error().name();
        if (why != QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
            && why != QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner")
            && m_attempts < kRegisterAttempts)
            QTimer::singleShot(500 << m_attempts++, this, &StatusItem::registerWithWatcher);
    });
}

QString StatusItem::title() const
{
    return tr("Tether");
}

QString StatusItem::status() const
{
    return m_attention > 0 ? QStringLiteral("NeedsAttention") : QStringLiteral("Active");
}

StatusToolTip StatusItem::toolTip() const
{
    return {iconName(),
            {},
            tr("Tether"),
            m_attention > 0 ? tr("%n account(s) need attention", nullptr, m_attention)
                            : tr("All accounts are connected")};
}

void StatusItem::update()
{
    int attention = 0;
    m_backend.listAccounts({this, [&attention](const AccountList &list) {
                                for (const Account &a : list.accounts) {
                                    if (a.status.state == AccountState::NeedsReconnect)
                                        ++attention;
                                }
                            }});
    if (attention != m_attention) {
        m_attention = attention;
        Q_EMIT NewStatus(status());
        Q_EMIT NewToolTip();
    }
    QList<StatusMenu::Item> items{
            {Open, tr("Open Tether"), true, std::nullopt},
            {RefreshAll, tr("Refresh all"), true, std::nullopt},
            {Separator1, {}, true, std::nullopt},
            {StartAtLoginItem, tr("Start at login"), true, m_backend.startsAtLogin()},
            {Separator2, {}, true, std::nullopt},
            {QuitItem, tr("Quit Tether"), true, std::nullopt}};
    m_menu->setItems(items);
}

void StatusItem::onMenuItem(int id)
{
    switch (id) {
    case Open:
        return Q_EMIT openRequested(QString());
    case RefreshAll:
        return m_backend.refreshAll();
    case StartAtLoginItem:
        return m_backend.setStartsAtLogin(!m_backend.startsAtLogin(),
                                          {this, [this](const Outcome &) { update(); }});
    case QuitItem:
        return m_backend.quitService();
    default:
        break;
    }
}

void StatusItem::Activate(int, int)
{
    Q_EMIT openRequested(QString());
}

void StatusItem::SecondaryActivate(int, int)
{
    Q_EMIT openRequested(QString());
}

void StatusItem::ContextMenu(int, int)
{
    // Hosts draw the menu from com.canonical.dbusmenu themselves.
}

void StatusItem::Scroll(int, const QString &) { }

} // namespace tether
