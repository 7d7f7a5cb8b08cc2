// The `tether` executable. It links Qt Core, Qt D-Bus and QtKeychain only; everything else —
// the commands, the service, the HTTP stack — lives in libtether-cli.so and the window in
// libtether-gui.so, loaded when needed. What it does by itself is the call other programs make
// all day: `tether token ID`, answered by the session's service over D-Bus when it runs, else
// from the keychain when the stored access token is still good (cli/quicktoken.h). Loading Qt
// Network and its dependencies for that alone cost more than the rest of the command.

#include "accounts/accountregistry.h"
#include "backend/busnames.h"
#include "cli/commandio.h"
#include "cli/quicktoken.h"
#include "core/clock.h"
#include "core/paths.h"
#include "core/translations.h"
#include "providers/providercatalog.h"
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>

#include <cstdio>
#include <cstring>

using namespace tether;

namespace {

int runModule(int argc, char *argv[])
{
    QString problems;
    using Main = int (*)(int, char **);
    if (auto run = reinterpret_cast<Main>(
                paths::moduleEntry(QStringLiteral("libtether-cli.so"), "tether_main", &problems)))
        return run(argc, argv);
    std::fprintf(stderr,
                 "tether: its command module (libtether-cli.so) could not be loaded%s%s; "
                 "reinstall Tether\n",
                 problems.isEmpty() ? "" : ": ", qPrintable(problems));
    return 1;
}

// What a `token` without the module came to: printed, or a failure, or nothing (the module's
// full command decides).
struct Answer
{
    std::optional<QString> token;
    std::optional<Failure> failure;
};

// Without the service: the keychain, when the stored token is good to hand out.
void askKeychain(QCoreApplication &app, const QString &id, Answer *answer)
{
    static const ProviderCatalog catalog = ProviderCatalog::installed();
    static const AccountRegistry registry(paths::accountsFile());
    static KeychainSecretStore secrets(paths::keychainService());
    auto *quick = new QuickToken(registry, catalog, secrets, SystemClock::instance(), &app);
    QObject::connect(quick, &QuickToken::quickTokenFinished, &app,
                     [&app, answer](const std::optional<QString> &token,
                                    const std::optional<Failure> &failure) {
                         *answer = {token, failure};
                         app.quit();
                     });
    quick->start(id);
}

// `tether token ID`, answered here when it can be; otherwise (nothing printed yet) the full
// command runs in the module, in the same application object.
int token(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    installTranslations(app);
    const QString id = QString::fromLocal8Bit(argv[2]);
    Answer answer;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // The session's service holds the tokens in memory; never started just for this.
        QDBusMessage call = QDBusMessage::createMethodCall(
                bus::kService, bus::kPath, bus::kInterface, QStringLiteral("GetAccessToken"));
        call << id;
        call.setAutoStartService(false);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 180'000), &app);
        // app.exec() below returns before `answer` and `id` leave this scope, hence
        // clazy:excludeall=lambda-in-connect
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, &app, [&, watcher] {
            const QDBusMessage reply = watcher->reply();
            if (reply.type() != QDBusMessage::ErrorMessage) {
                answer.token = reply.arguments().value(0).toString();
                return app.quit();
            }
            if (!bus::noService(reply.errorName())) {
                answer.failure = bus::failureFromError(reply.errorName(), reply.errorMessage());
                return app.quit();
            }
            askKeychain(app, id, &answer);
        });
    } else {
        askKeychain(app, id, &answer);
    }
    app.exec();
    ConsoleIo io;
    if (answer.failure) {
        io.error(answer.failure->message);
        return exitCodeFor(*answer.failure);
    }
    if (!answer.token)
        return runModule(argc, argv);
    io.line(*answer.token);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));
    if (argc == 3 && std::strcmp(argv[1], "token") == 0 && argv[2][0] != '-')
        return token(argc, argv);
    return runModule(argc, argv);
}
