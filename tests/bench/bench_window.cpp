// Window start-up and memory, for `make bench`: it prints "first_frame" at the first painted frame
// and the resident peak after it, for Tether's window over N accounts (a real registry file, a
// real refresh service; a keychain that counts reads, which must stay at zero) and, as the
// floor, an empty QMainWindow in the same process set-up.
//   bench_window tether|floor|floor-text ACCOUNTS REGISTRY_DIR
#include "accounts/accountregistry.h"
#include "accounts/accountservice.h"
#include "core/clock.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "refresh/refreshservice.h"
#include "support/manualwaketimer.h"
#include "support/memorysecretstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

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
    explicit FirstPaint(int *reads) : m_reads(reads) { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // The paint event arrives before anything is drawn: the frame is done when the
            // event loop next runs, after the widget painted and the backing store flushed.
            QMetaObject::invokeMethod(
                    this,
                    [this] {
                        // The driver times the process from its start to this line.
                        std::printf("first_frame\n");
                        std::fflush(stdout);
                        QTimer::singleShot(300, qApp, [this] {
                            std::printf("peak_kib=%ld keychain_reads=%d\n", peakKiB(),
                                        m_reads ? *m_reads : 0);
                            qApp->quit();
                        });
                    },
                    Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    int *m_reads;
    bool m_done = false;
};

class CountingStore final : public QObject, public SecretStore
{
public:
    int reads = 0;
    SecretJob *read(const QString &id) override
    {
        ++reads;
        return m_inner.read(id);
    }
    SecretJob *write(const QString &id, const SecretBundle &b) override
    {
        return m_inner.write(id, b);
    }
    SecretJob *remove(const QString &id) override { return m_inner.remove(id); }
    QString backendName() const override { return QStringLiteral("counting"); }

private:
    test::MemorySecretStore m_inner;
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
        FirstPaint probe(nullptr);
        window.installEventFilter(&probe);
        window.show();
        return app.exec();
    }

    // Tether's window over `count` accounts read from a registry file, as at login.
    ProviderCatalog catalog = ProviderCatalog::load();
    AccountRegistry registry(dir + QStringLiteral("/accounts.json"));
    if (!QFile::exists(registry.path())) {
        registry.modify([&](QList<Account> &list) -> std::optional<Failure> {
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
    }
    CountingStore secrets;
    TokenClient tokens;
    const Engine engine{&registry, &secrets, &tokens, &catalog, &SystemClock::instance(), {}};
    AccountService accounts(engine);
    test::ManualWakeTimer timer;
    RefreshService service(engine, &accounts, &timer);
    // In the order the app takes (ui/guiapp.cpp): build the window, then start the service,
    // which fills the window's list.
    MainWindow window(service, accounts, SystemClock::instance(), {});
    service.start();
    FirstPaint probe(&secrets.reads);
    window.list()->viewport()->installEventFilter(&probe);
    window.show();
    return app.exec();
}
