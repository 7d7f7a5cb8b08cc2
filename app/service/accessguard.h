#pragma once

#include "accounts/accountservice.h"
#include "core/callback.h"
#include "service/caller.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QObject>

class QTimer;

namespace tether {

class Notifier;

// Where an account's secrets go (its endpoints, issuer, client authentication, plain http) and
// whose tokens it hands out change only with the user's consent: a call from Tether's own window
// or from `tether` typed in the user's terminal goes ahead; any other program's waits until the
// user allows it in a notification (Allow / Deny), and is refused when they deny it, dismiss it
// or do not answer within kAnswerMs. Without a notification server nobody can be asked: refused.
class ChangeGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeGuard)

public:
    static constexpr int kAnswerMs = 60'000;

    enum class Change {
        SecretRoutes, // an edit of the settings secretRoutes() names
        ReplaceTokens, // an import over an account that has tokens
    };
    struct Request
    {
        Change change = Change::SecretRoutes;
        QString accountName;
        QString details; // the new settings, for people
    };

    // `notifier` may be null: then nobody can be asked.
    ChangeGuard(Notifier *notifier, QString ownExecutable, quint32 ownUid,
                QObject *parent = nullptr);
    ~ChangeGuard() override;

    // The settings an edit changes (to a value other than the account's) that decide where the
    // account's secrets go, as "name: value" lines for people; empty when it changes none.
    static QStringList secretRoutes(const AccountEdit &edit, const AccountConfig &current);

    // Replies nullopt when `call`'s sender may make the change, else an AccessDenied failure.
    void confirm(const QDBusConnection &bus, const QDBusMessage &call, const Request &request,
                 const Callback<const std::optional<Failure> &> &done);

private:
    void ask(const Caller &caller, const Request &request,
             const Callback<const std::optional<Failure> &> &done);
    void settle(const QString &question, bool allowed);

    struct Pending
    {
        Callback<const std::optional<Failure> &> done;
        Failure denial;
        QTimer *deadline;
    };

    Notifier *m_notifier;
    QString m_ownExecutable;
    quint32 m_ownUid;
    QHash<QString, Pending> m_pending; // question id → the call waiting for it
    quint64 m_asked = 0;
};

} // namespace tether
