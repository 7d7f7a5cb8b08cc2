#include "accountlistmodel.h"

#include "core/clock.h"
#include "core/humantime.h"
#include "providers/providercatalog.h"

#include <QCoreApplication>

namespace tether {

AccountListModel::AccountListModel(const Clock &clock, const ProviderCatalog &catalog,
                                   QObject *parent)
    : QAbstractListModel(parent), m_clock(clock), m_catalog(catalog)
{ }

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "accountId"},
                  {ProviderRole, "provider"},
                  {ProviderNameRole, "providerName"},
                  {StateRole, "state"},
                  {StateTextRole, "stateText"},
                  {AccessFractionRole, "accessFraction"},
                  {CountdownTextRole, "countdownText"},
                  {RefreshSummaryRole, "refreshSummary"},
                  {TimesTextRole, "timesText"},
                  {LastErrorRole, "lastError"},
                  {NeedsReconnectRole, "needsReconnect"},
                  {InsecureRole, "insecure"},
                  {HasAccessTokenRole, "hasAccessToken"},
                  {HasRefreshTokenRole, "hasRefreshToken"}});
    return names;
}

QString AccountListModel::countdown(qint64 seconds)
{
    return humantime::countdown(seconds);
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &a = m_accounts.at(index.row());
    const AccountStatus &s = a.status;
    const QDateTime now = m_clock.nowUtc();
    const ProviderProfile *profile = m_catalog.find(a.config.provider);

    switch (role) {
    case Qt::DisplayRole:
        return a.config.shownName();
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        // What a screen reader says for the row: everything the row shows, and the reason.
        QStringList parts{
                data(index, ProviderNameRole).toString(), data(index, StateTextRole).toString(),
                data(index, CountdownTextRole).toString(),
                data(index, RefreshSummaryRole).toString(), data(index, TimesTextRole).toString()};
        if (s.lastError && s.state != AccountState::Connected)
            parts << s.lastError->message;
        if (s.state == AccountState::NeedsReconnect || s.state == AccountState::NotConnected)
            parts << tr("press Space to sign in");
        parts.removeAll(QString());
        return parts.join(QStringLiteral("; "));
    }
    case IdRole:
        return a.config.id;
    case ProviderRole:
        return a.config.provider;
    case ProviderNameRole:
        // Profile names are proper names (Wise, Auth0); the demo's have translations.
        return profile ? QCoreApplication::translate("tether::ProviderNames",
                                                     profile->name.toUtf8().constData())
                       : a.config.provider;
    case StateRole:
        return int(s.state);
    case NeedsReconnectRole:
        return s.state == AccountState::NeedsReconnect;
    case InsecureRole:
        return a.config.allowInsecureHttp;
    case HasAccessTokenRole:
        return s.hasTokens && s.accessExpiresAt.isValid() && s.accessExpiresAt > now;
    case HasRefreshTokenRole:
        return s.hasTokens && s.hasRefreshToken;
    case LastErrorRole:
        return s.lastError ? s.lastError->message : QString();
    case StateTextRole:
        switch (s.state) {
        case AccountState::NotConnected:
            return tr("not connected");
        case AccountState::Connected:
            return s.lastError && s.lastError->kind == FailureKind::Configuration
                           ? tr("needs attention")
                           : tr("connected");
        case AccountState::Refreshing:
            return tr("refreshing…");
        case AccountState::Retrying:
            return s.nextRefreshAt.isValid() && s.nextRefreshAt > now
                           ? tr("retrying in %1")
                                     .arg(humantime::duration(now.secsTo(s.nextRefreshAt)))
                           : tr("retrying…");
        case AccountState::NeedsReconnect:
            return tr("needs reconnect");
        }
        return {};
    case AccessFractionRole: {
        if (!s.hasTokens || !s.accessExpiresAt.isValid() || !s.accessIssuedAt.isValid())
            return -1.0;
        const double lifetime = double(s.accessIssuedAt.msecsTo(s.accessExpiresAt));
        if (lifetime <= 0)
            return 0.0;
        return std::clamp(double(now.msecsTo(s.accessExpiresAt)) / lifetime, 0.0, 1.0);
    }
    case CountdownTextRole:
        if (!s.hasTokens || !s.accessExpiresAt.isValid())
            return tr("no access token");
        if (s.accessExpiresAt <= now)
            return tr("access token expired");
        return tr("expires in %1").arg(countdown(now.secsTo(s.accessExpiresAt)));
    case RefreshSummaryRole:
        if (!s.hasTokens || !s.hasRefreshToken)
            return tr("no refresh token");
        if (profile && profile->refreshLifetime == LifetimeModel::Rolling
            && s.refreshExpiresAt.isValid() && now.secsTo(s.refreshExpiresAt) > 86400)
            return tr("refresh token: rolling, %1 from each refresh")
                    .arg(humantime::duration(profile->refreshLifetimeSeconds));
        if (!s.refreshExpiresAt.isValid())
            return tr("refresh token: no known expiry");
        if (s.refreshExpiresAt <= now)
            return tr("refresh token expired");
        return now.secsTo(s.refreshExpiresAt) < 3600
                       ? tr("refresh token expires in %1")
                                 .arg(countdown(now.secsTo(s.refreshExpiresAt)))
                       : tr("refresh token: %1 left")
                                 .arg(humantime::duration(now.secsTo(s.refreshExpiresAt)));
    case RefreshShortRole:
        if (!s.hasTokens || !s.hasRefreshToken)
            return tr("no refresh");
        if (!s.refreshExpiresAt.isValid()
            || (profile && profile->refreshLifetime == LifetimeModel::Rolling
                && now.secsTo(s.refreshExpiresAt) > 86400))
            return tr("refresh: ok");
        if (s.refreshExpiresAt <= now)
            return tr("refresh: expired");
        return tr("refresh: %1")
                .arg(now.secsTo(s.refreshExpiresAt) < 3600
                             ? countdown(now.secsTo(s.refreshExpiresAt))
                             : humantime::duration(now.secsTo(s.refreshExpiresAt)));
    case TimesTextRole: {
        QStringList parts;
        if (s.lastRefreshAt.isValid())
            parts << tr("last refresh %1").arg(humantime::relative(s.lastRefreshAt, now));
        // While retrying, the state says when ("retrying in 14s"): not twice.
        if (s.nextRefreshAt.isValid() && s.state != AccountState::Retrying)
            parts << tr("next %1").arg(humantime::relative(s.nextRefreshAt, now));
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

void AccountListModel::setAccounts(const QList<Account> &accounts)
{
    if (m_accounts.isEmpty()) {
        // The first load (a thousand accounts at start-up): one reset, not a thousand inserts.
        beginResetModel();
        m_accounts = accounts;
        endResetModel();
        return;
    }
    // Remove rows that went, update the ones that stayed, append the new ones in one batch.
    QSet<QString> incoming;
    for (const Account &a : accounts)
        incoming.insert(a.config.id);
    for (int row = int(m_accounts.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_accounts.at(row).config.id)) {
            beginRemoveRows({}, row, row);
            m_accounts.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> rows;
    for (int row = 0; row < m_accounts.size(); ++row)
        rows.insert(m_accounts.at(row).config.id, row);
    QList<Account> added;
    int first = -1, last = -1;
    for (const Account &account : accounts) {
        const auto it = rows.constFind(account.config.id);
        if (it == rows.cend()) {
            added.append(account);
            continue;
        }
        m_accounts[*it] = account;
        first = first < 0 ? *it : std::min(first, *it);
        last = std::max(last, *it);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last));
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_accounts.size()), int(m_accounts.size() + added.size() - 1));
        m_accounts += added;
        endInsertRows();
    }
}

void AccountListModel::refreshCountdowns(int firstRow, int lastRow)
{
    firstRow = std::max(firstRow, 0);
    lastRow = std::min(lastRow, rowCount() - 1);
    if (firstRow > lastRow)
        return;
    Q_EMIT dataChanged(index(firstRow), index(lastRow),
                       {StateTextRole, AccessFractionRole, CountdownTextRole, RefreshSummaryRole,
                        TimesTextRole, Qt::ToolTipRole});
}

void AccountListModel::updateAccount(const QString &id, const std::optional<Account> &account)
{
    const int row = rowOf(id);
    if (!account) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_accounts.removeAt(row);
        endRemoveRows();
        return;
    }
    if (row < 0) {
        beginInsertRows({}, int(m_accounts.size()), int(m_accounts.size()));
        m_accounts.append(*account);
        endInsertRows();
        return;
    }
    m_accounts[row] = *account;
    Q_EMIT dataChanged(index(row), index(row));
}

int AccountListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).config.id == id)
            return row;
    }
    return -1;
}

std::optional<Account> AccountListModel::accountAt(int row) const
{
    if (row < 0 || row >= m_accounts.size())
        return std::nullopt;
    return m_accounts.at(row);
}

} // namespace tether
