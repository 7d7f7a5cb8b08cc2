#pragma once

// How QTest prints Tether's enums in a failed comparison (found through ADL).

#include "accounts/account.h"
#include "core/failure.h"
#include "providers/providerprofile.h"

#include <QtTest/qtestcase.h>

namespace tether {

inline char *toString(BodyEncoding v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}
inline char *toString(ClientAuth v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}
inline char *toString(Rotation v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}
inline char *toString(LifetimeModel v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}
inline char *toString(AccountState v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}
inline char *toString(FailureKind v)
{
    return qstrdup(qPrintable(tether::nameOf(v)));
}

} // namespace tether
