#include "sessionservice.h"

#include "accounts/accountregistry.h"
#include "backend/busapi.h"
#include "backend/systemengine.h"
#include "core/busdaemon.h"
#include "refresh/heldsecretstore.h"
#include "refresh/refreshcoordinator.h"
#include "refresh/waketimer.h"
#include "secrets/keychainwatch.h"
#include "service/accessguard.h"
#include "service/busadaptor.h"
#include "service/inprocessservice.h"
#include "service/notifier.h"
#include "service/startatlogin.h"
#include "service/statusitem.h"
#include "system/detached.h"
#include "system/networkwatcher.h"
#include "system/quitsignals.h"
#include "system/sleepwatcher.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <QTimer>

#include <unistd.h>

namespace tether {

Q_LOGGING_CATEGORY(lcService, "tether.service", QtInfoMsg)

SessionService::SessionService(const Options &options, QObject *parent)
    : QObject(parent),
      m_engine(std::make_unique<SystemEngine>(true, options.extraProfiles)),
      m_timer(std::make_unique<SystemWakeTimer>()),
      m_refresh(std::make_unique<RefreshCoordinator>(m_engine->engine(), m_engine->held(),
                                                     m_timer.get())),
      m_startAtLogin(options.startAtLogin ? std::make_unique<StartAtLogin>() : nullptr),
      m_backend(std::make_unique<InProcessService>(m_engine->engine(), *m_refresh,
                                                   options.opener ? options.opener
                                                                  : BrowserOpener(openInBrowser),
                                                   m_startAtLogin.get())),
      m_keychain(std::make_unique<KeychainWatch>()),
      m_notifier(std::make_unique<Notifier>()),
      m_onBus(options.onBus)
{
    // One thread serves every client: a registry held by another process is waited for briefly,
    // and a refresh whose state could not be written stays scheduled from memory instead.
    m_engine->registry().setLockWaitMs(AccountRegistry::kServiceLockWaitMs);
    connect(m_keychain.get(), &KeychainWatch::keychainChanged, m_refresh.get(),
            &RefreshCoordinator::keychainChanged);
    connect(m_backend.get(), &InProcessService::quitRequested, this, &SessionService::quit);
    connect(m_refresh.get(), &RefreshCoordinator::accountChanged, this,
            &SessionService::onAccountChanged);
    connect(m_refresh.get(), &RefreshCoordinator::refreshTokenExpiring, this,
            [this](const QString &id, const QDateTime &expiresAt, int days) {
                // Once per account and end, across restarts too.
                const auto account = m_refresh->account(id);
                if (account && m_notices.firstTime(id, expiresAt, days))
                    m_notifier->refreshTokenExpiring(id, account->config.name, expiresAt);
            });
    // A click on Reconnect in a notification opens the browser sign-in at once.
    connect(m_notifier.get(), &Notifier::reconnectRequested, this,
            [this](const QString &id) { m_backend->signIn(id, SignIn::Method::Browser); });
    connect(m_notifier.get(), &Notifier::openRequested, this,
            [this](const QString &id) { showWindow(id); });
    // Edit… in a notification: the window, at the account's Edit dialog.
    connect(m_notifier.get(), &Notifier::editRequested, this,
            [this](const QString &id) { showWindow(id, true); });
}

SessionService::~SessionService() = default;

SessionService::Registration SessionService::registerOnBus(QString *error)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        *error = tr("there is no D-Bus session bus (%1); the service runs inside a desktop session")
                         .arg(bus.lastError().message());
        return Registration::Failed;
    }
    m_guard = std::make_unique<AccessGuard>(m_notifier.get(), m_engine->engine().access,
                                            selfExecutable(), ::getuid());
    m_adaptor = std::make_unique<BusAdaptor>(*m_backend, *m_guard);
    // Exactly the generated adaptor (the XML's interface), none of BusAdaptor's own members.
    if (!bus.registerObject(bus::kPath, m_adaptor.get(), QDBusConnection::ExportAdaptors)) {
        *error = tr("cannot export the D-Bus API: %1").arg(bus.lastError().message());
        return Registration::Failed;
    }
    // One service per session: the bus name is the guard.
    const auto reply = bus.interface()->registerService(
            bus::kService, QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement);
    if (reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        *error = tr("Tether's service is already running in this session");
        return Registration::AlreadyRunning;
    }
    // A service without its session bus serves nobody and must not outlive the session with
    // tokens in memory (as GLib's services end): libdbus says so with a local signal.
    bus.connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                QStringLiteral("org.freedesktop.DBus.Local"), QStringLiteral("Disconnected"), this,
                SLOT(onBusClosed()));
    m_statusItem = std::make_unique<StatusItem>(*m_backend);
    connect(m_statusItem.get(), &StatusItem::openRequested, this,
            [this](const QString &id) { showWindow(id); });
    return Registration::Registered;
}

void SessionService::start()
{
    m_network = std::make_unique<NetworkWatcher>();
    m_refresh->setOnline(m_network->isOnline());
    connect(m_network.get(), &NetworkWatcher::onlineChanged, m_refresh.get(),
            &RefreshCoordinator::setOnline);
    m_sleep = std::make_unique<SleepWatcher>();
    connect(m_sleep.get(), &SleepWatcher::resumed, this, [this] {
        qCInfo(lcService, "resumed from suspend: every deadline is evaluated again");
        m_refresh->wake();
    });
    m_quitSignals = std::make_unique<QuitSignals>();
    connect(m_quitSignals.get(), &QuitSignals::quitRequested, this, &SessionService::quit);
    m_refresh->start();
    // Accounts that already need the user hear of it once per start (the login of a morning
    // after an evening's revocation).
    for (const Account &a : m_refresh->accounts()) {
        m_settled.insert(a.config.id, a.status.state);
        if (a.status.state == AccountState::NeedsReconnect && a.status.lastError)
            m_notifier->needsUser(a.config.id, a.config.name, *a.status.lastError);
    }
    m_started = true;
}

void SessionService::onAccountChanged(const QString &id)
{
    const auto account = m_refresh->account(id);
    if (!account) {
        m_settled.remove(id);
        m_notifier->withdraw(id);
        return;
    }
    const AccountState state = account->status.state;
    if (state == AccountState::Refreshing)
        return; // passing through: what counts is where it settles
    const auto before = m_settled.constFind(id);
    const bool known = before != m_settled.cend();
    const AccountState previous = known ? *before : state;
    m_settled.insert(id, state);
    if (!m_started || !known)
        return;
    if (state == AccountState::NeedsReconnect && previous != AccountState::NeedsReconnect)
        m_notifier->needsUser(id, account->config.name,
                              account->status.lastError.value_or(Failure::reconnect({}, {})));
    else if (state == AccountState::Connected && previous == AccountState::NeedsReconnect)
        m_notifier->withdraw(id);
}

void SessionService::showWindow(const QString &id, bool edit)
{
    Q_EMIT windowRequested(id, edit);
    if (!m_onBus)
        return;
    // The window is a client of its own: raise it where it runs, else start it and then ask.
    QDBusConnection bus = QDBusConnection::sessionBus();
    auto ask = [bus, id, edit]() mutable {
        QDBusMessage show = QDBusMessage::createMethodCall(
                bus::kWindowService, bus::kWindowPath, bus::kWindowInterface,
                edit ? QStringLiteral("EditAccount") : QStringLiteral("ShowAccount"));
        show << id;
        bus.asyncCall(show);
    };
    // Asked of the bus without blocking the one thread that serves everyone.
    auto *check = new QDBusPendingCallWatcher(
            bus.asyncCall(busDaemonCall(QStringLiteral("NameHasOwner"), {bus::kWindowService}),
                          10'000),
            this);
    connect(check, &QDBusPendingCallWatcher::finished, this, [this, bus, check, ask]() mutable {
        check->deleteLater();
        const QDBusPendingReply<bool> running = *check;
        if (running.isValid() && running.value())
            return ask();
        auto *watcher = new QDBusServiceWatcher(bus::kWindowService, bus,
                                                QDBusServiceWatcher::WatchForRegistration, this);
        connect(watcher, &QDBusServiceWatcher::serviceRegistered, watcher,
                [watcher, ask]() mutable {
                    ask();
                    watcher->deleteLater();
                });
        QTimer::singleShot(30'000, watcher, &QObject::deleteLater);
        const QString self = selfExecutable();
        if (!startDetached(self, {}))
            qCWarning(lcService, "could not start the window (%s)", qPrintable(self));
    });
}

void SessionService::onBusClosed()
{
    qCInfo(lcService, "the session bus closed: finishing the refreshes under way, then stopping");
    quit();
}

void SessionService::quit()
{
    Q_EMIT quitting();
    if (m_guard)
        m_guard->flushUse();
    m_refresh->drain([] { QCoreApplication::quit(); });
}

} // namespace tether
