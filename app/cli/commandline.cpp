#include "commandline.h"

#include "accounts/accountbackend.h"
#include "accounts/accountregistry.h"
#include "cli/output.h"
#include "core/clock.h"
#include "core/paths.h"
#include "providers/providercatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace tether {

namespace {

constexpr qint64 kMaxSecretBytes = 64 * 1024;
constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

struct CommandSpec
{
    const char *name;
    const char *synopsis;
    const char *summary;
};

const CommandSpec kCommands[] = {
        {"providers", "providers [--json]", "list the built-in provider profiles"},
        {"add",
         "add ID --provider P [--name TEXT] [--client-id C] [--client-secret-stdin]\n"
         "           [--token-endpoint URL] [--authorization-endpoint URL] "
         "[--revocation-endpoint URL]\n"
         "           [--issuer URL] [--scope \"a b\"] [--redirect-uri URL] "
         "[--client-auth basic|post|none]\n"
         "           [--allow-insecure-http]",
         "add an account (the client secret is read from standard input)"},
        {"list", "list [--json]", "every account with its state and expiries"},
        {"status", "status ID [--json]", "one account"},
        {"import", "import ID",
         "store a token endpoint answer (RFC 6749 §5.1 JSON) read from standard input"},
        {"refresh", "refresh ID | --all", "refresh now"},
        {"token", "token ID",
         "print a valid access token, refreshing first if it is about to expire"},
        {"connect", "connect ID [--no-browser]",
         "sign in through the browser (authorization code + PKCE, loopback redirect)"},
        {"disconnect", "disconnect ID",
         "revoke the tokens at the provider where it can, and forget them (the account stays)"},
        {"remove", "remove ID", "forget the account and all its secrets"},
};

InputRequest secretInput()
{
    return {kMaxSecretBytes, QStringLiteral("Client secret: "), true};
}

InputRequest answerInput()
{
    return {kMaxAnswerBytes, QStringLiteral("Token answer (JSON): "), false};
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : kCommands) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

QString usage()
{
    QString text = QStringLiteral(
            "Usage: tether [--demo | --hidden]\n"
            "       tether COMMAND [OPTIONS]\n\n"
            "Keeps OAuth 2.0 account connections alive: refreshes tokens before they expire and\n"
            "keeps every secret in the system keychain.\n\nCommands:\n");
    for (const CommandSpec &spec : kCommands)
        text += QStringLiteral("  %1%2\n")
                        .arg(QString::fromLatin1(spec.name), -12)
                        .arg(QString::fromUtf8(spec.summary));
    text += QStringLiteral(
            "\n`tether COMMAND --help` describes one command.\n\n"
            "Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 reconnect needed,\n"
            "4 temporary failure (try again later), 5 keychain unavailable or locked.\n");
    return text;
}

QString commandUsage(const CommandSpec &spec)
{
    return QStringLiteral("Usage: tether %1\n\n%2.\n")
            .arg(QString::fromUtf8(spec.synopsis), QString::fromUtf8(spec.summary));
}

} // namespace

CommandLine::CommandLine(AccountBackend &backend, CommandIo &io, const Clock &clock,
                         QObject *parent)
    : QObject(parent), m_backend(backend), m_io(io), m_clock(clock)
{ }

CommandLine::~CommandLine() = default;

std::optional<InputRequest> CommandLine::inputFor(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("import"))
        return answerInput();
    if (command == QLatin1String("add")
        && arguments.contains(QLatin1String("--client-secret-stdin")))
        return secretInput();
    return std::nullopt;
}

void CommandLine::printTable(const QList<QStringList> &rows)
{
    for (const QString &line : output::table(rows))
        m_io.line(line);
}

bool CommandLine::isCommand(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    return findCommand(first) || first == QLatin1String("--version") || first == QLatin1String("-v")
           || first == QLatin1String("--help") || first == QLatin1String("-h")
           || (!first.isEmpty() && !first.startsWith(QLatin1Char('-')));
}

void CommandLine::start(const QStringList &arguments)
{
    // Deferred, so that commandFinished always arrives inside the event loop.
    QTimer::singleShot(0, this, [this, arguments] {
        const QString first = arguments.value(1);
        if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
            m_io.line(QStringLiteral("tether %1").arg(QCoreApplication::applicationVersion()));
            return exitWith(0);
        }
        if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
            m_io.writeOut(usage().toUtf8());
            return exitWith(0);
        }
        if (!findCommand(first)) {
            m_io.error(QStringLiteral("unknown command \"%1\"; `tether --help` lists the "
                                      "commands")
                               .arg(first.left(60)));
            return exitWith(2);
        }
        run(first, arguments.mid(2));
    });
}

void CommandLine::run(const QString &command, const QStringList &arguments)
{
    const CommandSpec &spec = *findCommand(command);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(help);

    int positionals = 1; // the account id, for most commands
    if (command == QLatin1String("providers") || command == QLatin1String("list")) {
        parser.addOption(json);
        positionals = 0;
    } else if (command == QLatin1String("status")) {
        parser.addOption(json);
    } else if (command == QLatin1String("refresh")) {
        parser.addOption(QCommandLineOption(QStringLiteral("all")));
    } else if (command == QLatin1String("connect")) {
        parser.addOption(QCommandLineOption(QStringLiteral("no-browser")));
    } else if (command == QLatin1String("add")) {
        for (const char *name :
             {"provider", "name", "client-id", "token-endpoint", "authorization-endpoint",
              "revocation-endpoint", "issuer", "scope", "redirect-uri", "client-auth"})
            parser.addOption(
                    QCommandLineOption(QString::fromLatin1(name), {}, QStringLiteral("value")));
        parser.addOption(QCommandLineOption(QStringLiteral("client-secret-stdin")));
        parser.addOption(QCommandLineOption(QStringLiteral("allow-insecure-http")));
    }

    if (!parser.parse(QStringList{QStringLiteral("tether")} + arguments)) {
        QString why = parser.errorText();
        if (why.endsWith(QLatin1Char('.')))
            why.chop(1);
        m_io.error(QStringLiteral("%1; see `tether %2 --help`").arg(why, command));
        return exitWith(2);
    }
    if (parser.isSet(help)) {
        m_io.writeOut(commandUsage(spec).toUtf8());
        return exitWith(0);
    }
    const bool all = command == QLatin1String("refresh") && parser.isSet(QStringLiteral("all"));
    const int expected = all ? 0 : positionals;
    if (parser.positionalArguments().size() != expected) {
        m_io.error(QStringLiteral("usage: tether %1")
                           .arg(QString::fromUtf8(spec.synopsis).simplified()));
        return exitWith(2);
    }

    if (command == QLatin1String("providers"))
        return providers(parser);
    if (command == QLatin1String("add"))
        return add(parser);
    if (command == QLatin1String("list"))
        return list(parser);
    if (command == QLatin1String("status"))
        return status(parser);
    if (command == QLatin1String("import"))
        return importTokens(parser);
    if (command == QLatin1String("refresh"))
        return refresh(parser);
    if (command == QLatin1String("token"))
        return token(parser);
    if (command == QLatin1String("connect"))
        return connectAccount(parser);
    if (command == QLatin1String("disconnect"))
        return disconnect(parser);
    remove(parser);
}

void CommandLine::providers(const QCommandLineParser &parser)
{
    for (const QString &warning : m_backend.catalog().warnings())
        m_io.warning(warning);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ProviderProfile &p : m_backend.catalog().profiles())
            array.append(p.toJson());
        m_io.writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return exitWith(0);
    }
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("BODY"),
                             QStringLiteral("AUTH"), QStringLiteral("REFRESH TOKEN")}};
    for (const ProviderProfile &p : m_backend.catalog().profiles()) {
        QString refresh =
                p.rotation == Rotation::Always
                        ? (p.singleUse ? QStringLiteral("single use") : QStringLiteral("rotates"))
                        : (p.rotation == Rotation::Never ? QStringLiteral("kept")
                                                         : QStringLiteral("may rotate"));
        if (p.refreshLifetime != LifetimeModel::Unknown && p.refreshLifetimeSeconds > 0)
            refresh += QStringLiteral(", %1 %2").arg(p.refreshLifetime == LifetimeModel::Rolling
                                                             ? QStringLiteral("rolling")
                                                             : QStringLiteral("lives"),
                                                     output::duration(p.refreshLifetimeSeconds));
        rows.append({p.id, p.name, nameOf(p.body), nameOf(p.clientAuth), refresh});
    }
    printTable(rows);
    exitWith(0);
}

void CommandLine::add(const QCommandLineParser &parser)
{
    AccountConfig config;
    config.id = parser.positionalArguments().constFirst();
    config.provider = parser.value(QStringLiteral("provider"));
    if (config.provider.isEmpty())
        return done(Failure::badInput(QStringLiteral("--provider is required; `tether providers` "
                                                     "lists them")));
    config.name = parser.value(QStringLiteral("name"));
    config.clientId = parser.value(QStringLiteral("client-id"));
    config.tokenEndpoint = parser.value(QStringLiteral("token-endpoint"));
    config.authorizationEndpoint = parser.value(QStringLiteral("authorization-endpoint"));
    config.revocationEndpoint = parser.value(QStringLiteral("revocation-endpoint"));
    config.issuer = parser.value(QStringLiteral("issuer"));
    config.scope = parser.value(QStringLiteral("scope")).simplified();
    config.redirectUri = parser.value(QStringLiteral("redirect-uri"));
    config.allowInsecureHttp = parser.isSet(QStringLiteral("allow-insecure-http"));

    std::optional<QString> secret;
    if (parser.isSet(QStringLiteral("client-secret-stdin"))) {
        const auto data = m_io.readInput(secretInput());
        if (!data)
            return done(Failure::badInput(QStringLiteral("the client secret on standard input is "
                                                         "missing or longer than 64 KiB")));
        QString text = QString::fromUtf8(*data);
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        if (text.isEmpty())
            return done(Failure::badInput(QStringLiteral("--client-secret-stdin was given but "
                                                         "standard input was empty")));
        secret = text;
    }

    const ProviderProfile *profile = m_backend.catalog().find(config.provider);
    if (parser.isSet(QStringLiteral("client-auth"))) {
        config.clientAuth = clientAuthFromString(parser.value(QStringLiteral("client-auth")));
        if (!config.clientAuth)
            return done(
                    Failure::badInput(QStringLiteral("--client-auth must be basic, post or none")));
    } else if (profile && profile->discovery && !config.tokenEndpoint.isEmpty()) {
        // A generic provider without discovery: the client is registered as confidential
        // exactly when it has a secret. (With discovery, the server's metadata decides.)
        config.clientAuth = secret ? ClientAuth::Basic : ClientAuth::None;
    }
    if (config.scope.isEmpty() && profile)
        config.scope = profile->defaultScopes.join(QLatin1Char(' '));

    m_backend.addAccount(config, secret, [this, config](const std::optional<Failure> &failure) {
        if (!failure)
            m_io.line(QStringLiteral("added %1; next: `tether connect %1` or "
                                     "`tether import %1`")
                              .arg(config.id));
        done(failure);
    });
}

bool CommandLine::loadAccounts(QList<Account> *accounts)
{
    if (auto failure = m_backend.loadAccounts(accounts)) {
        done(failure);
        return false;
    }
    return true;
}

void CommandLine::list(const QCommandLineParser &parser)
{
    QList<Account> accounts;
    if (!loadAccounts(&accounts))
        return;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Account &a : accounts)
            array.append(output::statusJson(a));
        m_io.writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return exitWith(0);
    }
    if (accounts.isEmpty()) {
        m_io.line(QStringLiteral("No accounts yet. Add one with `tether add ID --provider P "
                                 "--client-id C`; `tether providers` lists the providers."));
        return exitWith(0);
    }
    const QDateTime now = m_clock.nowUtc();
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("PROVIDER"),
                             QStringLiteral("STATE"), QStringLiteral("ACCESS TOKEN"),
                             QStringLiteral("REFRESH TOKEN")}};
    for (const Account &a : accounts) {
        const QString access =
                a.status.hasTokens && a.status.accessExpiresAt.isValid()
                        ? (a.status.accessExpiresAt > now
                                   ? QStringLiteral("expires ")
                                             + output::relative(a.status.accessExpiresAt, now)
                                   : QStringLiteral("expired"))
                        : QStringLiteral("-");
        rows.append({a.config.id, a.config.provider, nameOf(a.status.state), access,
                     output::refreshTokenSummary(a, now)});
    }
    printTable(rows);
    exitWith(0);
}

void CommandLine::status(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    QList<Account> accounts;
    if (!loadAccounts(&accounts))
        return;
    const Account *account = findAccount(accounts, id);
    if (!account)
        return done(unknownAccount(id));
    if (parser.isSet(QStringLiteral("json"))) {
        m_io.writeOut(QJsonDocument(output::statusJson(*account)).toJson(QJsonDocument::Indented));
        return exitWith(0);
    }
    const QDateTime now = m_clock.nowUtc();
    const AccountStatus &s = account->status;
    auto when = [&](const QDateTime &t) {
        return t.isValid() ? QStringLiteral("%1 (%2)").arg(t.toString(Qt::ISODate),
                                                           output::relative(t, now))
                           : QStringLiteral("-");
    };
    m_io.line(QStringLiteral("%1 (%2, %3)")
                      .arg(account->config.name, account->config.id, account->config.provider));
    m_io.line(QStringLiteral("  state:          %1").arg(nameOf(s.state)));
    m_io.line(QStringLiteral("  access token:   expires %1").arg(when(s.accessExpiresAt)));
    m_io.line(
            QStringLiteral("  refresh token:  %1").arg(output::refreshTokenSummary(*account, now)));
    m_io.line(QStringLiteral("  last refresh:   %1").arg(when(s.lastRefreshAt)));
    m_io.line(QStringLiteral("  next refresh:   %1").arg(when(s.nextRefreshAt)));
    if (s.lastError)
        m_io.line(QStringLiteral("  last error:     %1: %2")
                          .arg(s.lastError->code, s.lastError->message));
    exitWith(0);
}

void CommandLine::importTokens(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    const auto data = m_io.readInput(answerInput());
    if (!data)
        return done(Failure::badInput(QStringLiteral("the token answer on standard input is "
                                                     "missing or larger than 1 MiB"),
                                      QStringLiteral("malformed_json")));
    auto warnings = std::make_shared<QStringList>();
    m_backend.importTokens(id, *data, warnings.get(),
                           [this, id, warnings](const std::optional<Failure> &failure) {
                               for (const QString &w : *warnings)
                                   m_io.warning(w);
                               if (!failure)
                                   m_io.line(QStringLiteral("imported tokens for %1").arg(id));
                               done(failure);
                           });
}

void CommandLine::refresh(const QCommandLineParser &parser)
{
    QStringList ids;
    if (parser.isSet(QStringLiteral("all"))) {
        QList<Account> accounts;
        if (!loadAccounts(&accounts))
            return;
        for (const Account &a : accounts) {
            if (a.status.hasTokens)
                ids << a.config.id;
        }
    } else {
        ids << parser.positionalArguments().constFirst();
    }
    refreshNext(ids, 0);
}

void CommandLine::refreshNext(QStringList ids, int worst)
{
    if (ids.isEmpty())
        return exitWith(worst);
    const QString id = ids.takeFirst();
    m_backend.refresh(
            id, RefreshOperation::Mode::Force, this,
            [this, id, ids, worst](const RefreshResult &result) {
                for (const QString &note : result.notes)
                    m_io.warning(QStringLiteral("%1: %2").arg(id, note));
                int code = 0;
                if (result.failure) {
                    m_io.error(result.failure->message);
                    code = exitCodeFor(result.failure->kind);
                } else {
                    m_io.line(QStringLiteral("%1: %2; access token valid until %3")
                                      .arg(id,
                                           result.exchanged
                                                   ? QStringLiteral("refreshed")
                                                   : QStringLiteral("refreshed by another process"),
                                           result.tokens.accessExpiresAt.toString(Qt::ISODate)));
                }
                refreshNext(ids, worst ? worst : code);
            });
}

void CommandLine::token(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    m_backend.refresh(id, RefreshOperation::Mode::IfNeeded, this,
                      [this](const RefreshResult &result) {
                          if (result.failure)
                              return done(result.failure);
                          for (const QString &note : result.notes)
                              m_io.warning(note);
                          m_io.line(result.tokens.accessToken);
                          exitWith(0);
                      });
}

void CommandLine::connectAccount(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    const bool noBrowser = parser.isSet(QStringLiteral("no-browser"));
    const BrowserOpener opener = noBrowser ? BrowserOpener() : BrowserOpener(openInBrowser);
    m_backend.connectAccount(
            id, opener,
            [this](const QUrl &url, bool opened) {
                // Progress goes to stdout; stderr carries only the one line of a failure.
                if (opened) {
                    m_io.line(QStringLiteral("Sign in in the browser window that opened; waiting "
                                             "(Ctrl-C cancels)."));
                } else {
                    m_io.line(url.toString(QUrl::FullyEncoded));
                    m_io.line(QStringLiteral("Open the address above in a browser to sign in; "
                                             "waiting (Ctrl-C cancels)."));
                }
            },
            [this, id](const std::optional<Failure> &failure) {
                if (!failure)
                    m_io.line(QStringLiteral("connected %1").arg(id));
                done(failure);
            });
}

void CommandLine::disconnect(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    auto warnings = std::make_shared<QStringList>();
    m_backend.disconnect(
            id, warnings.get(), [this, id, warnings](const std::optional<Failure> &failure) {
                for (const QString &w : *warnings)
                    m_io.warning(w);
                if (!failure)
                    m_io.line(QStringLiteral("disconnected %1: its tokens are forgotten").arg(id));
                done(failure);
            });
}

void CommandLine::remove(const QCommandLineParser &parser)
{
    const QString id = parser.positionalArguments().constFirst();
    m_backend.remove(id, [this, id](const std::optional<Failure> &failure) {
        if (!failure)
            m_io.line(QStringLiteral("removed %1").arg(id));
        done(failure);
    });
}

void CommandLine::done(const std::optional<Failure> &failure)
{
    if (!failure)
        return exitWith(0);
    m_io.error(failure->message);
    exitWith(exitCodeFor(failure->kind));
}

void CommandLine::exitWith(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT commandFinished(code);
}

} // namespace tether
