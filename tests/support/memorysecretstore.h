#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QTimer>

#include <functional>

namespace tether::test {

// A SecretStore in memory for unit tests of logic. Answers asynchronously like the real one,
// and can be told to fail, to be locked, or to have lost an item while unlocked.
class MemorySecretStore final : public QObject, public SecretStore
{
    Q_OBJECT

public:
    enum class Mode {
        Normal,
        Locked, // reads find nothing and the collection says it is locked; writes fail
        FailWrites, // reads work, writes fail (locked while a response was on its way)
        Unavailable, // every job fails
    };

    QHash<QString, SecretBundle> items;
    Mode mode = Mode::Normal;
    int writes = 0;
    int reads = 0;
    // Called by every write once its outcome is decided, before it is reported.
    std::function<void()> onWrite;

    SecretJob *read(const QString &id) override
    {
        ++reads;
        if (mode == Mode::Unavailable)
            return later(SecretResult::failed(unavailable()));
        if (mode == Mode::Locked)
            return later(SecretResult::notFound(true)); // what a locked Secret Service answers
        if (!items.contains(id))
            return later(SecretResult::notFound(false));
        return later(SecretResult::ok(items.value(id)));
    }
    SecretJob *write(const QString &id, const SecretBundle &bundle) override
    {
        const bool fails = mode != Mode::Normal;
        if (onWrite)
            onWrite();
        if (fails)
            return later(SecretResult::failed(unavailable()));
        items.insert(id, bundle);
        ++writes;
        return later(SecretResult::ok());
    }
    SecretJob *remove(const QString &id) override
    {
        if (mode != Mode::Normal)
            return later(SecretResult::failed(unavailable()));
        items.remove(id);
        return later(SecretResult::ok());
    }
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    static Failure unavailable()
    {
        return Failure::keychain(QStringLiteral("keychain_error"),
                                 QStringLiteral("the test keychain is unavailable"));
    }
    SecretJob *later(const SecretResult &result)
    {
        auto *job = new SecretJob(this);
        QTimer::singleShot(0, job, [job, result] { job->complete(result); });
        return job;
    }
};

} // namespace tether::test
