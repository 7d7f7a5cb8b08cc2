#include "guiapp.h"

#include "backend/busclient.h"
#include "backend/busnames.h"
#include "core/clock.h"
#include "core/translations.h"
#include "providers/providercatalog.h"
#include "ui/lazyiconstyle.h"
#include "ui/mainwindow.h"
#include "ui/windowadaptor.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QFontDatabase>

#include <cstdio>

namespace tether {

FontsReadAhead::FontsReadAhead() : m_thread([] { QFontDatabase::families(); }) { }

FontsReadAhead::~FontsReadAhead()
{
    m_thread.join();
}

int startGui(int argc, char **argv, int (*run)(QApplication &app))
{
    QApplication::setApplicationName(QStringLiteral("tether"));
    QApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));
    QApplication app(argc, argv);
    const FontsReadAhead fonts;
    // Before the first widget, which would make Qt choose a style of its own.
    QApplication::setStyle(new LazyIconStyle);
    installTranslations(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.tether.Tether.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tether.Tether"));
    return run(app);
}

int runGui(QApplication &app)
{
    const ProviderCatalog catalog = ProviderCatalog::installed();
    BusClient service(catalog);
    // The service prepares the list while the window is being built (docs/performance.md).
    service.prefetchAccounts();
    MainWindow window(service, SystemClock::instance());
    WindowAdaptor adaptor(window);
    if (!adaptor.claim()) {
        // A window is open already: bring it forward and leave.
        QDBusMessage show = QDBusMessage::createMethodCall(bus::kWindowService, bus::kWindowPath,
                                                           bus::kWindowInterface,
                                                           QStringLiteral("ShowAccount"));
        show << QString();
        show.setAutoStartService(false);
        auto *raised =
                new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(show), &app);
        QObject::connect(raised, &QDBusPendingCallWatcher::finished, &app, [&app] { app.exit(0); });
        std::fputs("tether: the window is open already; it was brought forward\n", stderr);
        return app.exec();
    }
    window.show();
    // Once it answers, the client says so (accountsChanged) and the window lists the accounts.
    service.ensureService({&window, [&window](const std::optional<Failure> &failure) {
                               if (failure)
                                   window.showProblem(failure->message);
                           }});
    std::fprintf(stderr, "tether: window open (pid %lld)\n",
                 qint64(QCoreApplication::applicationPid()));
    return app.exec();
}

} // namespace tether
