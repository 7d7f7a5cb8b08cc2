#include "commandline.h"

#include "accounts/accounteditor.h"
#include "accounts/accountregistry.h"
#include "accounts/accountvalidation.h"
#include "accounts/signin.h"
#include "backend/accountbackend.h"
#include "cli/output.h"
#include "core/clock.h"
#include "core/humantime.h"
#include "providers/providercatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTimer>

namespace tether {

// One command: everything about it in one row.
struct CommandSpec
{
    enum class Input { None, Secret, TokenResponse };
    struct Option
    {
        const char *name;
        const char *value; // null: a flag
    };

    const char *name;
    const char *synopsis;
    const char *summary; // translated (QT_TRANSLATE_NOOP)
    QList<Option> options;
    int positionals; // the account id, or nothing
    Input input; // what it reads from standard input (Secret only with --client-secret-stdin)
    void (CommandLine::*handler)(const QCommandLineParser &);
};

namespace {

constexpr qint64 kMaxSecretBytes = 64 * 1024;
constexpr qint64 kMaxResponseBytes = 1024 * 1024;
constexpr qint64 kMaxCredentialRequestBytes = 64 * 1024;

// What git says to a credential helper: "key=value" lines (gitcredentials(7)).
QHash<QString, QString> credentialAttributes(const QByteArray &input)
{
    QHash<QString, QString> attributes;
    for (const QByteArray &line : input.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            attributes.insert(QString::fromUtf8(line.left(equals)),
                              QString::fromUtf8(line.mid(equals + 1)).trimmed());
    }
    return attributes;
}

bool isLoopbackHost(const QString &hostAndPort)
{
    QString host = hostAndPort;
    if (host.startsWith(QLatin1Char('['))) // [::1]:8080
        host = host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
    else if (host.count(QLatin1Char(':')) == 1)
        host = host.section(QLatin1Char(':'), 0, 0);
    return host == QLatin1String("localhost") || host == QLatin1String("::1")
           || host.startsWith(QLatin1String("127."));
}

const QList<CommandSpec::Option> kSettingOptions{
        {"name", "TEXT"},
        {"client-id", "C"},
        {"client-secret-stdin", nullptr},
        {"scope", "\"a b\""},
        {"issuer", "URL"},
        {"token-endpoint", "URL"},
        {"authorization-endpoint", "URL"},
        {"revocation-endpoint", "URL"},
        {"device-authorization-endpoint", "URL"},
        {"redirect-uri", "URL"},
        {"client-auth", "basic|post|none"},
        {"allow-insecure-http", nullptr},
};

const CommandSpec kCommands[] = {
        {"service",
         "service",
         QT_TRANSLATE_NOOP("CommandLine",
                           "run Tether's session service in the foreground (what the systemd "
                           "user unit runs)"),
         {},
         0,
         CommandSpec::Input::None,
         nullptr},
        {"providers",
         "providers [--json]",
         QT_TRANSLATE_NOOP("CommandLine", "list the built-in provider profiles"),
         {{"json", nullptr}},
         0,
         CommandSpec::Input::None,
         &CommandLine::providers},
        {"add",
         "add ID --provider P [--name TEXT] [--client-id C] [--client-secret-stdin]\n"
         "           [--token-endpoint URL] [--authorization-endpoint URL] [--revocation-endpoint "
         "URL]\n"
         "           [--device-authorization-endpoint URL] [--issuer URL] [--scope \"a b\"]\n"
         "           [--redirect-uri URL] [--client-auth basic|post|none] [--allow-insecure-http]",
         QT_TRANSLATE_NOOP("CommandLine",
                           "add an account (the client secret is read from standard input)"),
         kSettingOptions + QList<CommandSpec::Option>{{"provider", "P"}}, 1,
         CommandSpec::Input::Secret, &CommandLine::add},
        {"edit",
         "edit ID [--name TEXT] [--client-id C] [--client-secret-stdin] [--scope \"a b\"]\n"
         "           [--token-endpoint URL] [--authorization-endpoint URL] [--revocation-endpoint "
         "URL]\n"
         "           [--device-authorization-endpoint URL] [--issuer URL] [--redirect-uri URL]\n"
         "           [--client-auth basic|post|none|profile] [--allow-insecure-http | "
         "--deny-insecure-http]",
         QT_TRANSLATE_NOOP("CommandLine",
                           "change an account's settings; its tokens stay (a new client secret is "
                           "read from standard input)"),
         kSettingOptions + QList<CommandSpec::Option>{{"deny-insecure-http", nullptr}}, 1,
         CommandSpec::Input::Secret, &CommandLine::edit},
        {"list",
         "list [--json]",
         QT_TRANSLATE_NOOP("CommandLine", "every account with its state and expiries"),
         {{"json", nullptr}},
         0,
         CommandSpec::Input::None,
         &CommandLine::list},
        {"status",
         "status ID [--json]",
         QT_TRANSLATE_NOOP("CommandLine", "one account"),
         {{"json", nullptr}},
         1,
         CommandSpec::Input::None,
         &CommandLine::status},
        {"import",
         "import ID",
         QT_TRANSLATE_NOOP("CommandLine",
                           "store a token endpoint response (RFC 6749 §5.1 JSON) read from "
                           "standard input"),
         {},
         1,
         CommandSpec::Input::TokenResponse,
         &CommandLine::importTokens},
        {"connect",
         "connect ID [--no-browser | --device]",
         QT_TRANSLATE_NOOP("CommandLine",
                           "sign in through the browser (authorization code + PKCE, loopback "
                           "redirect), or with --device on another device (RFC 8628)"),
         {{"no-browser", nullptr}, {"device", nullptr}},
         1,
         CommandSpec::Input::None,
         &CommandLine::connectAccount},
        {"refresh",
         "refresh ID | --all",
         QT_TRANSLATE_NOOP("CommandLine", "refresh now"),
         {{"all", nullptr}},
         1,
         CommandSpec::Input::None,
         &CommandLine::refresh},
        {"token",
         "token ID [--sasl xoauth2|oauthbearer --user ADDRESS]",
         QT_TRANSLATE_NOOP("CommandLine",
                           "print a valid access token, refreshing first if it is about to "
                           "expire; with --sasl, a mail client's SASL initial response (base64) "
                           "carrying it"),
         {{"sasl", "MECHANISM"}, {"user", "ADDRESS"}},
         1,
         CommandSpec::Input::None,
         &CommandLine::token},
        {"disconnect",
         "disconnect ID",
         QT_TRANSLATE_NOOP("CommandLine",
                           "revoke the tokens at the provider where it can, and forget them (the "
                           "account stays)"),
         {},
         1,
         CommandSpec::Input::None,
         &CommandLine::disconnectAccount},
        {"remove",
         "remove ID",
         QT_TRANSLATE_NOOP("CommandLine", "disconnect, then delete the account and its secrets"),
         {},
         1,
         CommandSpec::Input::None,
         &CommandLine::remove},
        {"credential",
         "credential get|store|erase --account ID [--username NAME]",
         QT_TRANSLATE_NOOP("CommandLine",
                           "git's credential helper (gitcredentials(7)): `get` answers with the "
                           "account's fresh access token as the password, `erase` (git was "
                           "refused) refreshes it, `store` does nothing"),
         {{"account", "ID"}, {"username", "NAME"}},
         1,
         CommandSpec::Input::None,
         &CommandLine::credential},
        {"access",
         "access list ID | access allow|deny|forget ID PROGRAM",
         QT_TRANSLATE_NOOP("CommandLine",
                           "which programs may take the account's token: list them, allow or "
                           "deny one (its executable's path or Flatpak app id), or forget the "
                           "decision so that it is asked again"),
         {{"json", nullptr}},
         3,
         CommandSpec::Input::None,
         &CommandLine::access},
};

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : kCommands) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

QString usage()
{
    QString text = QCoreApplication::translate(
            "CommandLine",
            "Usage: tether [--demo | --hidden]\n"
            "       tether COMMAND [OPTIONS]\n\n"
            "Keeps OAuth 2.0 account connections alive: refreshes tokens before they "
            "expire and\nkeeps every secret in the system keychain.\n\n"
            "  (no command)  open the window (starting the service if it is not "
            "running)\n"
            "  --hidden      start the service in the background, no window\n"
            "  --demo        the window on the embedded demo provider\n\n"
            "Commands:\n");
    for (const CommandSpec &spec : kCommands)
        text += QStringLiteral("  %1%2\n")
                        .arg(QString::fromLatin1(spec.name), -12)
                        .arg(translated(spec.summary));
    text += QCoreApplication::translate(
            "CommandLine",
            "\n`tether COMMAND --help` describes one command.\n\n"
            "Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 reconnect needed,\n"
            "4 temporary failure (try again later), 5 keychain unavailable or locked,\n"
            "6 the program asking was not allowed to take the token.\n");
    return text;
}

QString commandUsage(const CommandSpec &spec)
{
    return QCoreApplication::translate("CommandLine", "Usage: tether %1\n\n%2.\n")
            .arg(QString::fromUtf8(spec.synopsis), translated(spec.summary));
}

} // namespace

CommandLine::CommandLine(AccountBackend &backend, AccountEditor *signIn, CommandIo &io,
                         const Clock &clock, QObject *parent)
    : QObject(parent), m_backend(backend), m_signIn(signIn), m_io(io), m_clock(clock)
{ }

CommandLine::~CommandLine() = default;

QString CommandLine::commandOf(const QStringList &arguments)
{
    QString first = arguments.value(1);
    if (first.isEmpty() || first.startsWith(QLatin1Char('-')))
        return needsNoAccounts(arguments) ? first : QString();
    return first; // a command, or an unknown word that start() reports
}

bool CommandLine::needsNoAccounts(const QStringList &arguments)
{
    QString first = arguments.value(1);
    return first == QLatin1String("--version") || first == QLatin1String("-v")
           || first == QLatin1String("--help") || first == QLatin1String("-h")
           || (!first.startsWith(QLatin1Char('-'))
               && (arguments.contains(QLatin1String("--help"))
                   || arguments.contains(QLatin1String("-h")) || !findCommand(first)
                   || first == QLatin1String("providers")));
}

void CommandLine::start(const QStringList &arguments)
{
    // Deferred, so that commandFinished always arrives inside the event loop.
    QTimer::singleShot(0, this, [this, arguments] {
        QString first = arguments.value(1);
        if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
            // not translated: the version line is read by scripts
            m_io.line(QStringLiteral("tether %1").arg(QCoreApplication::applicationVersion()));
            return exitWith(0);
        }
        if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
            m_io.writeOut(usage().toUtf8());
            return exitWith(0);
        }
        const CommandSpec *spec = findCommand(first);
        if (!spec) {
            m_io.error(tr("unknown command \"%1\"; `tether --help` lists the commands")
                               .arg(first.left(60)));
            return exitWith(2);
        }
        run(*spec, arguments.mid(2));
    });
}

void CommandLine::run(const CommandSpec &spec, const QStringList &arguments)
{
    m_spec = &spec;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    for (const CommandSpec::Option &option : spec.options) {
        parser.addOption(option.value ? QCommandLineOption(QString::fromLatin1(option.name), {},
                                                           QString::fromLatin1(option.value))
                                      : QCommandLineOption(QString::fromLatin1(option.name)));
    }
    if (!parser.parse(QStringList{QStringLiteral("tether")} + arguments)) {
        QString why = parser.errorText();
        if (why.endsWith(QLatin1Char('.')))
            why.chop(1);
        m_io.error(tr("%1; see `tether %2 --help`").arg(why, QString::fromLatin1(spec.name)));
        return exitWith(2);
    }
    if (parser.isSet(help)) {
        m_io.writeOut(commandUsage(spec).toUtf8());
        return exitWith(0);
    }
    const bool all = QLatin1String(spec.name) == QLatin1String("refresh")
                     && parser.isSet(QStringLiteral("all"));
    // `access list ID` and `access VERB ID PROGRAM`: the account comes second.
    const bool access = QLatin1String(spec.name) == QLatin1String("access");
    const bool listing = access && parser.positionalArguments().value(0) == QLatin1String("list");
    const int expected = all ? 0 : listing ? 2 : spec.positionals;
    if (parser.positionalArguments().size() != expected || !spec.handler) {
        m_io.error(tr("usage: tether %1").arg(QString::fromUtf8(spec.synopsis).simplified()));
        return exitWith(2);
    }
    m_account = expected > 0 ? parser.positionalArguments().value(access ? 1 : 0) : QString();
    if (QLatin1String(spec.name) == QLatin1String("credential"))
        m_account = parser.value(QStringLiteral("account"));
    (this->*spec.handler)(parser);
}

QString CommandLine::id(const QCommandLineParser &parser) const
{
    return parser.positionalArguments().value(0);
}

void CommandLine::printTable(const QList<QStringList> &rows)
{
    for (const QString &line : output::table(rows))
        m_io.line(line);
}

std::optional<QString> CommandLine::readSecret()
{
    const auto data = m_io.readInput({kMaxSecretBytes, tr("Client secret: "), true});
    if (!data) {
        fail(Failure::badInput(tr("the client secret on standard input is missing or longer "
                                  "than 64 KiB")));
        return std::nullopt;
    }
    QString text = QString::fromUtf8(*data);
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    if (text.isEmpty()) {
        fail(Failure::badInput(tr("--client-secret-stdin was given but standard input was "
                                  "empty")));
        return std::nullopt;
    }
    return text;
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
    QList<QStringList> rows{{tr("ID"), tr("NAME"), tr("BODY"), tr("AUTH"), tr("REFRESH TOKEN")}};
    for (const ProviderProfile &p : m_backend.catalog().profiles())
        rows.append({p.id, p.name, nameOf(p.body), nameOf(p.clientAuth),
                     output::profileRefreshSummary(p)});
    printTable(rows);
    exitWith(0);
}

void CommandLine::add(const QCommandLineParser &parser)
{
    AccountConfig config;
    config.id = id(parser);
    config.provider = parser.value(QStringLiteral("provider"));
    if (config.provider.isEmpty())
        return fail(Failure::badInput(tr("--provider is required; `tether providers` lists "
                                         "them")));
    config.name = parser.value(QStringLiteral("name"));
    config.clientId = parser.value(QStringLiteral("client-id"));
    config.tokenEndpoint = parser.value(QStringLiteral("token-endpoint"));
    config.authorizationEndpoint = parser.value(QStringLiteral("authorization-endpoint"));
    config.revocationEndpoint = parser.value(QStringLiteral("revocation-endpoint"));
    config.deviceAuthorizationEndpoint =
            parser.value(QStringLiteral("device-authorization-endpoint"));
    config.issuer = parser.value(QStringLiteral("issuer"));
    config.scope = parser.value(QStringLiteral("scope")).simplified();
    config.redirectUri = parser.value(QStringLiteral("redirect-uri"));
    config.allowInsecureHttp = parser.isSet(QStringLiteral("allow-insecure-http"));

    std::optional<QString> secret;
    if (parser.isSet(QStringLiteral("client-secret-stdin"))) {
        secret = readSecret();
        if (!secret)
            return;
    }
    const ProviderProfile *profile = m_backend.catalog().find(config.provider);
    if (parser.isSet(QStringLiteral("client-auth"))) {
        config.clientAuth = clientAuthFromString(parser.value(QStringLiteral("client-auth")));
        if (!config.clientAuth)
            return fail(Failure::badInput(tr("--client-auth must be basic, post or none")));
    } else if (profile && profile->discovery && !config.tokenEndpoint.isEmpty()) {
        // A generic provider without discovery: the client is registered as confidential
        // exactly when it has a secret. (With discovery, the server's metadata decides.)
        config.clientAuth = secret ? ClientAuth::Basic : ClientAuth::None;
    }
    if (config.scope.isEmpty() && profile)
        config.scope = profile->defaultScopes.join(QLatin1Char(' '));
    // Checked here too, so that a mistake is named by its option, wherever the account goes.
    const bool discovery = profile && profile->discovery && config.tokenEndpoint.isEmpty();
    if (auto invalid = validateAccount(m_backend.catalog(), config, secret && !secret->isEmpty(),
                                       discovery))
        return fail(*invalid);

    m_backend.addAccount(config, secret, {this, [this, config](const Outcome &outcome) {
                                              for (const QString &note : outcome.notes)
                                                  m_io.warning(note);
                                              if (outcome.failure)
                                                  return fail(*outcome.failure);
                                              m_io.line(tr("added %1; next: `tether connect %1` "
                                                           "or `tether import %1`")
                                                                .arg(config.id));
                                              exitWith(0);
                                          }});
}

void CommandLine::edit(const QCommandLineParser &parser)
{
    AccountEdit edit;
    auto text = [&](const char *option, std::optional<QString> &field) {
        const QString name = QString::fromLatin1(option);
        if (parser.isSet(name))
            field = parser.value(name).trimmed();
    };
    text("name", edit.name);
    text("client-id", edit.clientId);
    text("issuer", edit.issuer);
    text("token-endpoint", edit.tokenEndpoint);
    text("authorization-endpoint", edit.authorizationEndpoint);
    text("revocation-endpoint", edit.revocationEndpoint);
    text("device-authorization-endpoint", edit.deviceAuthorizationEndpoint);
    text("redirect-uri", edit.redirectUri);
    if (parser.isSet(QStringLiteral("scope")))
        edit.scope = parser.value(QStringLiteral("scope")).simplified();
    if (parser.isSet(QStringLiteral("client-auth"))) {
        const QString value = parser.value(QStringLiteral("client-auth"));
        if (value == QLatin1String("profile")) {
            edit.clientAuth = std::optional<ClientAuth>();
        } else if (const auto auth = clientAuthFromString(value)) {
            edit.clientAuth = auth;
        } else {
            return fail(Failure::badInput(tr("--client-auth must be basic, post, none or "
                                             "profile")));
        }
    }
    if (parser.isSet(QStringLiteral("allow-insecure-http"))
        && parser.isSet(QStringLiteral("deny-insecure-http")))
        return fail(Failure::badInput(tr("give --allow-insecure-http or --deny-insecure-http, "
                                         "not both")));
    if (parser.isSet(QStringLiteral("allow-insecure-http")))
        edit.allowInsecureHttp = true;
    if (parser.isSet(QStringLiteral("deny-insecure-http")))
        edit.allowInsecureHttp = false;
    if (parser.isSet(QStringLiteral("client-secret-stdin"))) {
        edit.clientSecret = readSecret();
        if (!edit.clientSecret)
            return;
    }
    if (edit.isEmpty())
        return fail(Failure::badInput(tr("nothing to change; `tether edit --help` lists what "
                                         "can be")));
    m_backend.editAccount(id(parser), edit, {this, [this](const Outcome &o) { finish(o); }});
}

void CommandLine::list(const QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    m_backend.listAccounts(
            {this, [this, json](const AccountList &list) {
                 if (list.failure)
                     return fail(*list.failure);
                 if (json) {
                     QJsonArray array;
                     for (const Account &a : list.accounts)
                         array.append(output::statusJson(a));
                     m_io.writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
                     return exitWith(0);
                 }
                 if (list.accounts.isEmpty()) {
                     m_io.line(tr("No accounts yet. Add one with `tether add ID "
                                  "--provider P --client-id C`; `tether "
                                  "providers` lists the providers."));
                     return exitWith(0);
                 }
                 const QDateTime now = m_clock.nowUtc();
                 QList<QStringList> rows{{tr("ID"), tr("PROVIDER"), tr("STATE"), tr("ACCESS TOKEN"),
                                          tr("REFRESH TOKEN")}};
                 for (const Account &a : list.accounts)
                     rows.append({a.config.id, a.config.provider, nameOf(a.status.state),
                                  output::accessTokenSummary(a, now),
                                  output::refreshTokenSummary(a, now)});
                 printTable(rows);
                 exitWith(0);
             }});
}

void CommandLine::status(const QCommandLineParser &parser)
{
    const QString wanted = id(parser);
    const bool json = parser.isSet(QStringLiteral("json"));
    m_backend.listAccounts({this, [this, wanted, json](const AccountList &list) {
                                if (list.failure)
                                    return fail(*list.failure);
                                const Account *account = findAccount(list.accounts, wanted);
                                if (!account)
                                    return fail(unknownAccount(wanted));
                                if (json) {
                                    m_io.writeOut(QJsonDocument(output::statusJson(*account))
                                                          .toJson(QJsonDocument::Indented));
                                    return exitWith(0);
                                }
                                for (const QString &line :
                                     output::statusLines(*account, m_clock.nowUtc()))
                                    m_io.line(line);
                                exitWith(0);
                            }});
}

void CommandLine::importTokens(const QCommandLineParser &parser)
{
    const auto data = m_io.readInput({kMaxResponseBytes, tr("Token response (JSON): "), false});
    if (!data)
        return fail(Failure::badInput(tr("the token response on standard input is missing or "
                                         "larger than 1 MiB"),
                                      QStringLiteral("malformed_json")));
    const QString account = id(parser);
    m_backend.importTokens(account, *data,
                           {this, [this, account](const Outcome &outcome) {
                                if (outcome.ok())
                                    return finish(
                                            Outcome::done(tr("imported tokens for %1").arg(account),
                                                          outcome.notes));
                                finish(outcome);
                            }});
}

void CommandLine::refresh(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("all")))
        return refreshNext({id(parser)}, 0);
    m_backend.listAccounts({this, [this](const AccountList &list) {
                                if (list.failure)
                                    return fail(*list.failure);
                                QStringList ids;
                                for (const Account &a : list.accounts) {
                                    if (a.status.hasTokens)
                                        ids << a.config.id;
                                }
                                refreshNext(ids, 0);
                            }});
}

void CommandLine::refreshNext(QStringList ids, int worst)
{
    if (ids.isEmpty())
        return exitWith(worst);
    const QString account = ids.takeFirst();
    m_backend.refresh(
            account,
            {this, [this, account, ids, worst](const RefreshReply &reply) {
                 for (const QString &note : reply.notes)
                     m_io.warning(QStringLiteral("%1: %2").arg(account, note));
                 int code = 0;
                 if (reply.failure) {
                     m_io.error(lineFor(*reply.failure, account));
                     code = exitCodeFor(*reply.failure);
                 } else {
                     m_io.line((reply.exchanged ? tr("%1: refreshed; access token valid until %2")
                                                : tr("%1: refreshed by another process; access "
                                                     "token valid until %2"))
                                       .arg(account, humantime::instant(reply.accessExpiresAt)));
                 }
                 refreshNext(ids, worst ? worst : code);
             }});
}

void CommandLine::token(const QCommandLineParser &parser)
{
    const QString sasl = parser.value(QStringLiteral("sasl"));
    const QString user = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("user")) && !parser.isSet(QStringLiteral("sasl")))
        return fail(Failure::badInput(tr("--user goes with --sasl xoauth2 or --sasl oauthbearer")));
    if (parser.isSet(QStringLiteral("sasl"))) {
        if (sasl != QLatin1String("xoauth2") && sasl != QLatin1String("oauthbearer"))
            return fail(Failure::badInput(tr("--sasl must be xoauth2 or oauthbearer")));
        const bool plain = std::none_of(user.cbegin(), user.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        });
        if (user.isEmpty() || !plain || user.size() > 320)
            return fail(Failure::badInput(tr("--sasl needs --user with the mail address to log "
                                             "in as")));
    }
    m_backend.accessToken(id(parser),
                          {this, [this, sasl, user](const TokenReply &reply) {
                               if (reply.failure)
                                   return fail(*reply.failure);
                               for (const QString &note : reply.notes)
                                   m_io.warning(note);
                               if (sasl.isEmpty()) {
                                   m_io.line(reply.accessToken);
                                   return exitWith(0);
                               }
                               m_io.writeOut(saslInitialResponse(sasl, user, reply.accessToken)
                                             + '\n');
                               exitWith(0);
                           }});
}

QByteArray CommandLine::saslInitialResponse(const QString &mechanism, const QString &user,
                                            const QString &token)
{
    const QByteArray bearer = "auth=Bearer " + token.toUtf8() + "\x01\x01";
    if (mechanism == QLatin1String("xoauth2")) // Google's and Microsoft's XOAUTH2
        return QByteArray("user=" + user.toUtf8() + '\x01' + bearer).toBase64();
    // RFC 7628 OAUTHBEARER: a GS2 header naming the user (RFC 5801 escapes ',' and '=').
    QByteArray authzid = user.toUtf8();
    authzid.replace('=', "=3D").replace(',', "=2C");
    return QByteArray("n,a=" + authzid + ",\x01" + bearer).toBase64();
}

void CommandLine::connectAccount(const QCommandLineParser &parser)
{
    const bool device = parser.isSet(QStringLiteral("device"));
    if (device && parser.isSet(QStringLiteral("no-browser")))
        return fail(Failure::badInput(tr("give --no-browser or --device, not both")));
    if (!m_signIn)
        return fail(Failure::unexpected(tr("this process cannot sign in")));
    const bool noBrowser = parser.isSet(QStringLiteral("no-browser"));
    auto *signIn = new SignIn(
            *m_signIn, id(parser), device ? SignIn::Method::Device : SignIn::Method::Browser,
            noBrowser || device ? BrowserOpener() : BrowserOpener(openInBrowser), this);
    auto lastNotice = std::make_shared<QString>();
    connect(signIn, &SignIn::signInProgressed, this,
            [this, lastNotice,
             shown = std::make_shared<bool>(false)](const SignInProgress &progress) mutable {
                // Progress goes to stdout; stderr carries only the one line of a failure.
                if (!*shown) {
                    *shown = true;
                    if (progress.device) {
                        const DeviceCode &code = *progress.device;
                        m_io.line(tr("To sign in, open %1 on any device and enter the code %2")
                                          .arg(code.verificationUri.toString(QUrl::FullyEncoded),
                                               code.userCode));
                        if (!code.verificationUriComplete.isEmpty())
                            m_io.line(tr("or open %1 (the code is filled in)")
                                              .arg(code.verificationUriComplete.toString(
                                                      QUrl::FullyEncoded)));
                        m_io.line(tr("The code expires at %1; waiting (Ctrl-C cancels).")
                                          .arg(humantime::instant(code.expiresAt)));
                    } else if (progress.browserOpened) {
                        m_io.line(tr("Sign in in the browser window that opened; waiting "
                                     "(Ctrl-C cancels)."));
                    } else {
                        m_io.line(progress.url.toString(QUrl::FullyEncoded));
                        m_io.line(tr("Open the address above in a browser to sign in; "
                                     "waiting (Ctrl-C cancels)."));
                    }
                }
                if (!progress.notice.isEmpty() && progress.notice != *lastNotice) {
                    *lastNotice = progress.notice;
                    m_io.line(progress.notice);
                }
            });
    connect(signIn, &SignIn::signInFinished, this,
            [this](const Outcome &outcome) { finish(outcome); });
    signIn->start();
}

void CommandLine::disconnectAccount(const QCommandLineParser &parser)
{
    m_backend.disconnectAccount(id(parser), {this, [this](const Outcome &o) { finish(o); }});
}

void CommandLine::remove(const QCommandLineParser &parser)
{
    m_backend.removeAccount(id(parser), {this, [this](const Outcome &o) { finish(o); }});
}

void CommandLine::credential(const QCommandLineParser &parser)
{
    // git writes its request and closes the pipe before it reads the answer: read it all first,
    // whatever the operation.
    const auto input = m_io.readInput({kMaxCredentialRequestBytes, {}, false});
    const QString operation = parser.positionalArguments().value(0);
    const QString account = parser.value(QStringLiteral("account"));
    const QString username = parser.isSet(QStringLiteral("username"))
                                     ? parser.value(QStringLiteral("username"))
                                     : QStringLiteral("oauth2");
    if (operation != QLatin1String("get") && operation != QLatin1String("store")
        && operation != QLatin1String("erase"))
        return fail(Failure::badInput(tr("unknown credential operation \"%1\": git asks get, "
                                         "store or erase")
                                              .arg(operation.left(40))));
    if (account.isEmpty())
        return fail(Failure::badInput(tr("name the account in git's helper setting: "
                                         "credential.helper '!tether credential --account ID'")));
    if (!input)
        return fail(Failure::badInput(tr("git's request on standard input is missing or larger "
                                         "than 64 KiB")));
    if (username.isEmpty() || username.contains(QLatin1Char('\n')) || username.contains(QChar(0)))
        return fail(Failure::badInput(tr("--username must be one line of text")));
    if (operation == QLatin1String("store"))
        return exitWith(0); // Tether keeps the tokens itself; git's copy is not needed
    if (operation == QLatin1String("erase")) {
        // git was refused with the token: a refresh brings a new one, or finds that the sign-in
        // ended (the account then waits for a reconnect). The account is never deleted.
        m_backend.refresh(account, {this, [this, account](const RefreshReply &reply) {
                                        if (reply.failure)
                                            m_io.warning(lineFor(*reply.failure, account));
                                        exitWith(0); // git does not act on erase's outcome
                                    }});
        return;
    }
    const QHash<QString, QString> request = credentialAttributes(*input);
    // Basic authentication over plain http would carry the token in clear text.
    if (request.value(QStringLiteral("protocol")) == QLatin1String("http")
        && !isLoopbackHost(request.value(QStringLiteral("host"))))
        return fail(Failure::badInput(
                tr("git asks for the token of %1 to send it over plain http to %2, where anyone "
                   "on the way could read it; use the https address of the repository")
                        .arg(account, request.value(QStringLiteral("host")).left(200))));
    m_backend.accessToken(
            account, {this, [this, username](const TokenReply &reply) {
                          if (reply.failure)
                              return fail(*reply.failure);
                          for (const QString &note : reply.notes)
                              m_io.warning(note);
                          // git's pipe alone carries the token.
                          QByteArray answer = "username=" + username.toUtf8()
                                              + "\npassword=" + reply.accessToken.toUtf8() + '\n';
                          if (reply.expiresAt.isValid())
                              answer += "password_expiry_utc="
                                        + QByteArray::number(reply.expiresAt.toSecsSinceEpoch())
                                        + '\n';
                          m_io.writeOut(answer);
                          exitWith(0);
                      }});
}

void CommandLine::access(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    const QString verb = words.value(0);
    const QString account = words.value(1);
    if (verb == QLatin1String("list")) {
        const bool json = parser.isSet(QStringLiteral("json"));
        return m_backend.listAccess(
                account,
                {this, [this, account, json](const AccessReply &reply) {
                     if (reply.failure)
                         return fail(*reply.failure);
                     if (json) {
                         QJsonArray array;
                         for (const AccessDecision &d : reply.decisions)
                             array.append(output::accessJson(d));
                         m_io.writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
                         return exitWith(0);
                     }
                     if (reply.decisions.isEmpty()) {
                         m_io.line(tr("No program has been allowed or denied the token "
                                      "of %1: any program but Tether's window and "
                                      "commands typed in a terminal is asked first.")
                                           .arg(account));
                         return exitWith(0);
                     }
                     QList<QStringList> rows{{tr("PROGRAM"), tr("DECISION"), tr("SINCE"),
                                              tr("LAST TOOK THE TOKEN"), tr("HOW")}};
                     for (const AccessDecision &d : reply.decisions)
                         rows.append(output::accessRow(d));
                     printTable(rows);
                     exitWith(0);
                 }});
    }
    std::optional<AccessDecision::Verdict> verdict;
    if (verb == QLatin1String("allow"))
        verdict = AccessDecision::Verdict::Allow;
    else if (verb == QLatin1String("deny"))
        verdict = AccessDecision::Verdict::Deny;
    else if (verb != QLatin1String("forget"))
        return fail(Failure::badInput(tr("unknown access command \"%1\": list, allow, deny or "
                                         "forget")
                                              .arg(verb.left(40))));
    if (parser.isSet(QStringLiteral("json")))
        return fail(Failure::badInput(tr("--json goes with `tether access list`")));
    const QString program = programFromWord(words.value(2));
    if (auto bad = AccessList::checkProgram(program))
        return fail(*bad);
    m_backend.setAccess(account, program, verdict,
                        {this, [this](const Outcome &outcome) { finish(outcome); }});
}

QString CommandLine::programFromWord(const QString &word)
{
    // A program as decisions name it: /proc's executable path, which has no symbolic links
    // (python3 is /usr/bin/python3.11 there). A bare name is looked up on PATH.
    if (!word.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(word);
        if (found.isEmpty())
            return word; // a Flatpak app id, or a name checkProgram explains
        const QString canonical = QFileInfo(found).canonicalFilePath();
        return canonical.isEmpty() ? found : canonical;
    }
    const QString canonical = QFileInfo(word).canonicalFilePath();
    return canonical.isEmpty() ? word : canonical;
}

void CommandLine::finish(const Outcome &outcome)
{
    for (const QString &note : outcome.notes)
        m_io.warning(note);
    if (outcome.failure)
        return fail(*outcome.failure);
    if (!outcome.summary.isEmpty())
        m_io.line(outcome.summary);
    exitWith(0);
}

QString CommandLine::lineFor(const Failure &failure, const QString &account) const
{
    QString line = failure.message;
    // Where the failure is about a setting, point at the option that sets it.
    if (!failure.field.isEmpty() && !line.contains(QLatin1String("--") + failure.field)) {
        const QString name = m_spec ? QString::fromLatin1(m_spec->name) : QString();
        if (name == QLatin1String("add") || name == QLatin1String("edit") || account.isEmpty())
            line += QStringLiteral(" (--%1)").arg(failure.field);
        else
            line += tr("; change it with `tether edit %1 --%2`").arg(account, failure.field);
    }
    return line;
}

void CommandLine::fail(const Failure &failure)
{
    m_io.error(lineFor(failure, m_account));
    exitWith(exitCodeFor(failure));
}

void CommandLine::exitWith(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT commandFinished(code);
}

} // namespace tether
