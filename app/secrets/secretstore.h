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
};

} // namespace tether
