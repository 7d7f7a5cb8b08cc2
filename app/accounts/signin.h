#pragma once

#include "accounts/account.h"
#include "core/callback.h"
#include "core/filelock.h"
#include "oauth/deviceflow.h"
#include "system/browser.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace tether {

class AccountEditor;
class AuthorizationFlow;

// What the person signing in needs to see, as it changes.
struct SignInProgress
{
    QUrl url; // where to sign in: the authorization URL, or the device flow's verification URI
    bool browserOpened = false;
    std::optional<DeviceCode> device; // signing in on another device: the code to enter
    QString notice; // a hint that came up while waiting (no callback yet, a refusal)
};

// One sign-in of one account: authorization code + PKCE through the browser on a loopback
// redirect, or the device authorization grant; then the tokens are stored (AccountEditor).
// One per account at a time, across processes. Ends with signInFinished, once, then may be
// deleted.
class SignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignIn)

public:
    enum class Method { Browser, Device };

    SignIn(AccountEditor &accounts, const QString &id, Method method, BrowserOpener opener,
           QObject *parent = nullptr);
    ~SignIn() override;

    void start();
    void cancel();
    QString accountId() const { return m_id; }

    // For tests and a deliberately short sign-in (TETHER_CONNECT_TIMEOUT_S).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

Q_SIGNALS:
    void signInProgressed(const tether::SignInProgress &progress);
    void signInFinished(const tether::Outcome &outcome);

private:
    void finish(const Outcome &outcome);
    void store(const std::optional<TokenResponse> &response, const Failure &failure);

    AccountEditor &m_accounts;
    QString m_id;
    Method m_method;
    BrowserOpener m_opener;
    int m_timeoutMs = 5 * 60 * 1000;
    std::unique_ptr<FileLock> m_attempt;
    QPointer<QObject> m_flow;
    SignInProgress m_progress;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace tether
