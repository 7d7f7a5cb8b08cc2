// The window's floors and the registry it lists, for `make bench`: an empty QMainWindow (and the
// same with one line of text), started as the window is (same environment and platform: offscreen,
// then on the bench's private X server), printing
// "first_frame" at its first painted frame and the resident peak after it (firstframe.h); `seed`
// writes a registry of ACCOUNTS accounts for the service to read. Tether's own window is the real
// `tether`, timed by firstframe_probe.cpp.
//   bench_window floor|floor-text|seed ACCOUNTS REGISTRY_DIR
#include "accounts/accountregistry.h"
#include "firstframe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

using namespace tether;

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
        bench::FirstFrame probe([&window](QObject *watched) { return watched == &window; });
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

    return 2;
}
