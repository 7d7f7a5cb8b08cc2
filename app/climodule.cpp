// Everything `tether` does beyond its own fast path (main.cpp): every command, the session
// service, and starting it in the background. Loaded by the executable as libtether-cli.so.

#include "accounts/accountregistry.h"
#include "backend/busclient.h"
#include "backend/localbackend.h"
#include "backend/systemengine.h"
#include "cli/commandline.h"
#include "cli/quicktoken.h"
#include "core/clock.h"
#include "core/paths.h"
#include "core/translations.h"
#include "providers/providercatalog.h"
#include "refresh/heldsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/keychainwatch.h"
#include "service/sessionservice.h"
#include "system/hardening.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace tether;

namespace {

constexpr int kHeldWaitMs = 120'000;

// The command line prints its one line per failure and nothing else: Qt's and Tether's own log
// lines stay off stderr unless TETHER_DEBUG asks for them.
void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const bool debug = qEnvironmentVariableIsSet("TETHER_DEBUG");
    if (debug || type == QtFatalMsg)
        std::fprintf(stderr, "%s: %s\n", context.category ? context.category : "qt",
                     qPrintable(message));
}

// A token set the keychain would not take is held in memory (HeldSecretStore): before this
// process ends, give the keychain a bounded while to come back, saying so when someone is at the
// terminal. Returns false if the set is lost with the process.
void awaitHeldSets(QCoreApplication &app, SystemEngine &engine, int code)
{
    HeldSecretStore *held = engine.held();
    if (held->heldAccounts().isEmpty())
        return app.exit(code);
    // Said even when nobody watches a terminal: a script's log should show why it waited.
    ConsoleIo().warning(QCoreApplication::translate("CommandLine",
                                                    "the keychain would not take the new tokens "
                                                    "of %1; they are held in memory: unlock the "
                                                    "keychain (waiting up to two minutes)")
                                .arg(held->heldAccounts().join(QStringLiteral(", "))));
    auto *watch = new KeychainWatch(&app);
    QObject::connect(watch, &KeychainWatch::keychainChanged, held, &HeldSecretStore::retry);
    auto check = [&app, held, code] {
        if (held->heldAccounts().isEmpty())
            app.exit(code);
    };
    QObject::connect(held, &HeldSecretStore::heldSetStored, &app, check);
    QObject::connect(held, &HeldSecretStore::heldSetDropped, &app, check);
    QTimer::singleShot(kHeldWaitMs, &app, [&app, held] {
        ConsoleIo io;
        io.error(QCoreApplication::translate("CommandLine",
                                             "the keychain stayed locked: the new tokens of %1 "
                                             "were lost with this command, and the account must "
                                             "be reconnected; unlock the keychain first")
                         .arg(held->heldAccounts().join(QStringLiteral(", "))));
        app.exit(5);
    });
    held->retry();
}

// `tether token ID` while the service owns its name but does not answer (stopped): the stored
// token if it is good to hand out, or a keychain failure; never a refresh behind the stopped
// service's back, which may be holding newer tokens in memory.
int storedTokenOnly(QCoreApplication &app, const QString &id)
{
    const ProviderCatalog catalog = ProviderCatalog::installed();
    const AccountRegistry registry(paths::accountsFile());
    KeychainSecretStore secrets(paths::keychainService());
    QuickToken quick(registry, catalog, secrets, SystemClock::instance());
    int code = 0;
    QObject::connect(&quick, &QuickToken::quickTokenFinished, &app,
                     [&app, &code](const std::optional<QString> &token,
                                   const std::optional<Failure> &failure) {
                         ConsoleIo io;
                         if (failure) {
                             io.error(failure->message);
                             code = exitCodeFor(*failure);
                         } else if (!token) {
                             io.error(QCoreApplication::translate(
                                     "TokenModule",
                                     "Tether's service is running but does not answer (it may be "
                                     "stopped), and the stored access token is not good to hand "
                                     "out; try again, or end the stopped service and run the "
                                     "command again"));
                             code = exitCodeFor(FailureKind::Temporary);
                         } else {
                             io.line(*token);
                         }
                         app.quit();
                     });
    quick.start(id);
    app.exec();
    return code;
}

// `known`: the service's presence when the executable found it out already (`token`).
int runCommand(QCoreApplication &app, const QStringList &arguments,
               std::optional<BusClient::Presence> known = std::nullopt)
{
    installTranslations(app);
    qInstallMessageHandler(quietMessages);
    ConsoleIo io;
    SystemEngine engine(false);
    LocalBackend local(engine.engine());
    // A sign-in runs here, where the person and the browser are; everything else goes to the
    // session's service when it runs, so that it shares its locks, schedule and tokens.
    const QString command = CommandLine::commandOf(arguments);
    bool alone = CommandLine::needsNoAccounts(arguments) || command == QLatin1String("connect");
    if (!alone) {
        // A service that owns its name but does not answer (stopped) would make every call wait
        // its whole timeout: work alone, under the same per-account locks, and say so.
        const BusClient::Presence service = known ? *known : BusClient::probe();
        alone = service != BusClient::Presence::Answers;
        if (service == BusClient::Presence::Silent && command == QLatin1String("token")
            && arguments.size() == 3 && !arguments.at(2).startsWith(QLatin1Char('-'))) {
            refuseTracing();
            return storedTokenOnly(app, arguments.at(2));
        }
        if (service == BusClient::Presence::Silent)
            io.warning(QCoreApplication::translate(
                    "CommandLine", "Tether's service is running but does not answer (it may be "
                                   "stopped); working without it"));
    }
    // Working alone, nobody needs to tell who this process is: it refuses tracing like the
    // service. A client of the service stays identifiable (docs/security.md).
    if (alone)
        refuseTracing();
    std::unique_ptr<BusClient> client =
            alone ? nullptr : std::make_unique<BusClient>(engine.catalog());
    AccountBackend &backend = client ? static_cast<AccountBackend &>(*client) : local;
    CommandLine commandLine(backend, &local.accounts(), io, SystemClock::instance());
    QObject::connect(&commandLine, &CommandLine::commandFinished, &app,
                     [&app, &engine](int code) { awaitHeldSets(app, engine, code); });
    commandLine.start(arguments);
    return app.exec();
}

// `tether service`: the session service in the foreground (the systemd user unit, D-Bus
// activation and the window all run this).
int runService(QCoreApplication &app)
{
    hardenProcess();
    installTranslations(app);
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    SessionService service({});
    QString error;
    const auto registration = service.registerOnBus(&error);
    if (registration != SessionService::Registration::Registered) {
        std::fprintf(stderr, "tether: %s\n", qPrintable(error));
        return registration == SessionService::Registration::AlreadyRunning ? 0 : 1;
    }
    service.start();
#ifdef __GLIBC__
    // Start-up parsed the registry and the profiles; their trees are freed but the heap keeps
    // the pages. The service then idles for hours: give them back once (docs/performance.md).
    malloc_trim(0);
#endif
    std::fprintf(stderr, "tether: service running (pid %lld)\n",
                 qint64(QCoreApplication::applicationPid()));
    return app.exec();
}

// `tether --hidden`: the service in the background, started the way the session starts it.
int ensureService(QCoreApplication &app)
{
    installTranslations(app);
    ProviderCatalog catalog = ProviderCatalog::installed();
    BusClient client(catalog);
    int code = 0;
    client.ensureService({&app, [&app, &code](const std::optional<Failure> &failure) {
                              ConsoleIo io;
                              if (failure) {
                                  io.error(failure->message);
                                  code = exitCodeFor(*failure);
                              } else {
                                  io.line(QCoreApplication::translate(
                                          "CommandLine", "Tether's service is running"));
                              }
                              app.quit();
                          }});
    app.exec();
    return code;
}

template<typename Run>
int withApplication(int argc, char *argv[], Run run)
{
    QCoreApplication app(argc, argv);
    return run(app);
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));
}

} // namespace

// `tether token ID` that the executable (main.cpp) asked the bus about and could not answer by
// itself: `presence` is what it found, 0 no service, 2 one that owns its name but does not
// answer (stopped); the bus is not asked again (a stopped service costs a ping's timeout).
extern "C" Q_DECL_EXPORT int tether_token_main(int argc, char *argv[], int presence)
{
    nameApplication();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto known = presence == 2 ? BusClient::Presence::Silent : BusClient::Presence::Absent;
    return withApplication(argc, argv, [&arguments, known](QCoreApplication &app) {
        return runCommand(app, arguments, known);
    });
}

// Loaded by the executable for every other command (not for the window).
extern "C" Q_DECL_EXPORT int tether_main(int argc, char *argv[])
{
    nameApplication();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = CommandLine::commandOf(arguments);
    if (command == QLatin1String("service") && arguments.size() == 2)
        return withApplication(argc, argv, [](QCoreApplication &app) { return runService(app); });
    if (!command.isEmpty())
        return withApplication(argc, argv, [&arguments](QCoreApplication &app) {
            return runCommand(app, arguments);
        });

    // What is left is `--hidden` (the window, `tether` and `tether --demo`, the executable loads
    // itself: main.cpp), or an option that is none of Tether's.
    const QStringList flags = arguments.mid(1);
    if (flags == QStringList{QStringLiteral("--hidden")})
        return withApplication(argc, argv,
                               [](QCoreApplication &app) { return ensureService(app); });
    QString unknown;
    for (const QString &flag : flags) {
        if (unknown.isEmpty() && flag != QLatin1String("--hidden")
            && flag != QLatin1String("--demo"))
            unknown = flag;
    }
    std::fprintf(stderr, "tether: unknown option \"%s\"; `tether --help` lists the commands\n",
                 qPrintable(unknown.left(60)));
    return 2;
}
