// The floor of the idle service's memory, for `make bench`: an empty QCoreApplication, running
// its event loop until it is terminated.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return app.exec();
}
