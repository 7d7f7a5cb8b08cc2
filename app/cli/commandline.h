#pragma once

#include "accounts/account.h"
#include "cli/commandio.h"

#include <QObject>

class QCommandLineParser;

namespace tether {

class AccountBackend;
class Clock;

// `tether COMMAND ...`: runs one command against a backend (the accounts' own service, or the
// running app on a client's behalf) and ends with commandFinished(exitCode) after writing what
// happened to its CommandIo (one line on stderr for every failure).
class CommandLine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    CommandLine(AccountBackend &backend, CommandIo &io, const Clock &clock,
                QObject *parent = nullptr);
    ~CommandLine() override;

    // Whether these arguments ask for a command-line command rather than the window.
    static bool isCommand(const QStringList &arguments);
    // What the command in these arguments reads from standard input, if anything; a client
    // reads it before it hands the command to the running app.
    static std::optional<InputRequest> inputFor(const QStringList &arguments);
    void start(const QStringList &arguments);

Q_SIGNALS:
    void commandFinished(int exitCode);

private:
    void run(const QString &command, const QStringList &arguments);
    void providers(const QCommandLineParser &parser);
    void add(const QCommandLineParser &parser);
    void list(const QCommandLineParser &parser);
    void status(const QCommandLineParser &parser);
    void importTokens(const QCommandLineParser &parser);
    void refresh(const QCommandLineParser &parser);
    void refreshNext(QStringList ids, int worst);
    void token(const QCommandLineParser &parser);
    void connectAccount(const QCommandLineParser &parser);
    void disconnect(const QCommandLineParser &parser);
    void remove(const QCommandLineParser &parser);

    bool loadAccounts(QList<Account> *accounts);
    void printTable(const QList<QStringList> &rows);
    void done(const std::optional<Failure> &failure = std::nullopt);
    void exitWith(int code);

    AccountBackend &m_backend;
    CommandIo &m_io;
    const Clock &m_clock;
    bool m_finished = false;
};

} // namespace tether
