// The `tether` executable. It links Qt Core, Qt D-Bus and QtKeychain only; everything else —
// the commands, the background service, the HTTP stack — lives in libtether-cli.so and the
// window in libtether-gui.so, loaded when needed. What it does by itself is the call other
// programs make all day when the app is not running: `tether token ID` with a stored access
// token that is still good (cli/quicktoken.h). Loading Qt Network and its dependencies for
// that alone cost more than the rest of the command.

#include "accounts/accountregistry.h"
#include "cli/commandio.h"
#include "cli/quicktoken.h"
#include "control/controlprotocol.h"
#include "core/clock.h"
#include "core/paths.h"
#include "providers/providercatalog.h"
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>

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

// `tether token ID`, answered here when it can be; otherwise (nothing printed yet) the full
// command runs in the module, in the same application object.
int token(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const ProviderCatalog catalog = ProviderCatalog::fromDirectories(
            {QStringLiteral(":/providers"), paths::userProvidersDir()});
    const AccountRegistry registry(paths::accountsFile());
    KeychainSecretStore secrets(paths::keychainService());
    QuickToken quick(registry, catalog, secrets, SystemClock::instance());
    std::optional<QString> answer;
    std::optional<Failure> failure;
    QObject::connect(&quick, &QuickToken::quickTokenFinished, &app,
                     [&](const std::optional<QString> &accessToken,
                         const std::optional<Failure> &keychainFailure) {
                         answer = accessToken;
                         failure = keychainFailure;
                         app.quit();
                     });
    quick.start(QString::fromLocal8Bit(argv[2]));
    app.exec();
    ConsoleIo io;
    if (failure) {
        io.error(failure->message);
        return exitCodeFor(failure->kind);
    }
    if (!answer)
        return runModule(argc, argv);
    io.line(*answer);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));
    // With the app running, `token` goes to it: its tokens are in memory, which is faster still.
    if (argc == 3 && std::strcmp(argv[1], "token") == 0 && argv[2][0] != '-'
        && !control::appListening())
        return token(argc, argv);
    return runModule(argc, argv);
}
