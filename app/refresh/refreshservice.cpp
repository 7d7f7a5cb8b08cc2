#include "refreshservice.h"

#include "accounts/accountregistry.h"
#include "accounts/accountservice.h"
#include "core/clock.h"
#include "refresh/refreshpolicy.h"
#include "refresh/scheduler.h"
#include "refresh/tokenlifetimes.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QTimer>

namespace tether {

Q_LOGGING_CATEGORY(lcRefresh, "tether.refresh", QtInfoMsg)

namespace {

const QString kRefresh = QStringLiteral("refresh/");
const QString kWarn = QStringLiteral("warn/");

} // namespace

RefreshService::RefreshService(const Engine &engine, AccountService *accounts, WakeTimer *timer,
                               QObject *parent)
    : QObject(parent),
      m_engine(engine),
      m_accounts(accounts),
      m_scheduler(new Scheduler(*engine.clock, timer, this)),
      m_reloadSoon(new QTimer(this))
{
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(50); // coalesce the bursts of a QSaveFile rename
    connect(m_reloadSoon, &QTimer::timeout, this, &RefreshService::reload);
    connect(m_scheduler, &Scheduler::deadlinesDue, this, &RefreshService::onDue);
}

RefreshService::~RefreshService() = default;

void RefreshService::start()
{
    reload();
    const QString path = m_engine.registry->path();
    QFileInfo(path).dir().mkpath(QStringLiteral("."));
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path))
        m_watcher->addPath(path);
    auto changed = [this, path] {
        if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
            m_watcher->addPath(path);
        m_reloadSoon->start();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
}

void RefreshService::reload()
{
    QList<Account> list;
    if (m_engine.registry->load(&list))
        return; // an unreadable registry is reported by every command; keep what we had
    const Scheduler::Batch batch(*m_scheduler); // one re-arm for the whole set
    QSet<QString> ids;
    for (const Account &a : list) {
        ids.insert(a.config.id);
        reschedule(a);
        const auto cached = m_tokens.constFind(a.config.id);
        if (cached != m_tokens.cend() && cached->generation != a.status.generation)
            m_tokens.remove(a.config.id);
    }
    for (const Account &old : std::as_const(m_list)) {
        if (!ids.contains(old.config.id)) {
            m_scheduler->unschedule(kRefresh + old.config.id);
            for (int i = 0; i < 2; ++i)
                m_scheduler->unschedule(kWarn + old.config.id + QLatin1Char('/')
                                        + QString::number(i));
            m_tokens.remove(old.config.id);
        }
    }
    m_list = list;
    Q_EMIT accountsChanged();
}

void RefreshService::reschedule(const Account &account)
{
    const QString id = account.config.id;
    const AccountStatus &s = account.status;
    const bool refreshable =
            s.hasTokens && s.hasRefreshToken && s.state != AccountState::NeedsReconnect;
    if (m_keychainPauses.contains(id))
        ; // its retry is scheduled by the keychain pause
    else if (refreshable && s.nextRefreshAt.isValid())
        m_scheduler->schedule(kRefresh + id, s.nextRefreshAt);
    else if (refreshable && s.refreshExpiresAt.isValid())
        m_scheduler->schedule(kRefresh + id, s.refreshExpiresAt); // notices the expiry at least
    else
        m_scheduler->unschedule(kRefresh + id);

    const QList<QDateTime> warnings =
            refreshable ? policy::expiryWarnings(s.refreshExpiresAt, m_engine.clock->nowUtc())
                        : QList<QDateTime>();
    for (int i = 0; i < 2; ++i) {
        const QString key = kWarn + id + QLatin1Char('/') + QString::number(i);
        if (i < warnings.size())
            m_scheduler->schedule(key, warnings.at(i));
        else
            m_scheduler->unschedule(key);
    }
}

void RefreshService::onDue(const QStringList &keys)
{
    for (const QString &key : keys) {
        if (key.startsWith(kRefresh)) {
            enqueue(key.mid(kRefresh.size()));
        } else if (key.startsWith(kWarn)) {
            const QString id = key.mid(kWarn.size()).section(QLatin1Char('/'), 0, 0);
            if (const auto a = account(id))
                Q_EMIT refreshTokenExpiring(id, a->status.refreshExpiresAt);
        }
    }
}

void RefreshService::enqueue(const QString &id)
{
    if (m_running.contains(id) || m_queue.contains(id))
        return;
    m_queue.append(id);
    pump();
}

void RefreshService::refreshNow(const QString &id)
{
    m_keychainPauses.remove(id);
    enqueue(id);
}

void RefreshService::drain(const std::function<void()> &done)
{
    m_draining = true;
    m_queue.clear();
    m_scheduler->setPaused(true);
    if (m_running.isEmpty())
        return done();
    m_drained = done;
}

void RefreshService::refreshAll()
{
    for (const Account &a : std::as_const(m_list)) {
        if (a.status.hasTokens)
            refreshNow(a.config.id);
    }
}

void RefreshService::pump()
{
    if (m_draining) {
        if (m_running.isEmpty() && m_drained)
            std::exchange(m_drained, {})();
        return;
    }
    while (!m_queue.isEmpty() && m_running.size() < kMaxParallel) {
        if (!m_online)
            return; // the scheduler is paused too; the queue waits for the network
        const QString id = m_queue.takeFirst();
        run(id, RefreshOperation::Mode::Force, {});
    }
}

void RefreshService::run(const QString &id, RefreshOperation::Mode mode, const RefreshDone &done)
{
    if (m_running.contains(id)) {
        // One refresh per account at a time: join the one under way.
        if (done)
            m_waiting[id].append(done);
        return;
    }
    m_running.insert(id);
    if (done)
        m_waiting[id].append(done);
    Q_EMIT refreshStarted(id);
    Q_EMIT accountsChanged();
    m_accounts->refresh(id, mode, this, [this, id](const RefreshResult &result) {
        m_running.remove(id);
        // The operation wrote the registry: read it again for the new state and deadline, once
        // for a whole burst of refreshes rather than once for each.
        m_reloadSoon->start();
        if (!result.failure)
            m_tokens.insert(id, {result.tokens, result.generation});
        if (result.failure && result.failure->kind == FailureKind::Keychain) {
            // The keychain is locked or stalled: try again later, and at once when it answers.
            const int attempt = ++m_keychainPauses[id];
            m_scheduler->schedule(
                    kRefresh + id,
                    m_engine.clock->nowUtc().addMSecs(policy::retryDelayMs(
                            attempt + 3, std::nullopt, m_engine.random ? m_engine.random() : 1.0)));
        } else if (m_keychainPauses.remove(id) || !result.failure) {
            // The keychain answered: whoever was waiting for it goes now.
            for (auto it = m_keychainPauses.begin(); it != m_keychainPauses.end();) {
                m_scheduler->schedule(kRefresh + it.key(), m_engine.clock->nowUtc());
                it = m_keychainPauses.erase(it);
            }
        }
        // One line per outcome, for the journal; never a token (codes and messages hold none).
        if (!result.failure) {
            qCInfo(lcRefresh, "%s %s; valid until %s", qPrintable(id),
                   result.exchanged ? "refreshed" : "still valid",
                   qPrintable(result.tokens.accessExpiresAt.toString(Qt::ISODate)));
        } else {
            qCInfo(lcRefresh, "%s not refreshed: %s (%s)", qPrintable(id),
                   qPrintable(result.failure->code), qPrintable(result.failure->message));
        }
        if (result.failure && result.failure->kind == FailureKind::Reconnect)
            Q_EMIT needsReconnect(id, *result.failure);
        Q_EMIT refreshFinished(id, result);
        for (const RefreshDone &callback : m_waiting.take(id))
            callback(result);
        pump();
    });
}

QList<Account> RefreshService::accounts() const
{
    QList<Account> out = m_list;
    for (Account &a : out) {
        if (m_running.contains(a.config.id))
            a.status.state = AccountState::Refreshing;
    }
    return out;
}

std::optional<Account> RefreshService::account(const QString &id) const
{
    for (const Account &a : m_list) {
        if (a.config.id == id) {
            Account copy = a;
            if (m_running.contains(id))
                copy.status.state = AccountState::Refreshing;
            return copy;
        }
    }
    return std::nullopt;
}

void RefreshService::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!m_draining)
        m_scheduler->setPaused(!online); // going online fires every overdue refresh at once
    pump();
}

void RefreshService::wake()
{
    m_scheduler->reevaluate();
}

const ProviderCatalog &RefreshService::catalog() const
{
    return m_accounts->catalog();
}

std::optional<Failure> RefreshService::loadAccounts(QList<Account> *accounts) const
{
    if (auto failure = m_engine.registry->load(accounts))
        return failure;
    for (Account &a : *accounts) {
        if (m_running.contains(a.config.id))
            a.status.state = AccountState::Refreshing;
    }
    return std::nullopt;
}

void RefreshService::afterChange(const Done &done, const std::optional<Failure> &failure)
{
    reload();
    done(failure);
}

void RefreshService::addAccount(const AccountConfig &config,
                                const std::optional<QString> &clientSecret, const Done &done)
{
    m_accounts->addAccount(config, clientSecret,
                           [this, done](const std::optional<Failure> &f) { afterChange(done, f); });
}

void RefreshService::importTokens(const QString &id, const QByteArray &answer,
                                  QStringList *warnings, const Done &done)
{
    m_tokens.remove(id);
    m_accounts->importTokens(id, answer, warnings, [this, done](const std::optional<Failure> &f) {
        afterChange(done, f);
    });
}

void RefreshService::disconnect(const QString &id, QStringList *warnings, const Done &done)
{
    m_tokens.remove(id);
    m_accounts->disconnect(id, warnings,
                           [this, done](const std::optional<Failure> &f) { afterChange(done, f); });
}

void RefreshService::connectAccount(const QString &id, const BrowserOpener &opener,
                                    const std::function<void(const QUrl &, bool)> &browserOpened,
                                    const Done &done)
{
    m_tokens.remove(id);
    m_accounts->connectAccount(
            id, opener, browserOpened,
            [this, done](const std::optional<Failure> &f) { afterChange(done, f); });
}

void RefreshService::remove(const QString &id, const Done &done)
{
    m_tokens.remove(id);
    m_accounts->remove(id, [this, done](const std::optional<Failure> &f) { afterChange(done, f); });
}

void RefreshService::refresh(const QString &id, RefreshOperation::Mode mode, QObject *context,
                             const RefreshDone &done)
{
    const QPointer<QObject> guard(context);
    auto reply = [guard, done](const RefreshResult &result) {
        if (guard)
            done(result);
    };
    if (mode == RefreshOperation::Mode::IfNeeded) {
        // The fast path other programs call all day: a token this process already holds, for the
        // generation the registry names, with life left beyond the safety margin.
        const auto a = account(id);
        const auto cached = m_tokens.constFind(id);
        if (a && cached != m_tokens.cend() && cached->generation >= a->status.generation
            && lifetimes::accessTokenGoodToHandOut(cached->tokens, m_engine.clock->nowUtc())) {
            RefreshResult result;
            result.tokens = cached->tokens;
            return reply(result);
        }
    }
    m_keychainPauses.remove(id);
    run(id, mode, reply);
}

} // namespace tether
