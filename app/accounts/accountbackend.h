#pragma once

#include "accounts/account.h"
#include "refresh/refreshoperation.h"
#include "system/browser.h"

#include <functional>

namespace tether {

class ProviderCatalog;

// What the command line needs from whoever owns the accounts: the accounts' own service in a
// command-line process (AccountService), or the running app (RefreshService), which also keeps
// its schedule and its in-memory tokens up to date.
class AccountBackend
{
public:
    using Done = std::function<void(const std::optional<Failure> &failure)>;
    using RefreshDone = std::function<void(const RefreshResult &result)>;

    virtual ~AccountBackend() = default;

    virtual const ProviderCatalog &catalog() const = 0;
    virtual std::optional<Failure> loadAccounts(QList<Account> *accounts) const = 0;
    virtual void addAccount(const AccountConfig &config, const std::optional<QString> &clientSecret,
                            const Done &done) = 0;
    virtual void importTokens(const QString &id, const QByteArray &answer, QStringList *warnings,
                              const Done &done) = 0;
    virtual void disconnect(const QString &id, QStringList *warnings, const Done &done) = 0;
    virtual void connectAccount(
            const QString &id, const BrowserOpener &opener,
            const std::function<void(const QUrl &url, bool opened)> &browserOpened,
            const Done &done) = 0;
    virtual void remove(const QString &id, const Done &done) = 0;
    virtual void refresh(const QString &id, RefreshOperation::Mode mode, QObject *context,
                         const RefreshDone &done) = 0;
};

} // namespace tether
