#include "accesslist.h"

#include "core/atomicfile.h"
#include "core/filelock.h"
#include "core/isotime.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace tether {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccessList)
};

constexpr int kSchemaVersion = 1;
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
constexpr int kLockWaitMs = 200;
constexpr qsizetype kMaxProgramLength = 4096;

QString key(const QString &account, const QString &program)
{
    return account + QLatin1Char('\n') + program;
}

QJsonObject toJson(const AccessDecision &d)
{
    QJsonObject object{{QStringLiteral("account"), d.account},
                       {QStringLiteral("program"), d.program},
                       {QStringLiteral("decision"), nameOf(d.verdict)},
                       {QStringLiteral("decided_at"), isotime::write(d.decidedAt)}};
    if (d.lastUsedAt.isValid())
        object.insert(QStringLiteral("last_used_at"), isotime::write(d.lastUsedAt));
    if (!d.reason.isEmpty())
        object.insert(QStringLiteral("reason"), d.reason);
    return object;
}

std::optional<AccessDecision> fromJson(const QJsonObject &object)
{
    AccessDecision d;
    d.account = object.value(QStringLiteral("account")).toString();
    d.program = object.value(QStringLiteral("program")).toString();
    const QString verdict = object.value(QStringLiteral("decision")).toString();
    if (d.account.isEmpty() || d.program.isEmpty()
        || (verdict != QLatin1String("allow") && verdict != QLatin1String("deny")))
        return std::nullopt; // a damaged entry decides nothing: the program is asked
    d.verdict = verdict == QLatin1String("allow") ? AccessDecision::Verdict::Allow
                                                  : AccessDecision::Verdict::Deny;
    d.decidedAt = isotime::read(object.value(QStringLiteral("decided_at")).toString());
    d.lastUsedAt = isotime::read(object.value(QStringLiteral("last_used_at")).toString());
    d.reason = object.value(QStringLiteral("reason")).toString();
    return d;
}

} // namespace

QString nameOf(AccessDecision::Verdict verdict)
{
    return verdict == AccessDecision::Verdict::Allow ? QStringLiteral("allow")
                                                     : QStringLiteral("deny");
}

QString AccessDecision::reasonText() const
{
    if (reason == kAddedAccount)
        return Text::tr("it added the account");
    if (reason == kAnswered)
        return Text::tr("your answer when it asked");
    if (reason == kDecided)
        return Text::tr("set by you");
    return reason;
}

AccessList::AccessList(QString path) : m_path(std::move(path)) { }

void AccessList::reload()
{
    const QFileInfo info(m_path);
    if (!info.exists()) {
        m_decisions.clear();
        m_readModified = {};
        m_readSize = -1;
        return;
    }
    if (info.lastModified() == m_readModified && info.size() == m_readSize)
        return;
    m_readModified = info.lastModified();
    m_readSize = info.size();
    m_decisions.clear();
    QFile file(m_path);
    if (info.size() > kMaxFileSize || !file.open(QIODevice::ReadOnly))
        return; // nothing readable decides nothing: every program is asked
    const QJsonArray array = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QStringLiteral("decisions"))
                                     .toArray();
    for (const auto &value : array) {
        if (auto decision = fromJson(value.toObject()))
            m_decisions.append(*decision);
    }
}

QList<AccessDecision> AccessList::withUse(QList<AccessDecision> list) const
{
    for (AccessDecision &d : list) {
        const QDateTime used = m_used.value(key(d.account, d.program));
        if (used.isValid() && (!d.lastUsedAt.isValid() || used > d.lastUsedAt))
            d.lastUsedAt = used;
    }
    return list;
}

QList<AccessDecision> AccessList::decisions(const QString &account)
{
    reload();
    QList<AccessDecision> out;
    for (const AccessDecision &d : std::as_const(m_decisions)) {
        if (account.isEmpty() || d.account == account)
            out.append(d);
    }
    return withUse(out);
}

std::optional<AccessDecision::Verdict> AccessList::verdict(const QString &account,
                                                           const QString &program)
{
    reload();
    for (const AccessDecision &d : std::as_const(m_decisions)) {
        if (d.account == account && d.program == program)
            return d.verdict;
    }
    return std::nullopt;
}

std::optional<Failure> AccessList::modify(const Change &change)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Failure::unexpected(Text::tr("cannot create %1 (is the disk full or read-only?); "
                                            "nothing was changed")
                                           .arg(info.absolutePath()),
                                   QStringLiteral("access_unwritable"));
    FileLock lock(m_path + QStringLiteral(".lock"));
    if (lock.tryLock(kLockWaitMs) != FileLock::Result::Acquired)
        return Failure::temporary(QStringLiteral("access_busy"),
                                  Text::tr("another Tether process is writing the list of "
                                           "programs allowed to take tokens; try again"));
    m_readSize = -1; // read what is there now, under the lock
    reload();
    QList<AccessDecision> next = withUse(m_decisions);
    change(next);
    QJsonArray array;
    for (const AccessDecision &d : std::as_const(next))
        array.append(toJson(d));
    const QByteArray content = QJsonDocument(QJsonObject{{QStringLiteral("schema"), kSchemaVersion},
                                                         {QStringLiteral("decisions"), array}})
                                       .toJson(QJsonDocument::Indented);
    if (const QString error = writeFileAtomically(m_path, content); !error.isEmpty())
        return Failure::unexpected(Text::tr("cannot write %1: %2 (is the disk full or "
                                            "read-only?); nothing was changed")
                                           .arg(m_path, error),
                                   QStringLiteral("access_unwritable"));
    m_decisions = next;
    m_used.clear(); // written
    const QFileInfo written(m_path);
    m_readModified = written.lastModified();
    m_readSize = written.size();
    return std::nullopt;
}

std::optional<Failure> AccessList::decide(const QString &account, const QString &program,
                                          std::optional<AccessDecision::Verdict> verdict,
                                          const QString &reason, const QDateTime &now)
{
    return modify([&](QList<AccessDecision> &list) {
        QDateTime lastUsed;
        for (auto it = list.begin(); it != list.end();) {
            if (it->account == account && it->program == program) {
                lastUsed = it->lastUsedAt;
                it = list.erase(it);
            } else {
                ++it;
            }
        }
        if (verdict)
            list.append({account, program, *verdict, now, lastUsed, reason});
    });
}

std::optional<Failure> AccessList::forgetAccount(const QString &account)
{
    reload();
    const bool any = std::any_of(m_decisions.cbegin(), m_decisions.cend(),
                                 [&](const AccessDecision &d) { return d.account == account; });
    if (!any)
        return std::nullopt;
    return modify([&](QList<AccessDecision> &list) {
        list.removeIf([&](const AccessDecision &d) { return d.account == account; });
    });
}

void AccessList::used(const QString &account, const QString &program, const QDateTime &when)
{
    m_used.insert(key(account, program), when);
}

std::optional<Failure> AccessList::flush()
{
    if (m_used.isEmpty())
        return std::nullopt;
    return modify([](QList<AccessDecision> &) {});
}

std::optional<Failure> AccessList::checkProgram(const QString &program)
{
    static const QRegularExpression appId(
            QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*){2,}$"));
    const bool plain = std::none_of(program.cbegin(), program.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    if (program.isEmpty() || program.size() > kMaxProgramLength || !plain
        || !(QDir::isAbsolutePath(program) || appId.match(program).hasMatch()))
        return Failure::badInput(Text::tr("“%1” names no program: give the full path of its "
                                          "executable, or its Flatpak application id")
                                         .arg(program.left(80)),
                                 QStringLiteral("bad_program"));
    return std::nullopt;
}

} // namespace tether
