#pragma once

#include "accounts/account.h"

#include <QAbstractListModel>

namespace tether {

class Clock;
class ProviderCatalog;

// The accounts as rows, for the window's list. Everything a delegate shows comes through a role,
// computed from the account and the clock: no widget reads an Account directly.
class AccountListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ProviderRole, // profile id
        ProviderNameRole,
        StateRole, // AccountState as int
        StateTextRole, // "connected", "retrying in 40 s" ...
        AccessFractionRole, // remaining share of the access token's lifetime, 0..1; -1 none
        CountdownTextRole, // "expires in 42:13"
        RefreshSummaryRole, // "refresh token: 13 days left"
        RefreshShortRole, // the same where there is little room: "refresh: 13 days"
        TimesTextRole, // "last refresh 2 min ago · next in 12 min"
        LastErrorRole, // the last error's message, or empty
        NeedsReconnectRole,
        InsecureRole, // added with --allow-insecure-http
        HasAccessTokenRole,
        HasRefreshTokenRole,
    };

    AccountListModel(const Clock &clock, const ProviderCatalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows, keeping the ones that stay (and their selection) in place.
    void setAccounts(const QList<Account> &accounts);
    // One account changed (nullopt: it is gone; unknown: it is added).
    void updateAccount(const QString &id, const std::optional<Account> &account);
    // The time-dependent roles of these rows changed (the window's one-second tick).
    void refreshCountdowns(int firstRow, int lastRow);
    int rowOf(const QString &id) const;
    std::optional<Account> accountAt(int row) const;
    const Account &at(int row) const { return m_accounts.at(row); } // a row that exists

    static QString countdown(qint64 seconds); // "42:13", "1:02:03"

private:
    const Clock &m_clock;
    const ProviderCatalog &m_catalog;
    QList<Account> m_accounts;
};

} // namespace tether
