#pragma once

#include "accounts/accesslist.h"
#include "accounts/account.h"
#include "accounts/accounteditor.h"
#include "accounts/signin.h"
#include "core/callback.h"

#include <QObject>

namespace tether {

class ProviderCatalog;

// The accounts as one list, or why there is none.
struct AccountList
{
    std::optional<Failure> failure;
    QList<Account> accounts;
};

// An access token for another program (`tether token`, GetAccessToken).
struct TokenReply
{
    std::optional<Failure> failure;
    QString accessToken;
    QDateTime expiresAt;
    QStringList notes;
};

// What a refresh someone asked for came to.
struct RefreshReply
{
    std::optional<Failure> failure;
    bool exchanged = false; // false: another process had just refreshed, or nothing was due
    QDateTime accessExpiresAt;
    QDateTime nextRefreshAt; // where a service schedules refreshes; invalid elsewhere
    QStringList notes;
};

// One attempt in an account's refresh history (never a token).
struct HistoryEntry
{
    QDateTime at;
    QString outcome; // "refreshed", "valid", or the failure's code
    int httpStatus = 0;
    QString message;
};

// The decisions about which programs may take an account's token.
struct AccessReply
{
    std::optional<Failure> failure;
    QList<AccessDecision> decisions;
};

// A question the service asks the user (who may take a token, or move an account's secrets),
// for the window to show as a dialog too.
struct Question
{
    QString id;
    QString title;
    QString body;
    QStringList choices; // the answers, the safe one first
    QStringList labels; // their buttons' words
};

// What the command line needs from whoever owns the accounts: this process itself when no
// service runs (LocalBackend), or the session's service (BusClient, over D-Bus). Every reply is
// asynchronous and bound to a context object (core/callback.h).
class AccountBackend
{
public:
    virtual ~AccountBackend() = default;

    virtual const ProviderCatalog &catalog() const = 0;
    virtual void listAccounts(const Callback<const AccountList &> &reply) = 0;
    virtual void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                            const Done &done) = 0;
    virtual void editAccount(const QString &id, const AccountEdit &edit, const Done &done) = 0;
    virtual void importTokens(const QString &id, const QByteArray &response, const Done &done) = 0;
    virtual void refresh(const QString &id, const Callback<const RefreshReply &> &reply) = 0;
    virtual void accessToken(const QString &id, const Callback<const TokenReply &> &reply) = 0;
    virtual void disconnectAccount(const QString &id, const Done &done) = 0;
    virtual void removeAccount(const QString &id, const Done &done) = 0;
    // Who may take the account's token (docs/security.md): list the decisions, or record one
    // (an empty verdict forgets it, so that the program is asked again).
    virtual void listAccess(const QString &id, const Callback<const AccessReply &> &reply) = 0;
    virtual void setAccess(const QString &id, const QString &program,
                           std::optional<AccessDecision::Verdict> verdict, const Done &done) = 0;
};

// What the window and the tray need beyond that: live changes, sign-in through the service,
// history, settings. The session's service over D-Bus (BusClient), or a service in this very
// process (InProcessService: the demo, tests).
class WindowBackend : public QObject, public AccountBackend
{
    Q_OBJECT

public:
    using QObject::QObject;

    // One account's status and settings, as the service has them now (never a secret).
    virtual void fetchAccount(
            const QString &id,
            const Callback<const std::optional<Failure> &, const Account &> &reply) = 0;
    // Whether the service is there to answer (a service in this process always is).
    virtual bool isAvailable() const { return true; }
    // Starts the service when it is not running; replies once it answers, or why it does not.
    virtual void startService(const Callback<const std::optional<Failure> &> &done) = 0;

    // Signs in through the service: the browser it opens (Method::Browser), or a code to enter
    // on another device. Progress and the end come as signals.
    virtual void signIn(const QString &id, SignIn::Method method) = 0;
    virtual void cancelSignIn(const QString &id) = 0;
    virtual void history(const QString &id, const Callback<const QList<HistoryEntry> &> &reply) = 0;
    virtual void refreshAll() = 0;
    virtual void quitService() = 0;
    virtual bool startsAtLogin() const = 0;
    virtual void setStartsAtLogin(bool enabled, const Done &done) = 0;
    // The user's answer to a question (questionAsked): one of its choices, or "" for none.
    virtual void answerQuestion(const QString &question, const QString &answer) = 0;

Q_SIGNALS:
    // The account changed (nullopt: it is gone). accountsChanged: re-list them all.
    void accountChanged(const QString &id, const std::optional<tether::Account> &account);
    void accountsChanged();
    void signInProgressed(const QString &id, const tether::SignInProgress &progress);
    void signInFinished(const QString &id, const tether::Outcome &outcome);
    void startsAtLoginChanged(bool enabled);
    void serviceLost(); // the service went away: nothing is refreshed until it returns
    void serviceReturned(); // a service answers again (accountsChanged follows)
    void questionAsked(const tether::Question &question);
    void questionSettled(const QString &question); // answered elsewhere, or out of time
};

} // namespace tether
