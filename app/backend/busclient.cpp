#include "busclient.h"

#include "backend/busapi.h"
#include "backend/tokencall.h"
#include "core/busdaemon.h"
#include "system/detached.h"
#include "tether1_client.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <utility>

namespace tether {

Q_LOGGING_CATEGORY(lcBusClient, "tether.busclient", QtInfoMsg)

namespace {

Outcome outcomeOf(const QDBusMessage &reply)
{
    const QVariantList arguments = reply.arguments();
    return Outcome::done(arguments.value(0).toString(), arguments.value(1).toStringList());
}

QDBusMessage propertiesCall(const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            bus::kService, bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"), method);
    message.setArguments(arguments);
    message.setAutoStartService(false);
    return message;
}

// A service from before ListAccountRows (still running after an upgrade) lists by the maps.
bool olderService(const QDBusMessage &reply)
{
    return reply.type() == QDBusMessage::ErrorMessage
           && reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod");
}

} // namespace

BusClient::BusClient(const ProviderCatalog &catalog, QObject *parent)
    : BusClient(catalog, QDBusConnection::sessionBus(), parent)
{ }

BusClient::BusClient(const ProviderCatalog &catalog, const QDBusConnection &bus, QObject *parent)
    : WindowBackend(parent), m_catalog(catalog), m_bus(bus), m_serviceProgram(selfExecutable())
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    if (!m_bus.isConnected())
        return;
    // A slot that does not match the XML's signature is refused here, not silently never called.
    const bool listening =
            bus::listen::AccountChanged(m_bus, this, SLOT(onAccountChanged(QString, QVariantMap)))
            && bus::listen::SignInProgressed(m_bus, this,
                                             SLOT(onSignInProgressed(QString, QVariantMap)))
            && bus::listen::SignInFinished(m_bus, this,
                                           SLOT(onSignInFinished(QString, QVariantMap)))
            && bus::listen::QuestionAsked(m_bus, this, SLOT(onQuestionAsked(QString, QVariantMap)))
            && bus::listen::QuestionSettled(m_bus, this, SLOT(onQuestionSettled(QString)));
    if (!listening)
        qCWarning(lcBusClient, "cannot follow the service's signals: %s",
                  qPrintable(m_bus.lastError().message()));
    m_bus.connect(bus::kService, bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                  QStringLiteral("PropertiesChanged"), this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    m_owner = new QDBusServiceWatcher(bus::kService, m_bus,
                                      QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_owner, &QDBusServiceWatcher::serviceOwnerChanged, this, &BusClient::onOwnerChanged);
}

BusClient::~BusClient() = default;

BusClient::Presence BusClient::probe()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Presence::Absent;
    QDBusMessage ping = QDBusMessage::createMethodCall(bus::kService, bus::kPath,
                                                       QStringLiteral("org.freedesktop.DBus.Peer"),
                                                       QStringLiteral("Ping"));
    ping.setAutoStartService(false);
    const QDBusMessage reply = bus.call(ping, QDBus::Block, bus::protocol::kPingTimeoutMs);
    if (reply.type() != QDBusMessage::ErrorMessage)
        return Presence::Answers;
    return bus::noService(reply.errorName()) ? Presence::Absent : Presence::Silent;
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
            return handle(bus::failureFromError(reply), reply);
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
    if (QDBusPendingCallWatcher *prefetched = std::exchange(m_prefetch, nullptr)) {
        const QPointer<QObject> guard(reply.context());
        auto take = [this, prefetched, guard, reply] {
            prefetched->deleteLater();
            if (!guard)
                return;
            const QDBusMessage message = prefetched->reply();
            if (olderService(message))
                return listAccountMaps(reply);
            if (message.type() == QDBusMessage::ErrorMessage) // no service then: ask now
                return listAccounts(reply);
            readAccounts(message, reply);
        };
        if (prefetched->isFinished())
            return take();
        connect(prefetched, &QDBusPendingCallWatcher::finished, this, take);
        return;
    }
    send(bus::call::ListAccountRows(), -1, reply.context(),
         [this, reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (olderService(message))
                 return listAccountMaps(reply);
             if (failure)
                 return reply(AccountList{failure, {}});
             readAccounts(message, reply);
         });
}

void BusClient::listAccountMaps(const Callback<const AccountList &> &reply)
{
    send(bus::call::ListAccounts(), -1, reply.context(),
         [this, reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (failure)
                 return reply(AccountList{failure, {}});
             readAccounts(message, reply);
         });
}

void BusClient::prefetchAccounts()
{
    if (!m_bus.isConnected() || m_prefetch)
        return;
    m_prefetch = new QDBusPendingCallWatcher(m_bus.asyncCall(bus::call::ListAccountRows()), this);
}

void BusClient::dropStalePrefetch()
{
    // A change that arrives before the prefetched reply is in it (the service sent both, in
    // order); one that arrives after it is not.
    if (m_prefetch && m_prefetch->isFinished())
        std::exchange(m_prefetch, nullptr)->deleteLater();
}

void BusClient::readAccounts(const QDBusMessage &message,
                             const Callback<const AccountList &> &reply)
{
    AccountList list;
    // The XML's reply types, a(ssssxxxxxsssbbs) or aa{sv}, read straight from the message.
    const QString signature = message.signature();
    if (signature == QLatin1String(bus::contract::ListAccountRows::out))
        list.accounts =
                bus::accountsFromRows(message.arguments().constFirst().value<QDBusArgument>());
    else if (signature == QLatin1String(bus::contract::ListAccounts::out))
        list.accounts =
                bus::accountsFromList(message.arguments().constFirst().value<QDBusArgument>());
    else
        list.failure = Failure::unexpected(
                tr("the Tether service answered in a form this window does not read"));
    reply(list);
}

void BusClient::fetchAccount(const QString &id,
                             const Callback<const std::optional<Failure> &, const Account &> &reply)
{
    send(bus::call::GetAccount(id), -1, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (failure)
                 return reply(failure, Account());
             const bus::reply::GetAccount typed(message);
             reply(std::nullopt, bus::accountFromMap(typed.argumentAt<0>()));
         });
}

void BusClient::addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                           const Done &done)
{
    sendForOutcome(
            bus::call::AddAccount(bus::settingsMap(config), clientSecret.value_or(QString())),
            done);
}

void BusClient::editAccount(const QString &id, const AccountEdit &edit, const Done &done)
{
    sendForOutcome(bus::call::EditAccount(id, bus::editMap(edit)), done);
}

void BusClient::importTokens(const QString &id, const QByteArray &response, const Done &done)
{
    sendForOutcome(bus::call::ImportTokens(id, response), done);
}

void BusClient::refresh(const QString &id, const Callback<const RefreshReply &> &reply)
{
    send(bus::call::Refresh(id), kLongCallMs, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             if (failure)
                 return reply({failure, false, {}, {}, {}});
             const bus::reply::Refresh typed(message);
             reply({std::nullopt, typed.argumentAt<0>(), bus::fromUnixTime(typed.argumentAt<1>()),
                    bus::fromUnixTime(typed.argumentAt<2>()), typed.argumentAt<3>()});
         });
}

void BusClient::accessToken(const QString &id, const Callback<const TokenReply &> &reply)
{
    const QPointer<QObject> guard(reply.context());
    bus::askAccessToken(m_bus, id, kLongCallMs, this, [guard, reply](const bus::TokenAnswer &a) {
        if (!guard)
            return;
        if (a.noService)
            return reply({Failure::temporary(QStringLiteral("service_unavailable"),
                                             tr("Tether's service stopped; try again")),
                          {},
                          {},
                          {}});
        reply({a.failure, a.token, a.expiresAt, {}});
    });
}

void BusClient::disconnectAccount(const QString &id, const Done &done)
{
    sendForOutcome(bus::call::Disconnect(id), done);
}

void BusClient::removeAccount(const QString &id, const Done &done)
{
    sendForOutcome(bus::call::RemoveAccount(id), done);
}

void BusClient::listAccess(const QString &id, const Callback<const AccessReply &> &reply)
{
    send(bus::call::ListAccess(id), -1, reply.context(),
         [reply, id](const std::optional<Failure> &failure, const QDBusMessage &message) {
             AccessReply answer{failure, {}};
             if (!failure) {
                 const bus::reply::ListAccess typed(message);
                 for (const QVariantMap &map : typed.argumentAt<0>())
                     answer.decisions.append(bus::accessFromMap(id, map));
             }
             reply(answer);
         });
}

void BusClient::setAccess(const QString &id, const QString &program,
                          std::optional<AccessDecision::Verdict> verdict, const Done &done)
{
    // The user may take a while to confirm: no deadline of the client's own.
    sendForOutcome(bus::call::SetAccess(id, program, bus::decisionWord(verdict)), done);
}

void BusClient::answerQuestion(const QString &question, const QString &answer)
{
    send(bus::call::AnswerQuestion(question, answer), -1, this,
         [](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (failure)
                 qCWarning(lcBusClient, "%s", qPrintable(failure->message));
         });
}

void BusClient::onQuestionAsked(const QString &question, const QVariantMap &details)
{
    Q_EMIT questionAsked({question, details.value(QStringLiteral("title")).toString(),
                          details.value(QStringLiteral("body")).toString(),
                          details.value(QStringLiteral("choices")).toStringList(),
                          details.value(QStringLiteral("labels")).toStringList()});
}

void BusClient::onQuestionSettled(const QString &question)
{
    Q_EMIT questionSettled(question);
}

void BusClient::signIn(const QString &id, SignIn::Method method)
{
    const QDBusMessage message = method == SignIn::Method::Device ? bus::call::SignInOnDevice(id)
                                                                  : bus::call::Reconnect(id);
    send(message, -1, this,
         [this, id](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (failure)
                 Q_EMIT signInFinished(id, Outcome::failed(*failure));
         });
}

void BusClient::cancelSignIn(const QString &id)
{
    m_bus.asyncCall(bus::call::CancelSignIn(id));
}

void BusClient::history(const QString &id, const Callback<const QList<HistoryEntry> &> &reply)
{
    send(bus::call::GetHistory(id), -1, reply.context(),
         [reply](const std::optional<Failure> &failure, const QDBusMessage &message) {
             QList<HistoryEntry> entries;
             if (!failure) {
                 const bus::reply::GetHistory typed(message);
                 for (const QVariantMap &map : typed.argumentAt<0>())
                     entries.append(bus::historyFromMap(map));
             }
             reply(entries);
         });
}

void BusClient::refreshAll()
{
    m_bus.asyncCall(bus::call::RefreshAll());
}

void BusClient::quitService()
{
    m_bus.asyncCall(bus::call::Quit());
}

void BusClient::setStartsAtLogin(bool enabled, const Done &done)
{
    send(propertiesCall(QStringLiteral("Set"), {bus::kInterface, QStringLiteral("StartAtLogin"),
                                                QVariant::fromValue(QDBusVariant(enabled))}),
         -1, done.context(),
         [this, done, enabled](const std::optional<Failure> &failure, const QDBusMessage &) {
             if (!failure)
                 m_startsAtLogin = enabled;
             done(failure ? Outcome::failed(*failure) : Outcome::done({}));
         });
}

void BusClient::fetchStartsAtLogin()
{
    send(propertiesCall(QStringLiteral("Get"), {bus::kInterface, QStringLiteral("StartAtLogin")}),
         -1, this, [this](const std::optional<Failure> &failure, const QDBusMessage &reply) {
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
    if (!m_bus.isConnected()) {
        // Always answered from the event loop, as every other answer is.
        const Failure none = Failure::unexpected(
                tr("there is no D-Bus session bus to start the Tether service on"));
        QTimer::singleShot(0, this, [done, none] { done(none); });
        return;
    }
    // The prefetched list came back from the service: it runs, and asking the bus whether it
    // does would only add a round trip before the window can list. Answered from the event
    // loop, where the bus's word that it left since (which drops the prefetch) comes first.
    if (m_prefetch && m_prefetch->isFinished() && !m_prefetch->isError()) {
        QTimer::singleShot(0, this, [this, done] {
            if (!m_prefetch)
                return askForService(done);
            serviceFound(done);
        });
        return;
    }
    askForService(done);
}

void BusClient::serviceFound(const Callback<const std::optional<Failure> &> &done)
{
    setAvailable(true);
    fetchStartsAtLogin();
    done(std::nullopt);
}

void BusClient::askForService(const Callback<const std::optional<Failure> &> &done)
{
    auto *owned = new QDBusPendingCallWatcher(
            m_bus.asyncCall(busDaemonCall(QStringLiteral("NameHasOwner"), {bus::kService})), this);
    connect(owned, &QDBusPendingCallWatcher::finished, this, [this, owned, done] {
        owned->deleteLater();
        const QDBusPendingReply<bool> running = *owned;
        if (!running.isError() && running.value())
            return serviceFound(done);
        // D-Bus activation: the installed service file (and through it systemd's unit).
        auto *started = new QDBusPendingCallWatcher(
                m_bus.asyncCall(
                        busDaemonCall(QStringLiteral("StartServiceByName"), {bus::kService, 0u}),
                        kStartTimeoutMs),
                this);
        connect(started, &QDBusPendingCallWatcher::finished, this, [this, started, done] {
            started->deleteLater();
            if (started->isError()) // not installed (a build tree): start it ourselves
                return spawnService(done);
            serviceFound(done);
        });
    });
}

void BusClient::spawnService(const Callback<const std::optional<Failure> &> &done)
{
    if (!startDetached(m_serviceProgram, {QStringLiteral("service")}))
        return done(Failure::unexpected(
                tr("could not start the Tether service (%1 service)").arg(m_serviceProgram)));
    awaitOwner(done);
}

void BusClient::awaitOwner(const Callback<const std::optional<Failure> &> &done)
{
    // Answered once: by the name's registration, by the bus saying it has an owner already, or
    // by the deadline, whichever comes first; the others find it answered.
    auto *waiting = new QObject(this);
    auto answered = std::make_shared<bool>(false);
    auto finish = [this, waiting, answered, done](const std::optional<Failure> &failure) {
        if (*answered)
            return;
        *answered = true;
        waiting->deleteLater();
        if (failure)
            return done(failure);
        serviceFound(done);
    };
    auto *watcher = new QDBusServiceWatcher(bus::kService, m_bus,
                                            QDBusServiceWatcher::WatchForRegistration, waiting);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, waiting,
            [finish] { finish(std::nullopt); });
    QTimer::singleShot(kStartTimeoutMs, waiting, [finish] {
        finish(Failure::temporary(QStringLiteral("service_unavailable"),
                                  tr("the Tether service did not start")));
    });
    // It may have come up before the watcher did.
    auto *owned = new QDBusPendingCallWatcher(
            m_bus.asyncCall(busDaemonCall(QStringLiteral("NameHasOwner"), {bus::kService})),
            waiting);
    connect(owned, &QDBusPendingCallWatcher::finished, waiting, [owned, finish] {
        owned->deleteLater();
        const QDBusPendingReply<bool> running = *owned;
        if (!running.isError() && running.value())
            finish(std::nullopt);
    });
}

void BusClient::setAvailable(bool available)
{
    if (!available)
        dropStalePrefetch();
    if (available == m_available)
        return;
    m_available = available;
    if (available) {
        Q_EMIT serviceReturned();
        Q_EMIT accountsChanged(); // a new service: everything may differ
    } else {
        Q_EMIT serviceLost();
    }
}

void BusClient::onAccountChanged(const QString &id, const QVariantMap &status)
{
    dropStalePrefetch();
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
    if (newOwner.isEmpty())
        return setAvailable(false);
    if (!oldOwner.isEmpty()) { // replaced at once: a new service all the same
        dropStalePrefetch();
        Q_EMIT accountsChanged();
        return fetchStartsAtLogin();
    }
    setAvailable(true); // nothing new when ensureService saw it arrive first
}

} // namespace tether

// Its own moc output, not the backend library's shared one (app/CMakeLists.txt says why).
#include "moc_busclient.cpp" // NOLINT(bugprone-suspicious-include): moc's output for this file
