#include "attentionfirst.h"

#include "ui/accountlistmodel.h"

namespace tether {

void AttentionFirst::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
}

bool AttentionFirst::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int a = rank(left), b = rank(right);
    if (a != b)
        return a < b;
    return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
}

bool AttentionFirst::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (m_search.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    for (int role : {int(Qt::DisplayRole), int(AccountListModel::IdRole),
                     int(AccountListModel::ProviderNameRole)}) {
        if (index.data(role).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

int AttentionFirst::rank(const QModelIndex &index)
{
    const auto state = AccountState(index.data(AccountListModel::StateRole).toInt());
    if (state == AccountState::NeedsReconnect || state == AccountState::NotConnected)
        return 0;
    return state == AccountState::Retrying ? 1 : 2;
}

} // namespace tether
