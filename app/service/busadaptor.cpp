#include "busadaptor.h"

#include "backend/busapi.h"
#include "service/servicebackend.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QLoggingCategory>

namespace tether {

Q_LOGGING_CATEGORY(lcBus, "tether.bus", QtInfoMsg)

namespace {

// Replies to a call later, on the connection it came on.
struct DelayedReply
{
    QDBusConnection connection;
    QDBusMessage call;

    void send(const QVariantList &values) const { connection.send(call.createReply(values)); }
    void fail(const Failure &failure) const
    {
        connection.send(call.createErrorReply(bus::errorName(failure), failure.message));
    }
};

} // namespace

BusAdaptor::BusAdaptor(ServiceBackend &backend, QObject *parent)
    : QObject(parent), m_backend(backend)
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    connect(&m_backend, &ServiceConnection::accountChanged, this,
            [this](const QString &id, const std::optional<Account> &account) {
                Q_EMIT AccountChanged(id, account ? bus::statusMap(*account) : QVariantMap());
            });
    connect(&m_backend, &ServiceConnection::signInProgressed, this,
            [this](const QString &id, const SignInProgress &progress) {
                Q_EMIT SignInProgressed(id, bus::progressMap(progress));
            });
    connect(&m_backend, &ServiceConnection::signInFinished, this,
            [this](const QString &id, const Outcome &outcome) {
                Q_EMIT SignInFinished(id, bus::outcomeMap(outcome));
            });
    connect(&m_backend, &ServiceConnection::startsAtLoginChanged, this, [](bool enabled) {
        QDBusMessage changed = QDBusMessage::createSignal(
                bus::kPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                QStringLiteral("PropertiesChanged"));
        changed << bus::kInterface << QVariantMap{{QStringLiteral("StartAtLogin"), enabled}}
                << QStringList();
        QDBusConnection::sessionBus().send(changed);
    });
}

BusAdaptor::~BusAdaptor() = default;

bool BusAdaptor::startAtLogin() const
{
    return m_backend.startsAtLogin();
}

void BusAdaptor::setStartAtLogin(bool enabled)
{
    m_backend.setStartsAtLogin(enabled, {this, [](const Outcome &outcome) {
                                             if (outcome.failure)
                                                 qCWarning(lcBus, "%s",
                                                           qPrintable(outcome.failure->message));
                                         }});
}

QString BusAdaptor::version() const
{
    return QStringLiteral(TETHER_VERSION);
}

QList<QVariantMap> BusAdaptor::ListAccounts()
{
    QList<QVariantMap> out;
    m_backend.listAccounts({this, [&out](const AccountList &list) {
                                for (const Account &a : list.accounts)
                                    out.append(bus::statusMap(a));
                            }});
    return out; // the in-process backend answers at once
}

QVariantMap BusAdaptor::GetAccount(const QString &id)
{
    if (const auto account = m_backend.account(id))
        return bus::accountMap(*account);
    sendErrorReply(bus::errorName(Failure::badInput({}, QStringLiteral("unknown_account"))),
                   tr("no account \"%1\"").arg(id.left(80)));
    return {};
}

QString BusAdaptor::GetAccessToken(const QString &id, qint64 &)
{
    setDelayedReply(true);
    const DelayedReply reply{connection(), message()};
    m_backend.accessToken(id,
                          {this, [reply](const TokenReply &token) {
                               if (token.failure)
                                   return reply.fail(*token.failure);
                               reply.send({token.accessToken, token.expiresAt.toSecsSinceEpoch()});
                           }});
    return {};
}

void BusAdaptor::Refresh(const QString &id)
{
    setDelayedReply(true);
    const DelayedReply reply{connection(), message()};
    m_backend.refresh(id, {this, [reply](const RefreshReply &result) {
                               if (result.failure)
                                   return reply.fail(*result.failure);
                               reply.send({});
                           }});
}

void BusAdaptor::startSignIn(const QString &id, bool device)
{
    if (!m_backend.account(id)) {
        sendErrorReply(bus::errorName(Failure::badInput({}, QStringLiteral("unknown_account"))),
                       tr("no account \"%1\"").arg(id.left(80)));
        return;
    }
    // Replied to once the browser is open (or the code is there), or the sign-in ended first.
    setDelayedReply(true);
    const DelayedReply reply{connection(), message()};
    auto *answered = new QObject(this);
    connect(&m_backend, &ServiceConnection::signInProgressed, answered,
            [reply, answered, id](const QString &which) {
                if (which != id)
                    return;
                reply.send({});
                answered->deleteLater();
            });
    connect(&m_backend, &ServiceConnection::signInFinished, answered,
            [reply, answered, id](const QString &which, const Outcome &outcome) {
                if (which != id)
                    return;
                if (outcome.failure)
                    reply.fail(*outcome.failure);
                else
                    reply.send({});
                answered->deleteLater();
            });
    m_backend.signIn(id, device ? SignIn::Method::Device : SignIn::Method::Browser);
}

void BusAdaptor::Reconnect(const QString &id)
{
    startSignIn(id, false);
}

void BusAdaptor::SignInOnDevice(const QString &id)
{
    startSignIn(id, true);
}

void BusAdaptor::CancelSignIn(const QString &id)
{
    m_backend.cancelSignIn(id);
}

namespace {

// Replies (summary, notes) or the failure's error, for the operations that change an account.
Done outcomeReply(BusAdaptor *adaptor, const DelayedReply &reply)
{
    return {adaptor, [reply](const Outcome &outcome) {
                if (outcome.failure)
                    return reply.fail(*outcome.failure);
                reply.send({outcome.summary, outcome.notes});
            }};
}

} // namespace

QString BusAdaptor::AddAccount(const QVariantMap &settings, const QString &client_secret,
                               QStringList &)
{
    setDelayedReply(true);
    m_backend.addAccount(bus::settingsFromMap(settings),
                         client_secret.isEmpty() ? std::nullopt : std::optional(client_secret),
                         outcomeReply(this, {connection(), message()}));
    return {};
}

QString BusAdaptor::EditAccount(const QString &id, const QVariantMap &changes, QStringList &)
{
    setDelayedReply(true);
    m_backend.editAccount(id, bus::editFromMap(changes),
                          outcomeReply(this, {connection(), message()}));
    return {};
}

QString BusAdaptor::ImportTokens(const QString &id, const QByteArray &response, QStringList &)
{
    setDelayedReply(true);
    // A GVariant bytestring (`gdbus call ... b'{...}'`) ends with a NUL that is not JSON.
    QByteArray json = response;
    if (json.endsWith('\0'))
        json.chop(1);
    m_backend.importTokens(id, json, outcomeReply(this, {connection(), message()}));
    return {};
}

QString BusAdaptor::Disconnect(const QString &id, QStringList &)
{
    setDelayedReply(true);
    m_backend.disconnectAccount(id, outcomeReply(this, {connection(), message()}));
    return {};
}

QString BusAdaptor::RemoveAccount(const QString &id, QStringList &)
{
    setDelayedReply(true);
    m_backend.removeAccount(id, outcomeReply(this, {connection(), message()}));
    return {};
}

QList<QVariantMap> BusAdaptor::GetHistory(const QString &id)
{
    QList<QVariantMap> out;
    m_backend.history(id, {this, [&out](const QList<HistoryEntry> &entries) {
                               for (const HistoryEntry &e : entries)
                                   out.append(bus::historyMap(e));
                           }});
    return out;
}

void BusAdaptor::RefreshAll()
{
    m_backend.refreshAll();
}

void BusAdaptor::Quit()
{
    m_backend.quitService();
}

} // namespace tether
