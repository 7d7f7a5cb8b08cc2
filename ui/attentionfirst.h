#pragma once

#include <QSortFilterProxyModel>

namespace tether {

// The window's order of accounts: those that need the user first, then those retrying, then the
// rest; by name within each. The search matches name, id and provider.
class AttentionFirst final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionFirst)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearch(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    static int rank(const QModelIndex &index);

    QString m_search;
};

} // namespace tether
