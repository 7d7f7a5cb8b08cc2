#include "attentionfirst.h"

#include "ui/accountlistmodel.h"

namespace tether {

namespace {

int rank(AccountState state)
{
    if (state == AccountState::NeedsReconnect || state == AccountState::NotConnected)
        return 0;
    return state == AccountState::Retrying ? 1 : 2;
}

} // namespace

AttentionFirst::AttentionFirst(AccountListModel *accounts, QObject *parent)
    : QSortFilterProxyModel(parent), m_accounts(accounts)
{
    setSourceModel(accounts);
    setSortRole(AccountListModel::StateRole); // re-sorted when a state (or everything) changes
    setDynamicSortFilter(true);
    sort(0);
}

void AttentionFirst::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
}

bool AttentionFirst::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // From the accounts themselves: through data() and a QVariant for each side of each
    // comparison, sorting 1,000 rows took three times as long (docs/performance.md).
    const Account &a = m_accounts->at(left.row());
    const Account &b = m_accounts->at(right.row());
    const int rankA = rank(a.status.state), rankB = rank(b.status.state);
    if (rankA != rankB)
        return rankA < rankB;
    return QString::localeAwareCompare(a.config.shownName(), b.config.shownName()) < 0;
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

} // namespace tether
