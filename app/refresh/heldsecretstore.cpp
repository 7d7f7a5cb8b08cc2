#include "heldsecretstore.h"

#include "accounts/accountlock.h"

#include <QLoggingCategory>
#include <QPointer>

namespace tether {

Q_LOGGING_CATEGORY(lcHeld, "tether.keychain", QtInfoMsg)

namespace {

SecretJob *completed(QObject *parent, const SecretResult &result)
{
    auto *job = new SecretJob(parent);
    QMetaObject::invokeMethod(
            job, [job, result] { job->complete(result); }, Qt::QueuedConnection);
    return job;
}

} // namespace

HeldSecretStore::HeldSecretStore(SecretStore &keychain, QObject *parent)
    : QObject(parent), m_keychain(keychain)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HeldSecretStore::retry);
}

HeldSecretStore::~HeldSecretStore() = default;

SecretJob *HeldSecretStore::read(const QString &accountId)
{
    const auto held = m_held.constFind(accountId);
    if (held != m_held.cend())
        return completed(this, SecretResult::ok(held->bundle));
    return m_keychain.read(accountId);
}

SecretJob *HeldSecretStore::write(const QString &accountId, const SecretBundle &bundle)
{
    auto *job = new SecretJob(this);
    SecretJob *inner = m_keychain.write(accountId, bundle);
    connect(inner, &SecretJob::secretJobFinished, job, [=](const SecretResult &result) {
        // A set at least as new as the held one reached the keychain: nothing is held any more.
        const auto held = m_held.constFind(accountId);
        if (result.status == SecretResult::Status::Ok && held != m_held.cend()
            && bundle.generation >= held->bundle.generation)
            m_held.remove(accountId);
        job->complete(result);
    });
    return job;
}

SecretJob *HeldSecretStore::remove(const QString &accountId)
{
    auto *job = new SecretJob(this);
    SecretJob *inner = m_keychain.remove(accountId);
    connect(inner, &SecretJob::secretJobFinished, job, [=](const SecretResult &result) {
        if (result.status == SecretResult::Status::Ok)
            m_held.remove(accountId);
        job->complete(result);
    });
    return job;
}

SecretJob *HeldSecretStore::writeIssued(const QString &accountId, const SecretBundle &bundle)
{
    auto *job = new SecretJob(this);
    SecretJob *inner = write(accountId, bundle);
    connect(inner, &SecretJob::secretJobFinished, job, [=](const SecretResult &result) {
        if (result.status == SecretResult::Status::Ok
            || result.failure.kind != FailureKind::Keychain)
            return job->complete(result);
        const qint64 base =
                m_held.contains(accountId) ? m_held.value(accountId).base : bundle.generation - 1;
        m_held.insert(accountId, {bundle, base, false});
        qCInfo(lcHeld, "%s: the keychain did not take the new tokens (%s); held in memory",
               qPrintable(accountId), qPrintable(result.failure.code));
        m_retryMs = kFirstRetryMs;
        scheduleRetry();
        SecretResult held = SecretResult::ok();
        held.held = true;
        held.failure = result.failure; // why: for the account's status
        job->complete(held);
    });
    return job;
}

void HeldSecretStore::retry()
{
    const QStringList ids = m_held.keys();
    for (const QString &id : ids)
        store(id);
}

void HeldSecretStore::scheduleRetry()
{
    if (m_held.isEmpty() || m_retry.isActive())
        return;
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, kLastRetryMs);
    ++m_retriesScheduled;
}

void HeldSecretStore::store(const QString &id)
{
    auto held = m_held.find(id);
    if (held == m_held.end())
        return;
    if (held->storing) {
        // That attempt may have started before the change: when it fails, try again at once.
        held->askedAgain = true;
        return;
    }
    held->storing = true;
    held->askedAgain = false;
    const qint64 generation = held->bundle.generation;
    // Under the account's lock, so that the check below and the write are one step for every
    // Tether process.
    auto *lock = new AccountLock(id, this);
    auto done = [this, lock, id](bool stored) {
        lock->release();
        lock->deleteLater();
        auto held = m_held.find(id);
        if (held == m_held.end())
            return;
        held->storing = false;
        if (stored)
            return;
        if (held->askedAgain)
            QMetaObject::invokeMethod(
                    this, [this, id] { store(id); }, Qt::QueuedConnection);
        else
            scheduleRetry();
    };
    connect(lock, &AccountLock::lockFailed, this, [done] { done(false); });
    connect(lock, &AccountLock::lockAcquired, this, [=] {
        SecretJob *read = m_keychain.read(id);
        connect(read, &SecretJob::secretJobFinished, this, [=](const SecretResult &current) {
            auto held = m_held.find(id);
            if (held == m_held.end() || held->bundle.generation != generation)
                return done(true); // replaced or stored meanwhile
            if (current.status == SecretResult::Status::Failed
                || (current.status == SecretResult::Status::NotFound
                    && current.collectionLocked.value_or(true))) {
                qCInfo(lcHeld, "%s: the keychain is still unavailable (%s); next try in %d s",
                       qPrintable(id),
                       qPrintable(current.status == SecretResult::Status::Failed
                                          ? current.failure.code
                                          : QStringLiteral("locked")),
                       m_retryMs / 1000);
                return done(false); // still locked or away
            }
            SecretBundle next = held->bundle;
            if (current.status == SecretResult::Status::Ok) {
                if (current.bundle->generation > held->base) {
                    // Someone stored a newer set (a sign-in elsewhere): ours is obsolete.
                    qCInfo(lcHeld,
                           "%s: a newer token set was stored meanwhile; the held one "
                           "is dropped",
                           qPrintable(id));
                    m_held.erase(held);
                    Q_EMIT heldSetDropped(id);
                    return done(true);
                }
                next.clientSecret = current.bundle->clientSecret; // the keychain's own, if edited
            }
            SecretJob *write = m_keychain.write(id, next);
            connect(write, &SecretJob::secretJobFinished, this, [=](const SecretResult &result) {
                if (result.status != SecretResult::Status::Ok) {
                    qCInfo(lcHeld, "%s: the keychain refused the held set again (%s)",
                           qPrintable(id), qPrintable(result.failure.code));
                    return done(false);
                }
                auto held = m_held.find(id);
                if (held != m_held.end() && held->bundle.generation == generation)
                    m_held.erase(held);
                qCInfo(lcHeld, "%s: the held token set is now in the keychain", qPrintable(id));
                Q_EMIT heldSetStored(id, next);
                m_retryMs = kFirstRetryMs;
                done(true);
            });
        });
    });
    lock->acquire(10'000);
}

} // namespace tether
