#pragma once

#include "core/failure.h"
#include "secrets/secretbundle.h"

#include <QObject>

namespace tether {

struct SecretResult
{
    enum class Status { Ok, NotFound, Failed };
    Status status = Status::Failed;
    std::optional<SecretBundle> bundle; // with Ok, for reads
    Failure failure; // with Failed: kind Keychain
    // With NotFound: whether the collection the item would be in is locked, as far as the store
    // can tell. A locked Secret Service answers "no such item", so nullopt (cannot tell) must be
    // taken as "maybe locked".
    std::optional<bool> collectionLocked;
    // With Ok for writeIssued: the keychain did not take the set; it is held in memory and
    // written when the keychain comes back (see HeldSecretStore).
    bool held = false;

    static SecretResult ok(const std::optional<SecretBundle> &bundle = std::nullopt)
    {
        SecretResult r;
        r.status = Status::Ok;
        r.bundle = bundle;
        return r;
    }
    static SecretResult notFound(std::optional<bool> collectionLocked)
    {
        SecretResult r;
        r.status = Status::NotFound;
        r.collectionLocked = collectionLocked;
        return r;
    }
    static SecretResult failed(const Failure &failure)
    {
        SecretResult r;
        r.failure = failure;
        return r;
    }
};

// One keychain operation under way. Emits secretJobFinished exactly once, then deletes itself.
class SecretJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)

public:
    explicit SecretJob(QObject *parent = nullptr) : QObject(parent) { }
    void complete(const tether::SecretResult &result);
    bool isDone() const { return m_done; }

Q_SIGNALS:
    void secretJobFinished(const tether::SecretResult &result);

private:
    bool m_done = false;
};

// Where an account's SecretBundle lives. The real one is the OS keychain (KeychainSecretStore);
// unit tests of logic use an in-memory one.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual SecretJob *read(const QString &accountId) = 0;
    virtual SecretJob *write(const QString &accountId, const SecretBundle &bundle) = 0;
    virtual SecretJob *remove(const QString &accountId) = 0; // NotFound counts as done
    virtual QString backendName() const = 0;
    // A token set the provider issued, which cannot be asked for again: a store that can keep it
    // in memory until the keychain takes it does so, and reports Ok with `held`.
    virtual SecretJob *writeIssued(const QString &accountId, const SecretBundle &bundle)
    {
        return write(accountId, bundle);
    }
};

} // namespace tether
