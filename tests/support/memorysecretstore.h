#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QTimer>

namespace tether::test {

// A SecretStore in memory for unit tests of logic. Answers asynchronously like the real one,
// and can be told to fail or to pretend to be locked.
class MemorySecretStore final : public QObject, public SecretStore
{
    Q_OBJECT

public:
    enum class Mode { Normal, Locked, FailWrites, Unavailable };

    QHash<QString, SecretBundle> items;
    Mode mode = Mode::Normal;
    int writes = 0;

    SecretJob *read(const QString &id) override
    {
        SecretResult r;
        if (mode == Mode::Unavailable) {
            r.failure = unavailable();
        } else if (mode == Mode::Locked || !items.contains(id)) {
            r.status = SecretResult::Status::NotFound; // what a locked Secret Service answers
        } else {
            r.status = SecretResult::Status::Ok;
            r.bundle = items.value(id);
        }
        return later(r);
    }
    SecretJob *write(const QString &id, const SecretBundle &bundle) override
    {
        SecretResult r;
        if (mode == Mode::Normal) {
            items.insert(id, bundle);
            ++writes;
            r.status = SecretResult::Status::Ok;
        } else {
            r.failure = unavailable();
        }
        return later(r);
    }
    SecretJob *remove(const QString &id) override
    {
        items.remove(id);
        return later({SecretResult::Status::Ok, std::nullopt, {}});
    }
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    static Failure unavailable()
    {
        return {FailureKind::Keychain, QStringLiteral("keychain_error"),
                QStringLiteral("the test keychain is unavailable"), std::nullopt, 0};
    }
    SecretJob *later(const SecretResult &result)
    {
        auto *job = new SecretJob(this);
        QTimer::singleShot(0, job, [job, result] { job->complete(result); });
        return job;
    }
};

} // namespace tether::test
