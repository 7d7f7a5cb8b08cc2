#pragma once

#include "accounts/account.h"

#include <QList>
#include <QMetaType>

class QDBusArgument;

namespace tether::bus {

// One account's status as ListAccountRows sends it: what statusMap holds, as one D-Bus structure
// (ssssxxxxxsssbbs) with the fields in the order the XML lists them, instants in unix seconds
// (0: none). Written and read field by field with their own types, no variant or dictionary on
// either side: for 1,000 accounts the maps cost more to send and read than the window takes to
// build (docs/performance.md).
struct AccountRow
{
    Account account;
};

QDBusArgument &operator<<(QDBusArgument &out, const AccountRow &row);
const QDBusArgument &operator>>(const QDBusArgument &in, AccountRow &row);

// The rows of every account, to send; and ListAccountRows' reply read back into accounts, row
// by row from the message.
QList<AccountRow> rowsOf(const QList<Account> &accounts);
QList<Account> accountsFromRows(const QDBusArgument &rows);

} // namespace tether::bus

Q_DECLARE_METATYPE(tether::bus::AccountRow)
