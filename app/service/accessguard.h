#pragma once

#include "accounts/accesslist.h"
#include "accounts/accounteditor.h"
#include "core/callback.h"
#include "service/caller.h"
#include "service/notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QObject>

class QTimer;

namespace tether {

// Who may do what through the D-Bus API (docs/security.md). Tether's own window and `tether`
// typed in the user's terminal may do anything. Any other program:
// - takes an account's token only when the user allowed it: remembered in the AccessList
//   ("Always allow", `tether access allow`, or the program added the account), or answered now
//   in a notification (Allow once / Always allow / Deny) while its call waits;
// - changes where an account's secrets go (endpoints, issuer, client authentication, plain
//   http), replaces its tokens or allows a program only once the user allows that one change.
// A denial, a dismissed question, no answer within kAnswerMs, or nobody to ask (no
// notification server) refuse the call with an AccessDenied failure.
class AccessGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessGuard)

public:
    static constexpr int kAnswerMs = 60'000;
    // How long the times programs last took tokens stay in memory before they are written.
    static constexpr int kUseFlushMs = 30'000;

    enum class Change {
        SecretRoutes, // an edit of the settings secretRoutes() names
        ReplaceTokens, // an import over an account that has tokens
        AllowProgram, // a program allowed to take an account's token
    };
    struct Request
    {
        Change change = Change::SecretRoutes;
        QString accountName;
        QString details; // the new settings, or the program, for people
    };

    // `notifier` may be null: then nobody can be asked. `access` outlives the guard.
    AccessGuard(Notifier *notifier, AccessList *access, QString ownExecutable, quint32 ownUid,
                QObject *parent = nullptr);
    ~AccessGuard() override;

    // The settings an edit changes (to a value other than the account's) that decide where the
    // account's secrets go, as "name: value" lines for people; empty when it changes none.
    static QStringList secretRoutes(const AccountEdit &edit, const AccountConfig &current);

    // Who sent `call`, and whether it is the user's own Tether.
    void identify(const QDBusConnection &bus, const QDBusMessage &call,
                  const Callback<const Caller &, bool> &done);

    // Replies nullopt when `call`'s sender may make the change, else an AccessDenied failure.
    void confirm(const QDBusConnection &bus, const QDBusMessage &call, const Request &request,
                 const Callback<const std::optional<Failure> &> &done);

    // Replies nullopt when `call`'s sender may take the token of `account` (named `name` for
    // people), else an AccessDenied failure.
    void authorizeToken(const QDBusConnection &bus, const QDBusMessage &call,
                        const QString &account, const QString &name,
                        const Callback<const std::optional<Failure> &> &done);

    // Writes the times programs last took tokens (at quit; otherwise every kUseFlushMs).
    void flushUse();

    // The window's answer to a question it was shown (questionAsked): one of the question's
    // choices, or "" (closed without one: a denial).
    void answerFromWindow(const QString &question, const QString &answer);

Q_SIGNALS:
    // A question for the window whose bus name is `window`, as well as in a notification: the
    // window shows it as a dialog, and a question the window shows waits for it (or its
    // deadline) even where no notification server could show it.
    void questionAsked(const QString &question, const QString &window, const QString &title,
                       const QString &body, const QList<tether::Notifier::Choice> &choices);
    void questionSettled(const QString &question, const QString &window);

private:
    using Reply = Callback<const std::optional<Failure> &>;
    struct Waiter
    {
        Reply done;
        Failure denial;
    };
    struct Pending
    {
        QList<Waiter> waiters;
        QTimer *deadline = nullptr;
        QString account; // a token question: the account and program it is about
        QString program;
        QStringList choices; // the answers it takes
        QString window; // the window that shows it too, else empty
    };

    void ask(const Caller &caller, const Request &request, const Reply &done);
    void askForToken(const Caller &caller, const QString &account, const QString &name,
                     const Reply &done);
    // Asks: a notification, and a dialog in the window where one is open. `waiters` wait for
    // the answer (or the deadline).
    void open(const Caller &caller, const QString &title, const QString &body,
              const QList<Notifier::Choice> &choices, const QList<Waiter> &waiters,
              const QString &account = {}, const QString &program = {});
    void onNotificationAnswer(const QString &question, const QString &answer);
    void settle(const QString &question, const QString &answer);
    void tokenTaken(const QString &account, const QString &program);

    Notifier *m_notifier;
    AccessList *m_access;
    QString m_ownExecutable;
    quint32 m_ownUid;
    QHash<QString, Pending> m_pending; // question id → the calls waiting for it
    QHash<QString, QString> m_tokenQuestions; // account + '\n' + program → question id
    QTimer *m_useFlush;
    int m_answerMs = kAnswerMs;
    quint64 m_asked = 0;
};

} // namespace tether
