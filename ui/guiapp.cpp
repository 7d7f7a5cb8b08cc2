#include "guiapp.h"

#include "accounts/accountregistry.h"
#include "backend/busclient.h"
#include "backend/busnames.h"
#include "backend/systemengine.h"
#include "core/clock.h"
#include "core/paths.h"
#include "core/translations.h"
#include "demo/demosession.h"
#include "refresh/refreshcoordinator.h"
#include "service/inprocessservice.h"
#include "service/sessionservice.h"
#include "ui/lazyiconstyle.h"
#include "ui/mainwindow.h"
#include "ui/windowadaptor.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDesktopServices>
#include <QMessageBox>

#include <cstdio>

namespace tether {

namespace {

// The user's browser: $BROWSER when set (as on the command line), else the desktop's default.
bool openUrl(const QUrl &url)
{
    return qEnvironmentVariableIsSet("BROWSER") ? openInBrowser(url)
                                                : QDesktopServices::openUrl(url);
}

int runDemo(QApplication &app)
{
    paths::setProfileName(QStringLiteral("demo"));
    SessionService service({{QStringLiteral(":/demo")}, openUrl, false, false});
    MainWindow window(service.backend(), SystemClock::instance());
    window.setWindowTitle(QObject::tr("Tether — demo"));
    window.setEndsWithWindow(QObject::tr("Demo: closing the window ends it"));
    QObject::connect(&service, &SessionService::windowRequested, &window,
                     [&window](const QString &id, bool edit) {
                         window.showAccount(id);
                         if (edit)
                             window.editAccountWithId(id);
                     });
    QObject::connect(&service, &SessionService::quitting, &window, &QWidget::close);

    auto *session =
            new DemoSession(service.backend().accounts(), service.engine().registry(), &app);
    session->start([&](const QString &problem) {
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "tether: %s\n", qPrintable(problem));
            auto *box = new QMessageBox(QMessageBox::Warning, QObject::tr("Tether demo"), problem,
                                        QMessageBox::Close, &window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        service.start();
        window.reload();
    });
    window.show();
    std::fprintf(stderr, "tether: running the demo (pid %lld)\n",
                 qint64(QCoreApplication::applicationPid()));
    const int code = app.exec();
    // Stop the demo's refreshes cleanly: they may be storing a rotated token.
    return code;
}

} // namespace

int runGui(QApplication &app, bool demo)
{
    // Before the first widget, which would make Qt choose a style of its own.
    QApplication::setStyle(new LazyIconStyle);
    installTranslations(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.tether.Tether.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tether.Tether"));
    if (demo)
        return runDemo(app);

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
