#include "busclient.h"

#include "backend/busapi.h"
#include "system/detached.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QPointer>
#include <QTimer>

namespace tether {

namespace {

Outcome outcomeOf(const QDBusMessage &reply)
{
    const QVariantList arguments = reply.arguments();
    return Outcome::done(arguments.value(0).toString(), arguments.value(1).toStringList());
}

QList<QVariantMap> mapList(const QVariant &value)
{
    return qdbus_cast<QList<QVariantMap>>(value);
}

} // namespace

BusClient::BusClient(const ProviderCatalog &catalog, QObject *parent)
    : ServiceConnection(parent), m_catalog(catalog), m_bus(QDBusConnection::sessionBus())
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    if (!m_bus.isConnected())
        return;
    m_bus.connect(bus::kService, bus::kPath, bus::kInterface, QStringLiteral("AccountChanged"),
                  this, SLOT(onAccountChanged(QString, QVariantMap)));
    m_bus.connect(bus::kService, bus::kPath, bus::kInterface, QStringLiteral("SignInProgressed"),
                  this, SLOT(onSignInProgressed(QString, QVariantMap)));
    m_bus.connect(bus::kService, bus::kPath, bus::kInterface, QStringLiteral("SignInFinished"),
                  this, SLOT(onSignInFinished(QString, QVariantMap)));
    m_bus.connect(bus::kService, bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                  QStringLiteral("PropertiesChanged"), this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    m_bus.connect(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                  QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"),
                  {bus::kService}, QString(), this,
                  SLOT(onOwnerChanged(QString, QString, QString)));
}

BusClient::~BusClient() = default;

bool BusClient::serviceRunning()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()->isServiceRegistered(bus::kService).value();
}

QDBusMessage BusClient::call(const QString &method, const QVariantList &arguments) const
{
    QDBusMessage message =
            QDBusMessage::createMethodCall(bus::kService, bus::kPath, bus::kInterface, method);
    message.setArguments(arguments);
    message.setAutoStartService(false);
    return message;
}

void BusClient::send(
        const QDBusMessage &message, int timeoutMs, QObject *context,
        const std::function<void(const std::optional<Failure> &, const QDBusMessage &)> &handle)
{
    if (!m_bus.isConnected())
        return handle(Failure::temporary(QStringLiteral("service_unavailable"),
                                         tr("there is no D-Bus session to reach the Tether "
                                            "service on")),
                      {});
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, timeoutMs), this);
    const QPointer<QObject> guard(context);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, guard, handle] {
        watcher->deleteLater();
        if (!guard)
            return;
        const QDBusMessage reply = watcher->reply();
        if (reply.type() == QDBusMessage::ErrorMessage)
            return handle(bus::failureFromError(reply.errorName(), reply.errorMessage()), reply);
        handle(std::nullopt, reply);
    });
}

void BusClient::sendForOutcome(const QDBusMessage &message, const Done &done)
{
    send(message, kLongCallMs, done.context(),
         [done](const std::optional<Failure> &failure, const QDBusMessage &reply) {
             done(failure ? Outcome::failed(*failure) : outcomeOf(reply));
         });
}

void BusClient::listAccounts(const Callback<const AccountList &> &reply)
{
    send(call(QStringLiteral("ListAccounts")), -1, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             AccountList list;
             list.failure = failure;
             if (!failure) {
                 const QList<QVariantMap> maps = mapList(message.arguments().value(0));
                 list.accounts.reserve(maps.size());
                 for (const QVariantMap &map : maps)
                     list.accounts.append(bus::accountFromMap(map));
             }
             reply(list);
         });
}

void BusClient::account(const QString &id,
                        const Callback<const std::optional<Failure> &, const Account &> &reply)
{
    send(call(QStringLiteral("GetAccount"), {id}), -1, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (failure)
                 return reply(failure, Account());
             const QVariantMap map =
                     qdbus_cast<QVariantMap>(message.arguments().value(0).value<QDBusArgument>());
             reply(std::nullopt, bus::accountFromMap(map));
         });
}

void BusClient::addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                           const Done &done)
{
    sendForOutcome(call(QStringLiteral("AddAccount"),
                        {bus::settingsMap(config), clientSecret.value_or(QString())}),
                   done);
}

void BusClient::editAccount(const QString &id, const AccountEdit &edit, const Done &done)
{
    sendForOutcome(call(QStringLiteral("EditAccount"), {id, bus::editMap(edit)}), done);
}

void BusClient::importTokens(const QString &id, const QByteArray &response, const Done &done)
{
    sendForOutcome(call(QStringLiteral("ImportTokens"), {id, response}), done);
}

void BusClient::refresh(const QString &id, const Callback<const RefreshReply &> &reply)
{
    // Refresh (as the API documents it) and then the state it left, for the command line's line.
    send(call(QStringLiteral("Refresh"), {id}), kLongCallMs, reply.context(),
         [this, id, reply](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (failure)
                 return reply({failure, false, {}, {}});
             account(id, {reply.context(),
                          [reply](const std::optional<Failure> &, const Account &account) {
                              reply({std::nullopt, true, account.status.accessExpiresAt, {}});
                          }});
         });
}

void BusClient::accessToken(const QString &id, const Callback<const TokenReply &> &reply)
{
    send(call(QStringLiteral("GetAccessToken"), {id}), kLongCallMs, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (failure)
                 return reply({failure, {}, {}, {}});
             const QVariantList arguments = message.arguments();
             reply({std::nullopt,
                    arguments.value(0).toString(),
                    QDateTime::fromSecsSinceEpoch(arguments.value(1).toLongLong(), Qt::UTC),
                    {}});
         });
}

void BusClient::disconnectAccount(const QString &id, const Done &done)
{
    sendForOutcome(call(QStringLiteral("Disconnect"), {id}), done);
}

void BusClient::removeAccount(const QString &id, const Done &done)
{
    sendForOutcome(call(QStringLiteral("RemoveAccount"), {id}), done);
}

void BusClient::signIn(const QString &id, SignIn::Method method)
{
    const QString name = method == SignIn::Method::Device ? QStringLiteral("SignInOnDevice")
                                                          : QStringLiteral("Reconnect");
    send(call(name, {id}), -1, this,
         [this, id](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (failure)
                 Q_EMIT signInFinished(id, Outcome::failed(*failure));
         });
}

void BusClient::cancelSignIn(const QString &id)
{
    m_bus.asyncCall(call(QStringLiteral("CancelSignIn"), {id}));
}

void BusClient::history(const QString &id, const Callback<const QList<HistoryEntry> &> &reply)
{
    send(call(QStringLiteral("GetHistory"), {id}), -1, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             QList<HistoryEntry> entries;
             if (!failure) {
                 for (const QVariantMap &map : mapList(message.arguments().value(0)))
                     entries.append(bus::historyFromMap(map));
             }
             reply(entries);
         });
}

void BusClient::refreshAll()
{
    m_bus.asyncCall(call(QStringLiteral("RefreshAll")));
}

void BusClient::quitService()
{
    m_bus.asyncCall(call(QStringLiteral("Quit")));
}

void BusClient::setStartsAtLogin(bool enabled, const Done &done)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            bus::kService, bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("Set"));
    message.setArguments({bus::kInterface, QStringLiteral("StartAtLogin"),
                          QVariant::fromValue(QDBusVariant(enabled))});
    message.setAutoStartService(false);
    send(message, -1, done.context(),
         [this, done, enabled](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (!failure)
                 m_startsAtLogin = enabled;
             done(failure ? Outcome::failed(*failure) : Outcome::done({}));
         });
}

void BusClient::fetchStartsAtLogin()
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            bus::kService, bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("Get"));
    message.setArguments({bus::kInterface, QStringLiteral("StartAtLogin")});
    message.setAutoStartService(false);
    send(message, -1, this,
         [this](const std::optional<Failure> &failure, const QDBusMessage &reply) {
             if (failure)
                 return;
             const bool enabled =
                     reply.arguments().value(0).value<QDBusVariant>().variant().toBool();
             if (enabled != m_startsAtLogin) {
                 m_startsAtLogin = enabled;
                 Q_EMIT startsAtLoginChanged(enabled);
             }
         });
}

void BusClient::ensureService(const Callback<const std::optional<Failure> &> &done)
{
    // Always answered from the event loop, so that a caller may wait for it with exec().
    auto later = [this, done](const std::optional<Failure> &failure) {
        QTimer::singleShot(0, this, [done, failure] { done(failure); });
    };
    if (!m_bus.isConnected())
        return later(Failure::unexpected(tr("there is no D-Bus session bus to start the Tether "
                                            "service on")));
    if (serviceRunning()) {
        fetchStartsAtLogin();
        return later(std::nullopt);
    }
    // D-Bus activation: the installed service file (and through it systemd's unit).
    QDBusMessage start = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("StartServiceByName"));
    start.setArguments({bus::kService, 0u});
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(start, kStartTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        if (watcher->isError()) // not installed (a build tree): start it ourselves
            return spawnService(done);
        fetchStartsAtLogin();
        done(std::nullopt);
    });
}

void BusClient::spawnService(const Callback<const std::optional<Failure> &> &done)
{
    const QString self = selfExecutable();
    if (!startDetached(self, {QStringLiteral("service")}))
        return done(Failure::unexpected(
                tr("could not start the Tether service (%1 service)").arg(self)));
    awaitOwner(done);
}

void BusClient::awaitOwner(const Callback<const std::optional<Failure> &> &done)
{
    auto *watcher = new QDBusServiceWatcher(bus::kService, m_bus,
                                            QDBusServiceWatcher::WatchForRegistration, this);
    auto *timeout = new QTimer(watcher);
    timeout->setSingleShot(true);
    auto finish = [this, watcher, done](const std::optional<Failure> &failure) {
        watcher->deleteLater();
        if (!failure)
            fetchStartsAtLogin();
        done(failure);
    };
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this,
            [finish] { finish(std::nullopt); });
    connect(timeout, &QTimer::timeout, this, [finish] {
        finish(Failure::temporary(QStringLiteral("service_unavailable"),
                                  tr("the Tether service did not start")));
    });
    timeout->start(kStartTimeoutMs);
    if (serviceRunning()) // it came up before the watcher did
        finish(std::nullopt);
}

void BusClient::onAccountChanged(const QString &id, const QVariantMap &status)
{
    if (status.isEmpty())
        return Q_EMIT accountChanged(id, std::nullopt);
    Q_EMIT accountChanged(id, bus::accountFromMap(status));
}

void BusClient::onSignInProgressed(const QString &id, const QVariantMap &progress)
{
    Q_EMIT signInProgressed(id, bus::progressFromMap(progress));
}

void BusClient::onSignInFinished(const QString &id, const QVariantMap &result)
{
    Q_EMIT signInFinished(id, bus::outcomeFromMap(result));
}

void BusClient::onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                                    const QStringList &)
{
    if (interface != bus::kInterface || !changed.contains(QStringLiteral("StartAtLogin")))
        return;
    m_startsAtLogin = changed.value(QStringLiteral("StartAtLogin")).toBool();
    Q_EMIT startsAtLoginChanged(m_startsAtLogin);
}

void BusClient::onOwnerChanged(const QString &, const QString &oldOwner, const QString &newOwner)
{
    if (!oldOwner.isEmpty() && newOwner.isEmpty())
        Q_EMIT serviceLost();
    else if (!newOwner.isEmpty()) {
        fetchStartsAtLogin();
        Q_EMIT accountsChanged(); // a new service: everything may differ
    }
}

} // namespace tether
