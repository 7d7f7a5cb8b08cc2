#pragma once

#include "core/failure.h"

#include <QDBusConnection>
#include <QDateTime>

#include <functional>

class QObject;

namespace tether::bus {

// What one GetAccessToken call came to: a token, the service's failure, or no service at all.
struct TokenAnswer
{
    std::optional<Failure> failure;
    QString token;
    QDateTime expiresAt;
    bool noService = false; // nobody owns the name: the caller works alone
};

// The one GetAccessToken client on the Qt side (the window, the commands);
// the executable's libdbus call (main.cpp) uses the same generated names and error table. Never
// starts the service. `done` runs unless `context` is gone first.
void askAccessToken(const QDBusConnection &bus, const QString &id, int timeoutMs, QObject *context,
                    std::function<void(const TokenAnswer &)> done);

} // namespace tether::bus
