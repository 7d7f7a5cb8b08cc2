// libtether-token.so: `tether token ID` when the executable's own D-Bus call did not answer it.
// It links Qt Core, Qt D-Bus and QtKeychain only (not Qt Network): without a running service the
// stored access token, when still good, comes straight from the keychain (cli/quicktoken.h);
// anything more (a refresh, an error to explain) is the full command in libtether-cli.so, run in
// this module's application object.

#include "accounts/accountregistry.h"
#include "backend/tokencall.h"
#include "cli/commandio.h"
#include "cli/quicktoken.h"
#include "core/clock.h"
#include "core/paths.h"
#include "core/translations.h"
#include "providers/providercatalog.h"
#include "secrets/keychainsecretstore.h"
#include "system/hardening.h"

#include <QCoreApplication>
#include <QDBusConnection>

#include <cstdio>

using namespace tether;

namespace {

int runCommandModule(int argc, char *argv[])
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

// What a `token` without the command module came to: printed, or a failure, or nothing (the
// full command decides).
struct Answer
{
    std::optional<QString> token;
    std::optional<Failure> failure;
};

class TokenAsk final : public QObject
{
public:
    TokenAsk(QCoreApplication &app, QString id) : QObject(&app), m_app(app), m_id(std::move(id)) { }

    const Answer &answer() const { return m_answer; }

    // The session's service first (never started just for this), unless the caller already
    // found none; then the keychain.
    void start(bool askService)
    {
        if (!askService)
            return askKeychain(); // no D-Bus connection of Qt's own: libsecret makes one anyway
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected())
            return askKeychain();
        bus::askAccessToken(bus, m_id, 180'000, this, [this](const bus::TokenAnswer &answer) {
            if (answer.noService)
                return askKeychain();
            if (answer.failure)
                m_answer.failure = answer.failure;
            else
                m_answer.token = answer.token;
            m_app.quit();
        });
    }

private:
    void askKeychain()
    {
        static const ProviderCatalog catalog = ProviderCatalog::installed();
        static const AccountRegistry registry(paths::accountsFile());
        static KeychainSecretStore secrets(paths::keychainService());
        auto *quick = new QuickToken(registry, catalog, secrets, SystemClock::instance(), this);
        connect(quick, &QuickToken::quickTokenFinished, this,
                [this](const std::optional<QString> &token, const std::optional<Failure> &failure) {
                    m_answer = {token, failure};
                    m_app.quit();
                });
        quick->start(m_id);
    }

    QCoreApplication &m_app;
    const QString m_id;
    Answer m_answer;
};

} // namespace

// argv is `tether token ID`. `service` is what the executable found (main.cpp): 0 no service
// (the common case here), 1 it could not tell, 2 a service that does not answer (stopped): then
// a stored token that is good is handed out, and anything more is not tried behind its back.
extern "C" Q_DECL_EXPORT int tether_token(int argc, char *argv[], int service)
{
    const bool askService = service == 1;
    const bool silentService = service == 2;
    // Reading the keychain itself, nobody needs to tell who this process is (docs/security.md).
    if (!askService)
        refuseTracing();
    QCoreApplication::setApplicationName(QStringLiteral("tether"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TETHER_VERSION));
    QCoreApplication app(argc, argv);
    installTranslations(app);
    auto *ask = new TokenAsk(app, QString::fromLocal8Bit(argv[2]));
    ask->start(askService);
    app.exec();
    const Answer &answer = ask->answer();
    ConsoleIo io;
    if (answer.failure) {
        io.error(answer.failure->message);
        return exitCodeFor(*answer.failure);
    }
    if (!answer.token && silentService) {
        io.error(QCoreApplication::translate(
                "TokenModule",
                "Tether's service is running but does not answer (it may be stopped), and the "
                "stored access token is not good to hand out; try again, or end the stopped "
                "service and run the command again"));
        return exitCodeFor(FailureKind::Temporary);
    }
    if (!answer.token)
        return runCommandModule(argc, argv);
    refuseTracing(); // the service, if it answered, knows who asked by now
    io.line(*answer.token);
    return 0;
}
