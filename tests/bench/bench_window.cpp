// Window start-up and memory, for `make bench`: it prints "first_frame" at the first painted frame
// that shows the accounts and the resident peak after it, for Tether's window over the accounts
// of a running service (over D-Bus, as `tether` opens it) and, as the floor, an empty
// QMainWindow in the same process set-up. `seed` writes a registry of ACCOUNTS accounts for the
// service to read.
//   bench_window tether|floor|floor-text|seed ACCOUNTS REGISTRY_DIR
#include "accounts/accountregistry.h"
#include "backend/busclient.h"
#include "core/clock.h"
#include "providers/providercatalog.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace tether;

namespace {

long peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

class FirstPaint final : public QObject
{
public:
    // ready: whether a paint now draws what counts (the rows, for Tether's window).
    explicit FirstPaint(std::function<bool()> ready = [] { return true; })
        : m_ready(std::move(ready))
    { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_ready()) {
            m_done = true;
            // The paint event arrives before anything is drawn: the frame is done when the
            // event loop next runs, after the widget painted and the backing store flushed.
            QMetaObject::invokeMethod(
                    this,
                    [this] {
                        // The driver times the process from its start to this line.
                        std::printf("first_frame\n");
                        std::fflush(stdout);
                        QTimer::singleShot(300, qApp, [] {
                            std::printf("peak_kib=%ld\n", peakKiB());
                            qApp->quit();
                        });
                    },
                    Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_ready;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString mode = app.arguments().value(1);
    const int count = app.arguments().value(2).toInt();
    const QString dir = app.arguments().value(3);

    if (mode == QLatin1String("floor") || mode == QLatin1String("floor-text")) {
        QMainWindow window;
        window.resize(860, 520);
        if (mode == QLatin1String("floor-text")) // the same, with one line of text: fonts loaded
            window.setCentralWidget(new QLabel(QStringLiteral("Tether")));
        FirstPaint probe;
        window.installEventFilter(&probe);
        window.show();
        return app.exec();
    }

    // The registry a benchmark's service reads: `count` accounts, as at login.
    if (mode == QLatin1String("seed")) {
        AccountRegistry registry(dir + QStringLiteral("/accounts.json"));
        const auto failure = registry.modify([&](QList<Account> &list) -> std::optional<Failure> {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = 0; i < count; ++i) {
                Account a;
                a.config.id = QStringLiteral("account-%1").arg(i, 4, 10, QLatin1Char('0'));
                a.config.name = QStringLiteral("Account %1").arg(i);
                a.config.provider = QStringList{QStringLiteral("aiia"), QStringLiteral("wise"),
                                                QStringLiteral("pagero")}
                                            .at(i % 3);
                a.config.clientId = QStringLiteral("c");
                a.status.state = AccountState::Connected;
                a.status.hasTokens = a.status.hasRefreshToken = a.status.hasClientSecret = true;
                a.status.accessIssuedAt = now;
                a.status.accessExpiresAt = now.addSecs(3600);
                a.status.nextRefreshAt = now.addSecs(2700);
                a.status.refreshExpiresAt = now.addDays(14);
                list.append(a);
            }
            return std::nullopt;
        });
        return failure ? 1 : 0;
    }

    // Tether's window, a client of the running service, as `tether` opens it: the frame counts
    // once the rows from the service's ListAccountRows are in it.
    // On stderr, for profiling (bench.py reads stdout only): when each step ended.
    QElapsedTimer clock;
    clock.start();
    const ProviderCatalog catalog = ProviderCatalog::installed();
    BusClient service(catalog);
    service.prefetchAccounts(); // as guiapp.cpp
    MainWindow window(service, SystemClock::instance());
    std::fprintf(stderr, "window built: %lld ms\n", clock.elapsed());
    QObject::connect(window.list()->model(), &QAbstractItemModel::modelReset, &window,
                     [&clock] { std::fprintf(stderr, "rows in: %lld ms\n", clock.elapsed()); });
    QObject::connect(window.list()->model(), &QAbstractItemModel::rowsInserted, &window,
                     [&clock] { std::fprintf(stderr, "rows in: %lld ms\n", clock.elapsed()); });
    FirstPaint probe([&window, count] { return window.list()->model()->rowCount() >= count; });
    window.list()->viewport()->installEventFilter(&probe);
    window.show();
    // As `tether` does (guiapp.cpp): once the service answers, the window lists the accounts.
    service.ensureService({&window, [](const std::optional<Failure> &failure) {
                               if (failure)
                                   std::fprintf(stderr, "no service: %s\n",
                                                qPrintable(failure->message));
                           }});
    std::fprintf(stderr, "shown: %lld ms\n", clock.elapsed());
    const int code = app.exec();
    return code;
}
