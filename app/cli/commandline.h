#pragma once

#include "accounts/account.h"
#include "cli/commandio.h"
#include "core/callback.h"

#include <QObject>

class QCommandLineParser;

namespace tether {

class AccountBackend;
class AccountEditor;
class Clock;
struct CommandSpec;

// `tether COMMAND ...`: runs one command against a backend (this process's, or the session
// service's over D-Bus) and ends with commandFinished(exitCode) after writing what happened to
// its CommandIo: results on stdout, and for every failure one line on stderr. Every command is
// one row of the table in commandline.cpp.
class CommandLine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    // `signIn`: this process's accounts, for `connect` (a sign-in always runs where the person
    // is: the browser it opens and the loopback listener are this machine's).
    CommandLine(AccountBackend &backend, AccountEditor *signIn, CommandIo &io, const Clock &clock,
                QObject *parent = nullptr);
    ~CommandLine() override;

    // The command these arguments name ("" for none: the window, --hidden, --demo).
    static QString commandOf(const QStringList &arguments);
    // Whether these arguments are answered without any account: help and version.
    static bool needsNoAccounts(const QStringList &arguments);
    void start(const QStringList &arguments);

    // The handlers, one per row of the table.
    void providers(const QCommandLineParser &parser);
    void add(const QCommandLineParser &parser);
    void edit(const QCommandLineParser &parser);
    void list(const QCommandLineParser &parser);
    void status(const QCommandLineParser &parser);
    void importTokens(const QCommandLineParser &parser);
    void connectAccount(const QCommandLineParser &parser);
    void refresh(const QCommandLineParser &parser);
    void token(const QCommandLineParser &parser);
    void disconnectAccount(const QCommandLineParser &parser);
    void remove(const QCommandLineParser &parser);
    void access(const QCommandLineParser &parser);
    void credential(const QCommandLineParser &parser);
    // A SASL initial response carrying `token` (xoauth2, oauthbearer), base64.
    static QByteArray saslInitialResponse(const QString &mechanism, const QString &user,
                                          const QString &token);
    static QString programFromWord(const QString &word);

Q_SIGNALS:
    void commandFinished(int exitCode);

private:
    void run(const CommandSpec &spec, const QStringList &arguments);
    void refreshNext(QStringList ids, int worst);
    std::optional<QString> readSecret();
    QString id(const QCommandLineParser &parser) const;
    void printTable(const QList<QStringList> &rows);
    void finish(const Outcome &outcome);
    // The one line a failure prints: its message, and where it is about a setting, the option
    // (or the `tether edit` command) that changes it.
    QString lineFor(const Failure &failure, const QString &account) const;
    void fail(const Failure &failure);
    void exitWith(int code);

    AccountBackend &m_backend;
    AccountEditor *m_signIn;
    CommandIo &m_io;
    const Clock &m_clock;
    const CommandSpec *m_spec = nullptr;
    QString m_account;
    bool m_finished = false;
};

} // namespace tether
