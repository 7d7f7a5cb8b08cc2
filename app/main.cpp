#include "accounts/localengine.h"
#include "cli/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));

    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QStringList command = arguments;
    if (!tether::CommandLine::isCommand(arguments))
        command = QStringList{arguments.value(0), QStringLiteral("list")};

    tether::LocalEngine engine;
    tether::ConsoleIo io;
    tether::CommandLine cli(*engine.service(), io, tether::SystemClock::instance());
    QObject::connect(&cli, &tether::CommandLine::commandFinished, &app, &QCoreApplication::exit);
    cli.start(command);
    return app.exec();
}
