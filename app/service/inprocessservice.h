#pragma once

#include "backend/accountbackend.h"
#include "system/browser.h"

#include <QHash>
#include <QPointer>

namespace tether {

class RefreshCoordinator;
struct RefreshResult;
class StartAtLogin;

// The service's own answers to its clients, in its process: the D-Bus adaptor forwards every
// call here, and the demo window (and the window's tests) use it directly. Operations that
// change an account go through AccountEditor and then tell the refresh service to read the
// registry again, so the schedule and the in-memory tokens follow at once.
class InProcessService final : public WindowBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InProcessService)

public:
    static constexpr int kHistoryLength = 50;

    InProcessService(const Engine &engine, RefreshCoordinator &refresh, BrowserOpener opener,
                     StartAtLogin *startAtLogin, QObject *parent = nullptr);
    ~InProcessService() override;

    AccountEditor &accounts() { return *m_accounts; }
    RefreshCoordinator &refreshCoordinator() { return m_refresh; }
    std::optional<Account> account(const QString &id) const;
    bool signingIn(const QString &id) const { return m_signIns.contains(id); }

    // AccountBackend
    const ProviderCatalog &catalog() const override;
    void listAccounts(const Callback<const AccountList &> &reply) override;
    void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                    const Done &done) override;
    void editAccount(const QString &id, const AccountEdit &edit, const Done &done) override;
    void importTokens(const QString &id, const QByteArray &response, const Done &done) override;
    void refresh(const QString &id, const Callback<const RefreshReply &> &reply) override;
    void accessToken(const QString &id, const Callback<const TokenReply &> &reply) override;
    void disconnectAccount(const QString &id, const Done &done) override;
    void removeAccount(const QString &id, const Done &done) override;
    void listAccess(const QString &id, const Callback<const AccessReply &> &reply) override;
    void setAccess(const QString &id, const QString &program,
                   std::optional<AccessDecision::Verdict> verdict, const Done &done) override;

    // WindowBackend
    void fetchAccount(
            const QString &id,
            const Callback<const std::optional<Failure> &, const Account &> &reply) override;
    void startService(const Callback<const std::optional<Failure> &> &done) override;
    void signIn(const QString &id, SignIn::Method method) override;
    void cancelSignIn(const QString &id) override;
    void history(const QString &id, const Callback<const QList<HistoryEntry> &> &reply) override;
    void refreshAll() override;
    void quitService() override;
    bool startsAtLogin() const override;
    void setStartsAtLogin(bool enabled, const Done &done) override;
    // A service in the window's own process (the demo) asks in notifications alone.
    void answerQuestion(const QString &, const QString &) override { }

Q_SIGNALS:
    void quitRequested();

private:
    // After an operation changed an account: read the registry again, then reply.
    Done afterChange(const QString &id, const Done &done);
    void record(const QString &id, const RefreshResult &result);

    Engine m_engine;
    RefreshCoordinator &m_refresh;
    AccountEditor *m_accounts;
    BrowserOpener m_opener;
    StartAtLogin *m_startAtLogin;
    QHash<QString, QPointer<SignIn>> m_signIns;
    QHash<QString, QList<HistoryEntry>> m_history;
};

} // namespace tether
