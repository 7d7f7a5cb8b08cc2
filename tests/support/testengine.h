#pragma once

#include "accounts/accountregistry.h"
#include "accounts/engine.h"
#include "accounts/statusmirror.h"
#include "oauth/tokenclient.h"
#include "providers/providercatalog.h"
#include "support/memorysecretstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace tether::test {

// The engine's parts for a unit test: the registry a real file in a directory of its own, the
// keychain in memory, the HTTP client real (pointed at an HttpStub), the built-in profiles.
struct TestEngine
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    AccountRegistry registry{dir.filePath(QStringLiteral("accounts.json"))};
    TokenClient tokens;
    ProviderCatalog catalog = ProviderCatalog::fromDirectories({QStringLiteral(":/providers")});

    Engine engine(const Clock &clock)
    {
        return {&registry, &secrets, &tokens, &catalog, &clock, {}};
    }
};

// A token set issued at `now`: the access token good for `lifetime` seconds, the refresh token
// issued with it.
inline TokenSet issuedTokens(const QString &accessToken, const QString &refreshToken,
                             const QDateTime &now, qint64 lifetime)
{
    TokenSet set;
    set.accessToken = accessToken;
    set.refreshToken = refreshToken;
    set.accessIssuedAt = now;
    set.accessExpiresAt = now.addSecs(lifetime);
    set.refreshIssuedAt = now;
    return set;
}

// An account as after a sign-in, for the caller to put in the registry: its token set stored in
// `secrets` (generation 1, with a client secret) and its status mirroring that.
inline Account connectedAccount(const Engine &engine, MemorySecretStore &secrets, const QString &id,
                                const QString &provider, const QUrl &tokenEndpoint,
                                const TokenSet &tokens)
{
    Account a;
    a.config.id = id;
    a.config.name = id;
    a.config.provider = provider;
    a.config.clientId = QStringLiteral("client");
    a.config.tokenEndpoint = tokenEndpoint.toString();
    SecretBundle bundle;
    bundle.clientSecret = QStringLiteral("secret");
    bundle.generation = 1;
    bundle.tokens = tokens;
    secrets.items.insert(id, bundle);
    mirrorBundle(a.status, bundle, engine);
    return a;
}

// XDG_RUNTIME_DIR pointed at a private directory (owner only, as a session's is) for the
// per-account and sign-in locks, for as long as the test object lives.
struct PrivateRuntimeDir
{
    QTemporaryDir dir;
    PrivateRuntimeDir()
    {
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir.path().toLocal8Bit());
    }
};

// A call from another connection (a tray host, a notification server's client), waited for with
// the event loop running: the object called may live in this same thread.
inline QDBusMessage callAndWait(QDBusConnection &bus, const QDBusMessage &message)
{
    QDBusPendingCallWatcher watcher(bus.asyncCall(message, 5000));
    QSignalSpy finished(&watcher, &QDBusPendingCallWatcher::finished);
    if (!watcher.isFinished())
        finished.wait(5000);
    return watcher.reply();
}

} // namespace tether::test
