#include "accounts/localengine.h"
#include "cli/commandline.h"
#include "control/controlclient.h"
#include "control/controlserver.h"
#include "core/paths.h"
#include "refresh/backgroundservice.h"

#include <QCoreApplication>

#include <cstdio>

using namespace tether;

namespace {

bool answeredLocally(const QStringList &arguments)
{
    // Help and version need neither the app nor the keychain. A sign-in waits minutes for the
    // user and opens the browser from this terminal: it runs here, and the running app picks up
    // the stored tokens from the registry it watches.
    return arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))
           || arguments.value(1) == QLatin1String("connect")
           || arguments.value(1) == QLatin1String("--version")
           || arguments.value(1) == QLatin1String("-v");
}

// `tether COMMAND`: handed to the running app when there is one (so it shares the app's locks,
// schedule and in-memory tokens), else run here.
int runCommand(QCoreApplication &app, const QStringList &arguments)
{
    ConsoleIo io;
    LocalEngine *engine = nullptr;
    CommandLine *command = nullptr;
    auto runHere = [&] {
        engine = new LocalEngine(false, {}, &app);
        command = new CommandLine(*engine->service(), io, SystemClock::instance(), &app);
        QObject::connect(command, &CommandLine::commandFinished, &app, &QCoreApplication::exit);
        command->start(arguments);
    };
    if (answeredLocally(arguments)) {
        runHere();
        return app.exec();
    }

    std::optional<QByteArray> input;
    if (const auto request = CommandLine::inputFor(arguments))
        input = io.readInput(*request);
    io.setInput(input);

    ControlClient client;
    QObject::connect(&client, &ControlClient::answered, &app, [&](const control::Answer &answer) {
        io.writeOut(answer.out);
        io.writeErr(answer.err);
        app.exit(answer.exitCode);
    });
    QObject::connect(&client, &ControlClient::unreachable, &app, runHere);
    client.send({arguments.mid(1), input, false});
    return app.exec();
}

// `tether --hidden` where there is no display: the background service alone.
int runService(QCoreApplication &app)
{
    if (ControlServer::anotherInstanceRuns()) {
        ControlClient client;
        QObject::connect(&client, &ControlClient::answered, &app, [&] { app.exit(0); });
        QObject::connect(&client, &ControlClient::unreachable, &app, [&] { app.exit(0); });
        std::fputs("tether: Tether is already running\n", stderr);
        client.send({{}, std::nullopt, true});
        return app.exec();
    }

    BackgroundService background;
    QString error;
    if (!background.listen(&error)) {
        std::fprintf(stderr, "tether: %s\n", qPrintable(error));
        return 1;
    }
    background.start();
    std::fprintf(stderr, "tether: running in the background (pid %lld)\n",
                 qint64(QCoreApplication::applicationPid()));
    return app.exec();
}

// The window is a module of its own (libtether-gui.so), so that commands never load Qt Widgets.
int runWindow(int argc, char *argv[], bool hidden, bool demo)
{
    QString problems;
    using Run = int (*)(int, char **, bool, bool);
    if (auto run = reinterpret_cast<Run>(paths::moduleEntry(QStringLiteral("libtether-gui.so"),
                                                            "tether_run_gui", &problems)))
        return run(argc, argv, hidden, demo);
    std::fprintf(stderr,
                 "tether: the window module (libtether-gui.so) could not be loaded%s%s; the "
                 "commands work without it (`tether --help`)\n",
                 problems.isEmpty() ? "" : ": ", qPrintable(problems));
    return 1;
}

} // namespace

// Everything `tether` does, loaded by the executable (main.cpp) unless it answered `token`
// by itself; then the application object it made is already there and is used.
extern "C" Q_DECL_EXPORT int tether_main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (CommandLine::isCommand(arguments)) {
        if (QCoreApplication *running = QCoreApplication::instance())
            return runCommand(*running, arguments);
        QCoreApplication app(argc, argv);
        return runCommand(app, arguments);
    }

    const QStringList flags = arguments.mid(1);
    for (const QString &flag : flags) {
        if (flag != QLatin1String("--hidden") && flag != QLatin1String("--demo")) {
            std::fprintf(stderr,
                         "tether: unknown option \"%s\"; `tether --help` lists the commands\n",
                         qPrintable(flag.left(60)));
            return 2;
        }
    }
    const bool hidden = flags.contains(QLatin1String("--hidden"));
    const bool demo = flags.contains(QLatin1String("--demo"));
    const bool display = qEnvironmentVariableIsSet("DISPLAY")
                         || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
                         || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
    if (!display) {
        if (hidden && !demo) {
            // No desktop (a server, a container): the background service alone, without tray.
            QCoreApplication app(argc, argv);
            return runService(app);
        }
        std::fputs(
                "tether: no display to open the window on; `tether --hidden` runs the background "
                "service alone, and `tether --help` lists the commands\n",
                stderr);
        return 2;
    }
    return runWindow(argc, argv, hidden, demo);
}
