#include "guiapp.h"

#include "accounts/localengine.h"
#include "control/controlclient.h"
#include "control/controlserver.h"
#include "core/paths.h"
#include "demo/demosession.h"
#include "refresh/backgroundservice.h"
#include "refresh/refreshservice.h"
#include "ui/mainwindow.h"
#include "ui/trayicon.h"

#include <QApplication>
#include <QDesktopServices>
#include <QMessageBox>

#include <cstdio>

namespace tether {

int runGui(QApplication &app, bool hidden, bool demo)
{
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.tether.Tether.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tether.Tether"));
    if (demo)
        paths::setProfileName(QStringLiteral("demo"));

    if (ControlServer::anotherInstanceRuns()) {
        // A second `tether` raises the first and leaves.
        ControlClient client;
        QObject::connect(&client, &ControlClient::answered, &app, [&] { app.exit(0); });
        QObject::connect(&client, &ControlClient::unreachable, &app, [&] { app.exit(0); });
        client.send({{}, std::nullopt, true});
        return app.exec();
    }

    BackgroundService background(demo ? QStringList{QStringLiteral(":/demo")} : QStringList());
    QString error;
    if (!background.listen(&error)) {
        std::fprintf(stderr, "tether: %s\n", qPrintable(error));
        return 1;
    }
    LocalEngine &engine = background.engine();
    RefreshService &service = background.service();

    // The user's browser: $BROWSER when set (as on the command line), else the desktop's default.
    const BrowserOpener opener = [](const QUrl &url) {
        return qEnvironmentVariableIsSet("BROWSER") ? openInBrowser(url)
                                                    : QDesktopServices::openUrl(url);
    };
    MainWindow window(service, *engine.service(), SystemClock::instance(), opener);
    if (demo)
        window.setWindowTitle(QObject::tr("Tether — demo"));

    auto quit = [&] { background.quit(); };
    QObject::connect(&window, &MainWindow::quitRequested, &app, quit);
    QObject::connect(&background.server(), &ControlServer::raiseRequested, &window, [&] {
        std::fputs("tether: raised by a second start\n", stderr);
        window.showAccount(window.selectedId());
    });

    std::unique_ptr<TrayIcon> tray;
    if (TrayIcon::isAvailable()) {
        tray = std::make_unique<TrayIcon>(service, window);
        window.setKeepRunningInTray(true);
        QObject::connect(tray.get(), &TrayIcon::quitRequested, &app, quit);
    }

    DemoSession *session = nullptr;
    if (demo) {
        session = new DemoSession(*engine.service(), engine.registry(), &app);
        session->start([&](const QString &problem) {
            if (!problem.isEmpty()) {
                std::fprintf(stderr, "tether: %s\n", qPrintable(problem));
                auto *box = new QMessageBox(QMessageBox::Warning, QObject::tr("Tether demo"),
                                            problem, QMessageBox::Close, &window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            background.start();
        });
    } else {
        background.start();
    }
    if (!hidden)
        window.show();
    std::fprintf(stderr, "tether: running%s (pid %lld)\n", hidden ? " in the background" : "",
                 qint64(QCoreApplication::applicationPid()));
    return app.exec();
}

} // namespace tether
