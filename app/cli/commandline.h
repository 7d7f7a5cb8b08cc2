#pragma once

#include "accounts/accountregistry.h"
#include "core/clock.h"
#include "providers/providercatalog.h"

#include <QObject>

#include <memory>

class QCommandLineParser;

namespace tether {

class AccountService;
class KeychainSecretStore;
class TokenClient;

// `tether COMMAND ...`: headless, one command per process, ends with commandFinished(exitCode)
// after printing what happened (one line on stderr for every failure).
class CommandLine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    explicit CommandLine(QObject *parent = nullptr);
    ~CommandLine() override;

    // Whether these arguments ask for a command-line command rather than the window.
    static bool isCommand(const QStringList &arguments);
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
    void disconnect(const QCommandLineParser &parser);
    void remove(const QCommandLineParser &parser);

    bool loadAccounts(QList<Account> *accounts);
    void done(const std::optional<Failure> &failure = std::nullopt);
    void exitWith(int code);

    SystemClock m_clock;
    ProviderCatalog m_catalog;
    AccountRegistry m_registry;
    KeychainSecretStore *m_secrets;
    TokenClient *m_tokens;
    AccountService *m_service;
    bool m_finished = false;
};

} // namespace tether
