#pragma once

#include "accounts/account.h"
#include "core/storedformats.h"

#include <functional>

namespace tether {

// The accounts' non-secret metadata in one JSON file (schema-versioned, written with QSaveFile).
// Several processes share it: every change is a read-modify-write under a lock file, so two
// processes changing two accounts never lose each other's change. A file that cannot be read is
// never overwritten: a copy is kept aside and every operation reports it until it is fixed.
// A write that fails (a full or read-only disk) is a temporary failure that changes nothing.
// Holders keep the lock for one read-modify-write of a small file (well under a millisecond);
// a change waits at most lockWaitMs() for it: a command, which has nothing else to do, a second;
// the service, whose one thread serves everyone, kServiceLockWaitMs (and retries later).
class AccountRegistry final
{
public:
    static constexpr int kSchemaVersion = storedformats::kRegistrySchema;
    static constexpr int kLockWaitMs = 1000;
    static constexpr int kServiceLockWaitMs = 40;
    using Change = std::function<std::optional<Failure>(QList<Account> &accounts)>;

    explicit AccountRegistry(const QString &path);

    void setLockWaitMs(int ms) { m_lockWaitMs = ms; }
    int lockWaitMs() const { return m_lockWaitMs; }

    [[nodiscard]] std::optional<Failure> load(QList<Account> *accounts) const;
    // One account, read fresh from the file; BadInput if it does not exist.
    [[nodiscard]] std::optional<Failure> loadAccount(const QString &id, Account *account) const;
    // Re-reads the file, applies the change and writes the result, all under the file lock.
    // A change that returns a failure writes nothing.
    [[nodiscard]] std::optional<Failure> modify(const Change &change);
    // Convenience: change one account; BadInput if it does not exist.
    [[nodiscard]] std::optional<Failure> modifyAccount(
            const QString &id, const std::function<void(Account &)> &change);

    QString path() const { return m_path; }

private:
    [[nodiscard]] std::optional<Failure> save(const QList<Account> &accounts);

    // The file as this process last parsed or wrote it, and what it parses to. Reading the file
    // is cheap; parsing it (JSON and ISO dates) was most of a refresh's CPU with a few hundred
    // accounts. Compared by content, not by timestamps; by size and a 64-bit hash rather than a
    // copy of the bytes, which the idle service would otherwise hold for good (415 KB at 1,000
    // accounts). Two different files of one size and hash are a 2^-64 chance, not a risk.
    struct Parsed
    {
        qsizetype size = 0;
        size_t hash = 0;
        QList<Account> accounts;
        bool sameAs(const QByteArray &content) const;
    };
    static Parsed parsed(const QByteArray &content, const QList<Account> &accounts);
    mutable std::optional<Parsed> m_parsed;
    QString m_path;
    int m_lockWaitMs = kLockWaitMs;
};

const Account *findAccount(const QList<Account> &accounts, const QString &id);
Failure unknownAccount(const QString &id);

} // namespace tether
