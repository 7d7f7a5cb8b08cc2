#pragma once

#include <QSortFilterProxyModel>

namespace tether {

class AccountListModel;

// The window's order of accounts: those that need the user first, then those retrying, then the
// rest; by name within each. The search matches name, id and provider.
class AttentionFirst final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionFirst)

public:
    // Over the window's accounts, sorted at once; the model outlives the proxy.
    AttentionFirst(AccountListModel *accounts, QObject *parent = nullptr);

    void setSearch(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    const AccountListModel *m_accounts;
    QString m_search;
};

} // namespace tether
