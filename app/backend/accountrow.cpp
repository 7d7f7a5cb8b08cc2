#include "accountrow.h"

#include "backend/busapi.h"

#include <QDBusArgument>

namespace tether::bus {

QDBusArgument &operator<<(QDBusArgument &out, const AccountRow &row)
{
    const AccountConfig &c = row.account.config;
    const AccountStatus &s = row.account.status;
    const std::optional<Failure> &error = s.lastError;
    out.beginStructure();
    out << c.id << c.name << c.provider << nameOf(s.state) << unixTime(s.accessIssuedAt)
        << unixTime(s.accessExpiresAt) << unixTime(s.refreshExpiresAt) << unixTime(s.lastRefreshAt)
        << unixTime(s.nextRefreshAt) << (error ? nameOf(error->kind) : QString())
        << (error ? error->code : QString()) << (error ? error->message : QString())
        << (s.hasTokens && s.hasRefreshToken) << c.allowInsecureHttp
        << c.deviceAuthorizationEndpoint;
    out.endStructure();
    return out;
}

namespace {

void readRow(const QDBusArgument &in, Account &account)
{
    AccountConfig &c = account.config;
    AccountStatus &s = account.status;
    QString state, errorKind, errorCode, errorMessage;
    qint64 issued = 0, expires = 0, refreshExpires = 0, lastRefresh = 0, nextRefresh = 0;
    in.beginStructure();
    in >> c.id >> c.name >> c.provider >> state >> issued >> expires >> refreshExpires
            >> lastRefresh >> nextRefresh >> errorKind >> errorCode >> errorMessage
            >> s.hasRefreshToken >> c.allowInsecureHttp >> c.deviceAuthorizationEndpoint;
    in.endStructure();
    // As accountFromMap reads the same status from a map.
    s.state = accountStateFromString(state).value_or(AccountState::NotConnected);
    s.accessIssuedAt = fromUnixTime(issued);
    s.accessExpiresAt = fromUnixTime(expires);
    s.refreshExpiresAt = fromUnixTime(refreshExpires);
    s.lastRefreshAt = fromUnixTime(lastRefresh);
    s.nextRefreshAt = fromUnixTime(nextRefresh);
    s.lastError.reset();
    if (!errorKind.isEmpty()) { // every failure has a kind
        Failure f;
        f.code = errorCode;
        f.message = errorMessage;
        f.kind = failureKindFromString(errorKind).value_or(FailureKind::Unexpected);
        s.lastError = f;
    }
    s.hasTokens = s.accessExpiresAt.isValid();
}

} // namespace

const QDBusArgument &operator>>(const QDBusArgument &in, AccountRow &row)
{
    readRow(in, row.account);
    return in;
}

QList<AccountRow> rowsOf(const QList<Account> &accounts)
{
    QList<AccountRow> rows;
    rows.reserve(accounts.size());
    for (const Account &a : accounts)
        rows.append(AccountRow{a});
    return rows;
}

QList<Account> accountsFromRows(const QDBusArgument &rows)
{
    QList<Account> accounts;
    rows.beginArray();
    while (!rows.atEnd())
        readRow(rows, accounts.emplaceBack());
    rows.endArray();
    return accounts;
}

} // namespace tether::bus
