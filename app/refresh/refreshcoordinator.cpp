#include "refreshcoordinator.h"

#include "accounts/accountregistry.h"
#include "accounts/refreshtiming.h"
#include "accounts/statusmirror.h"
#include "accounts/tokenlifetimes.h"
#include "core/clock.h"
#include "core/redact.h"
#include "providers/providercatalog.h"
#include "refresh/heldsecretstore.h"
#include "refresh/refreshqueue.h"
#include "refresh/scheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QTimer>

#include <sys/stat.h>

namespace tether {

Q_LOGGING_CATEGORY(lcRefresh, "tether.refresh", QtInfoMsg)

namespace {

// Device, inode, size and modification time to the nanosecond: an atomic rename or any
// write changes it.
QByteArray fileIdentity(const QString &path)
{
    struct stat info
    { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return "missing";
    return QByteArray::number(quint64(info.st_dev)) + ':' + QByteArray::number(quint64(info.st_ino))
           + ':' + QByteArray::number(qint64(info.st_size)) + ':'
           + QByteArray::number(qint64(info.st_mtim.tv_sec)) + '.'
           + QByteArray::number(qint64(info.st_mtim.tv_nsec));
}

const QString kRefresh = QStringLiteral("refresh/");
const QString kNotice = QStringLiteral("notice/");

QString noticeKey(const QString &id, int days)
{
    return kNotice + QString::number(days) + QLatin1Char('/') + id;
}

} // namespace

RefreshCoordinator::RefreshCoordinator(const Engine &engine, HeldSecretStore *held,
                                       WakeTimer *timer, QObject *parent)
    : QObject(parent),
      m_engine(engine),
      m_held(held),
      m_scheduler(new Scheduler(*engine.clock, timer, this)),
      m_queue(new RefreshQueue(engine, this)),
      m_reloadSoon(new QTimer(this))
{
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(50); // coalesce the bursts of an atomic rename
    connect(m_reloadSoon, &QTimer::timeout, this, &RefreshCoordinator::reload);
    connect(m_scheduler, &Scheduler::deadlinesDue, this, &RefreshCoordinator::onDue);
    connect(m_queue, &RefreshQueue::refreshStarted, this, &RefreshCoordinator::onRefreshStarted);
    connect(m_queue, &RefreshQueue::refreshFinished, this, &RefreshCoordinator::onRefreshFinished);
    if (m_held) {
        connect(m_held, &HeldSecretStore::heldSetStored, this,
                &RefreshCoordinator::onHeldSetStored);
        connect(m_held, &HeldSecretStore::heldSetDropped, this, &RefreshCoordinator::reload);
    }
}

RefreshCoordinator::~RefreshCoordinator() = default;

void RefreshCoordinator::start()
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

void RefreshCoordinator::catchUp()
{
    if (fileIdentity(m_engine.registry->path()) != m_seenFile)
        reload();
}

void RefreshCoordinator::reload()
{
    m_reloadSoon->stop();
    m_seenFile = fileIdentity(m_engine.registry->path());
    QList<Account> list;
    if (m_engine.registry->load(&list))
        return; // an unreadable registry is reported by every command; keep what we had
    QHash<QString, const Account *> before;
    for (const Account &a : std::as_const(m_list))
        before.insert(a.config.id, &a);
    QStringList changed;
    bool shape = list.size() != m_list.size();
    {
        const Scheduler::Batch batch(*m_scheduler); // one re-arm for the whole set
        for (const Account &a : std::as_const(list)) {
            const Account *old = before.take(a.config.id);
            if (!old) {
                shape = true;
            } else if (old->config == a.config && old->status == a.status) {
                continue; // unchanged: its schedule stands
            }
            changed << a.config.id;
            reschedule(a);
            const auto cached = m_tokens.constFind(a.config.id);
            if (cached != m_tokens.cend() && cached->generation != a.status.generation)
                m_tokens.remove(a.config.id);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const QString &id = it.key();
            shape = true;
            changed << id;
            m_scheduler->unschedule(kRefresh + id);
            for (int days : {3, 1})
                m_scheduler->unschedule(noticeKey(id, days));
            m_tokens.remove(id);
            m_noticed.remove(id);
            m_keychainPauses.remove(id);
            m_unsaved.remove(id);
        }
    }
    m_list = list;
    if (shape)
        Q_EMIT accountsChanged();
    for (const QString &id : std::as_const(changed))
        Q_EMIT accountChanged(id);
}

void RefreshCoordinator::reschedule(const Account &account)
{
    const QString id = account.config.id;
    const AccountStatus &s = account.status;
    const bool refreshable =
            s.hasTokens && s.hasRefreshToken && s.state != AccountState::NeedsReconnect;
    if (m_keychainPauses.contains(id))
        ; // its retry is scheduled by the keychain pause
    else if (refreshable && s.nextRefreshAt.isValid())
        m_scheduler->schedule(kRefresh + id, s.nextRefreshAt);
    else if (refreshable)
        // A registry written by another process without a plan: make one, never closer than
        // the minimum gap, so that nothing is left unscheduled.
        m_scheduler->schedule(kRefresh + id,
                              timing::nextRefresh(s.accessIssuedAt, s.accessExpiresAt,
                                                  m_engine.jitter(), s.lastRefreshAt));
    else
        m_scheduler->unschedule(kRefresh + id);

    // Notices before a known refresh-token expiry, once each per expiry, and only for an end
    // that no refresh will move: a rolling lifetime (or a refresh token that rotates) is
    // renewed by the next refresh, planned before the end, unless refreshing keeps failing.
    Noticed &noticed = m_noticed[id];
    if (noticed.expiresAt != s.refreshExpiresAt)
        noticed = {s.refreshExpiresAt, {}};
    const ProviderProfile *profile = m_engine.catalog->find(account.config.provider);
    const bool renewedByRefresh = profile
                                  && (profile->refreshLifetime == LifetimeModel::Rolling
                                      || profile->refreshTokenRotates())
                                  && s.state != AccountState::Retrying;
    const QDateTime next = m_scheduler->deadline(kRefresh + id);
    const bool endMoves = renewedByRefresh && next.isValid() && next < s.refreshExpiresAt;
    const QList<timing::ExpiryNotice> notices =
            refreshable && !endMoves
                    ? timing::expiryNotices(s.refreshExpiresAt, m_engine.clock->nowUtc())
                    : QList<timing::ExpiryNotice>();
    for (int days : {3, 1}) {
        const auto notice = std::find_if(notices.cbegin(), notices.cend(),
                                         [&](const auto &n) { return n.daysBefore == days; });
        if (notice != notices.cend() && !noticed.days.contains(days))
            m_scheduler->schedule(noticeKey(id, days), notice->at);
        else
            m_scheduler->unschedule(noticeKey(id, days));
    }
}

void RefreshCoordinator::onDue(const QStringList &keys)
{
    for (const QString &key : keys) {
        if (key.startsWith(kRefresh)) {
            if (!m_draining)
                m_queue->enqueue(key.mid(kRefresh.size()));
            continue;
        }
        // notice/DAYS/ID
        const int days = key.section(QLatin1Char('/'), 1, 1).toInt();
        const QString id = key.section(QLatin1Char('/'), 2);
        const auto a = account(id);
        if (!a || m_noticed.value(id).days.contains(days))
            continue;
        m_noticed[id].days.insert(days);
        if (days == 1) // the later notice makes the earlier one moot
            m_noticed[id].days.insert(3);
        Q_EMIT refreshTokenExpiring(id, a->status.refreshExpiresAt, days);
    }
}

void RefreshCoordinator::refreshNow(const QString &id)
{
    m_keychainPauses.remove(id);
    m_queue->enqueue(id);
}

void RefreshCoordinator::refreshAll()
{
    for (const Account &a : std::as_const(m_list)) {
        if (a.status.hasTokens)
            refreshNow(a.config.id);
    }
}

void RefreshCoordinator::refresh(const QString &id, RefreshOperation::Mode mode,
                                 const Callback<const RefreshResult &> &reply)
{
    catchUp();
    if (mode == RefreshOperation::Mode::IfNeeded && !m_queue->isRunning(id)) {
        // The fast path other programs call all day: a token this process already holds, for the
        // generation the registry names, with life left beyond the safety margin.
        const auto a = account(id);
        const auto cached = m_tokens.constFind(id);
        if (a && cached != m_tokens.cend() && cached->generation >= a->status.generation
            && a->status.inFlightGeneration < 0
            && lifetimes::accessTokenGoodToHandOut(cached->tokens, m_engine.clock->nowUtc())) {
            RefreshResult result;
            result.tokens = cached->tokens;
            result.generation = cached->generation;
            return reply(result);
        }
    }
    m_keychainPauses.remove(id);
    m_queue->run(id, mode, reply);
}

void RefreshCoordinator::forget(const QString &id)
{
    m_tokens.remove(id);
}

void RefreshCoordinator::onRefreshStarted(const QString &id)
{
    Q_EMIT accountChanged(id); // now "refreshing"
}

void RefreshCoordinator::onRefreshFinished(const QString &id, const RefreshResult &result)
{
    // The operation wrote the registry: read it again for the new state and deadline, once for
    // a whole burst of refreshes rather than once for each.
    m_reloadSoon->start();
    if (!result.failure)
        m_tokens.insert(id, {result.tokens, result.generation});
    else
        m_tokens.remove(id);
    const QDateTime now = m_engine.clock->nowUtc();
    if (result.failure && result.failure->kind == FailureKind::Keychain) {
        // The keychain is locked or stalled: try again later, and at once when it answers or
        // says it changed.
        const int attempt = ++m_keychainPauses[id];
        m_scheduler->schedule(kRefresh + id, now.addMSecs(timing::retryDelayMs(
                                                     attempt, std::nullopt, m_engine.jitter())));
    } else if (m_keychainPauses.remove(id) || (!result.failure && !result.held)) {
        // The keychain answered (a held set means it refused the write): whoever was waiting
        // for it goes now.
        keychainChanged();
    }
    if (result.unsaved) {
        // The registry still says what it said before this refresh, and the deadline that fired
        // was its last: keep the account scheduled from here, and say why, until a write works.
        Unsaved &unsaved = m_unsaved[id];
        unsaved.failure = *result.unsaved;
        ++unsaved.attempts;
        if (!result.failure || result.failure->kind != FailureKind::Keychain)
            m_scheduler->schedule(kRefresh + id,
                                  now.addMSecs(timing::retryDelayMs(unsaved.attempts, std::nullopt,
                                                                    m_engine.jitter())));
        qCWarning(lcRefresh, "%s: the account list could not be saved (%s); retrying from memory",
                  qPrintable(id), qPrintable(result.unsaved->message));
    } else {
        m_unsaved.remove(id);
    }
    // One line per outcome, for the journal; never a token (codes, messages and fingerprints
    // hold none).
    if (!result.failure) {
        qCInfo(lcRefresh, "%s %s; valid until %s; refresh token %s%s", qPrintable(id),
               result.exchanged ? "refreshed" : "still valid",
               qPrintable(result.tokens.accessExpiresAt.toString(Qt::ISODate)),
               qPrintable(redacted(result.tokens.refreshToken)), result.held ? "; held" : "");
    } else {
        qCInfo(lcRefresh, "%s not refreshed: %s (%s)", qPrintable(id),
               qPrintable(result.failure->code), qPrintable(result.failure->message));
    }
    if (result.failure && result.failure->kind == FailureKind::Reconnect)
        Q_EMIT needsReconnect(id, *result.failure);
    Q_EMIT refreshFinished(id, result);
    Q_EMIT accountChanged(id); // no longer "refreshing"
}

void RefreshCoordinator::onHeldSetStored(const QString &id)
{
    const auto failure = m_engine.registry->modifyAccount(id, [](Account &a) {
        a.status.inFlightGeneration = -1;
        if (a.status.lastError && a.status.lastError->code == QLatin1String("tokens_held"))
            a.status.lastError.reset();
    });
    // Unwritten, the mark stays: the next refresh finds the keychain ahead and mirrors it.
    if (failure)
        qCWarning(lcRefresh, "%s: the account list could not be saved (%s)", qPrintable(id),
                  qPrintable(failure->message));
    reload();
}

void RefreshCoordinator::keychainChanged()
{
    if (m_held)
        m_held->retry();
    const QDateTime now = m_engine.clock->nowUtc();
    for (auto it = m_keychainPauses.begin(); it != m_keychainPauses.end();) {
        m_scheduler->schedule(kRefresh + it.key(), now);
        it = m_keychainPauses.erase(it);
    }
}

QList<Account> RefreshCoordinator::accounts() const
{
    QList<Account> out = m_list;
    for (Account &a : out)
        present(a);
    return out;
}

std::optional<Account> RefreshCoordinator::account(const QString &id) const
{
    for (const Account &a : m_list) {
        if (a.config.id == id) {
            Account copy = a;
            present(copy);
            return copy;
        }
    }
    return std::nullopt;
}

void RefreshCoordinator::present(Account &account) const
{
    const QString &id = account.config.id;
    if (const auto unsaved = m_unsaved.constFind(id); unsaved != m_unsaved.cend()) {
        // What the registry says is out of date: say so, and when the next attempt is.
        account.status.lastError = unsaved->failure;
        if (account.status.state == AccountState::Connected)
            account.status.state = AccountState::Retrying;
        account.status.nextRefreshAt = m_scheduler->deadline(kRefresh + id);
    }
    if (m_queue->isRunning(id))
        account.status.state = AccountState::Refreshing;
}

void RefreshCoordinator::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!m_draining)
        m_scheduler->setPaused(!online); // going online fires every overdue refresh at once
    m_queue->setPaused(!online);
}

void RefreshCoordinator::wake()
{
    m_scheduler->reevaluate();
}

void RefreshCoordinator::drain(const std::function<void()> &done)
{
    m_draining = true;
    m_scheduler->setPaused(true);
    m_queue->drain(done);
}

} // namespace tether
