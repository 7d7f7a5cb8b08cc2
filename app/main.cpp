#include "cli/commandline.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));

    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QStringList command = arguments;
    if (!tether::CommandLine::isCommand(arguments)) {
        // The window arrives with the desktop issue; until then `tether` shows the accounts.
        command = QStringList{arguments.value(0), QStringLiteral("list")};
    }
    tether::CommandLine cli;
    QObject::connect(&cli, &tether::CommandLine::commandFinished, &app, &QCoreApplication::exit);
    cli.start(command);
    return app.exec();
}
