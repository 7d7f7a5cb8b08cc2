// `tether --demo`: the window on the embedded demo provider, with a session service of its own
// inside this process. A module of its own (libtether-demo.so), so that the everyday window
// (guientry.cpp) loads no engine: no network stack, no keychain library, no demo server.
#include "backend/systemengine.h"
#include "core/clock.h"
#include "core/paths.h"
#include "demo/demosession.h"
#include "service/inprocessservice.h"
#include "service/sessionservice.h"
#include "system/browser.h"
#include "ui/guiapp.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDesktopServices>
#include <QMessageBox>

#include <cstdio>

namespace {

using namespace tether;

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
    return app.exec();
}

} // namespace

extern "C" Q_DECL_EXPORT int tether_run_demo(int argc, char **argv)
{
    return tether::startGui(argc, argv, runDemo);
}
