#pragma once

#include "core/failure.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tether {

// Which programs may take an account's access token from the service, as the user decided
// (docs/security.md). A program is named as programOf() names it: a Flatpak app id or an
// executable's path. Kept in $XDG_CONFIG_HOME/tether/access.json, beside the account registry
// and like it without secrets; read again whenever another process changed it.
struct AccessDecision
{
    enum class Verdict { Allow, Deny };
    QString account;
    QString program;
    Verdict verdict = Verdict::Allow;
    QDateTime decidedAt;
    QDateTime lastUsedAt; // the last time the program took the token; invalid: never
    QString reason; // how it came about: one of the k… codes below (reasonText says it)

    static inline const QString kAddedAccount = QStringLiteral("added_account");
    static inline const QString kAnswered = QStringLiteral("answered");
    static inline const QString kDecided = QStringLiteral("decided");
    // The reason for people, in their language.
    QString reasonText() const;
};

QString nameOf(AccessDecision::Verdict verdict); // "allow", "deny"

class AccessList
{
public:
    explicit AccessList(QString path);

    // Every decision about `account`, or every decision when `account` is empty.
    QList<AccessDecision> decisions(const QString &account = {});
    std::optional<AccessDecision::Verdict> verdict(const QString &account, const QString &program);

    // Records a decision (replacing an earlier one for the same program), or forgets it when
    // `verdict` is empty; the file is written before this returns.
    [[nodiscard]] std::optional<Failure> decide(const QString &account, const QString &program,
                                                std::optional<AccessDecision::Verdict> verdict,
                                                const QString &reason, const QDateTime &now);
    [[nodiscard]] std::optional<Failure> forgetAccount(const QString &account);

    // The program took the token now: kept in memory until flush() writes it (a token call
    // does not write to the disk each time).
    void used(const QString &account, const QString &program, const QDateTime &when);
    bool hasUnsavedUse() const { return !m_used.isEmpty(); }
    [[nodiscard]] std::optional<Failure> flush();

    // Whether `program` names a program as decisions do: an absolute path or a Flatpak app id
    // (reverse DNS, at least three parts); a failure that says what is wrong otherwise.
    static std::optional<Failure> checkProgram(const QString &program);

private:
    using Change = std::function<void(QList<AccessDecision> &)>;
    void reload();
    [[nodiscard]] std::optional<Failure> modify(const Change &change);
    QList<AccessDecision> withUse(QList<AccessDecision> list) const;

    QString m_path;
    QDateTime m_readModified;
    qint64 m_readSize = -1;
    QList<AccessDecision> m_decisions;
    QHash<QString, QDateTime> m_used; // account + '\n' + program → when
};

} // namespace tether
