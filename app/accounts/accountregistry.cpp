#include "accountregistry.h"

#include "core/atomicfile.h"
#include "core/filelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountRegistry)
};

constexpr qint64 kMaxRegistrySize = 64 * 1024 * 1024;

Failure registryFailure(const QString &code, const QString &message)
{
    return Failure::unexpected(message, code);
}

// The disk is full or read-only: nothing was changed, and trying again later can work.
Failure writeFailure(const QString &message)
{
    return Failure::temporary(QStringLiteral("registry_write_failed"), message);
}

// Keeps a copy of an unreadable file next to it (once per distinct content), so that whatever
// the user does next, what was there is not lost.
QString keepAside(const QString &path, const QByteArray &content)
{
    QString aside = path + QStringLiteral(".unreadable-") + QString::number(qHash(content), 16);
    if (!QFileInfo::exists(aside)) {
        QFile copy(aside);
        if (copy.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            copy.write(content);
        copy.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return aside;
}

// The registry file leaves out members that are null (a reader takes a missing member as null):
// with a thousand accounts they were a third of a file every start-up parses.
QJsonObject withoutNulls(QJsonObject object)
{
    for (auto it = object.begin(); it != object.end();) {
        if (it->isNull()) {
            it = object.erase(it);
            continue;
        }
        if (it->isObject())
            *it = withoutNulls(it->toObject());
        ++it;
    }
    return object;
}

} // namespace

AccountRegistry::AccountRegistry(const QString &path) : m_path(path) { }

const Account *findAccount(const QList<Account> &accounts, const QString &id)
{
    for (const Account &a : accounts) {
        if (a.config.id == id)
            return &a;
    }
    return nullptr;
}

Failure unknownAccount(const QString &id)
{
    return Failure::badInput(Text::tr("no account \"%1\"; the account list shows the ones there "
                                      "are")
                                     .arg(id.left(80)),
                             QStringLiteral("unknown_account"));
}

std::optional<Failure> AccountRegistry::loadAccount(const QString &id, Account *account) const
{
    QList<Account> accounts;
    if (auto failure = load(&accounts))
        return failure;
    const Account *found = findAccount(accounts, id);
    if (!found)
        return unknownAccount(id);
    *account = *found;
    return std::nullopt;
}

std::optional<Failure> AccountRegistry::load(QList<Account> *accounts) const
{
    accounts->clear();
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return registryFailure(QStringLiteral("registry_unreadable"),
                               Text::tr("cannot read %1: %2").arg(m_path, file.errorString()));
    if (file.size() > kMaxRegistrySize)
        return registryFailure(
                QStringLiteral("registry_unreadable"),
                Text::tr("%1 is implausibly large; it was left as it is").arg(m_path));
    const QByteArray content = file.readAll();
    if (m_parsed && m_parsed->sameAs(content)) {
        *accounts = m_parsed->accounts;
        return std::nullopt;
    }
    m_parsed.reset();

    auto unreadable = [&](const QString &why) {
        const QString aside = keepAside(m_path, content);
        return registryFailure(QStringLiteral("registry_corrupt"),
                               Text::tr("the account registry %1 is unreadable (%2); it was not "
                                        "changed and a copy is kept at %3; repair or remove it to "
                                        "go on")
                                       .arg(m_path, why, aside));
    };

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return unreadable(
                Text::tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = doc.object();
    const QJsonValue schema = root.value(QStringLiteral("schema"));
    if (!doc.isObject() || !schema.isDouble())
        return unreadable(Text::tr("no schema version"));
    if (schema.toInt() > kSchemaVersion)
        return registryFailure(QStringLiteral("registry_too_new"),
                               Text::tr("the account registry %1 was written by a newer Tether "
                                        "(schema %2; this one reads %3); update Tether")
                                       .arg(m_path)
                                       .arg(schema.toInt())
                                       .arg(kSchemaVersion));
    if (schema.toInt() < 1)
        return unreadable(Text::tr("schema version %1").arg(schema.toInt()));

    const QJsonArray array = root.value(QStringLiteral("accounts")).toArray();
    QSet<QString> ids;
    ids.reserve(array.size());
    accounts->reserve(array.size());
    for (const auto &value : array) {
        QString error;
        auto account = Account::fromJson(value.toObject(), &error);
        if (!account)
            return unreadable(error);
        if (Q_UNLIKELY(ids.contains(account->config.id)))
            return unreadable(Text::tr("account %1 appears twice").arg(account->config.id));
        ids.insert(account->config.id);
        accounts->append(std::move(*account));
    }
    m_parsed = parsed(content, *accounts);
    return std::nullopt;
}

std::optional<Failure> AccountRegistry::save(const QList<Account> &accounts)
{
    QJsonArray array;
    for (const Account &a : accounts)
        array.append(withoutNulls(a.toJson()));
    // One line: indentation was another third of the file. `tether list --json` is the
    // readable view.
    const QByteArray content = QJsonDocument(QJsonObject{{QStringLiteral("schema"), kSchemaVersion},
                                                         {QStringLiteral("accounts"), array}})
                                       .toJson(QJsonDocument::Compact);
    if (const QString error = writeFileAtomically(m_path, content); !error.isEmpty())
        return writeFailure(Text::tr("cannot write %1: %2 (is the disk full or read-only?); "
                                     "nothing was changed")
                                    .arg(m_path, error));
    m_parsed = parsed(content, accounts);
    return std::nullopt;
}

std::optional<Failure> AccountRegistry::modify(const Change &change)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return writeFailure(Text::tr("cannot create %1 (is the disk full or read-only?); "
                                     "nothing was changed")
                                    .arg(info.absolutePath()));
    // Held for the milliseconds of one read-modify-write, so waiting for it briefly is cheaper
    // than an asynchronous dance on every status change.
    FileLock lock(m_path + QStringLiteral(".lock"));
    if (const auto result = lock.tryLock(m_lockWaitMs); result != FileLock::Result::Acquired) {
        if (result == FileLock::Result::Failed) // not held by anyone: it cannot be created
            return writeFailure(Text::tr("cannot write in %1 (is the disk full or read-only?); "
                                         "nothing was changed")
                                        .arg(info.absolutePath()));
        return Failure::temporary(QStringLiteral("registry_busy"),
                                  Text::tr("another Tether process is holding the account "
                                           "registry; try again"));
    }
    QList<Account> accounts;
    if (auto failure = load(&accounts))
        return failure;
    if (auto failure = change(accounts))
        return failure;
    return save(accounts);
}

std::optional<Failure> AccountRegistry::modifyAccount(const QString &id,
                                                      const std::function<void(Account &)> &change)
{
    return modify([&](QList<Account> &accounts) -> std::optional<Failure> {
        for (Account &a : accounts) {
            if (a.config.id == id) {
                change(a);
                return std::nullopt;
            }
        }
        return unknownAccount(id);
    });
}

AccountRegistry::Parsed AccountRegistry::parsed(const QByteArray &content,
                                                const QList<Account> &accounts)
{
    return Parsed{content.size(),
                  qHashBits(content.constData(), size_t(content.size()), QHashSeed::globalSeed()),
                  accounts};
}

bool AccountRegistry::Parsed::sameAs(const QByteArray &content) const
{
    return content.size() == size
           && qHashBits(content.constData(), size_t(content.size()), QHashSeed::globalSeed())
                      == hash;
}

} // namespace tether
