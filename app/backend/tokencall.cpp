#include "tokencall.h"

#include "backend/busnames.h"
#include "tether1_client.h"

#include <QDBusPendingCallWatcher>
#include <QPointer>
#include <QTimeZone>

namespace tether::bus {

void askAccessToken(const QDBusConnection &bus, const QString &id, int timeoutMs, QObject *context,
                    std::function<void(const TokenAnswer &)> done)
{
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call::GetAccessToken(id), timeoutMs),
                                                context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, done = std::move(done)] {
                         watcher->deleteLater();
                         const reply::GetAccessToken reply = *watcher;
                         TokenAnswer answer;
                         if (reply.isError()) {
                             answer.noService = noService(reply.error().name());
                             if (!answer.noService)
                                 answer.failure = failureFromError(reply.reply());
                         } else {
                             answer.token = reply.argumentAt<0>();
                             answer.expiresAt = QDateTime::fromSecsSinceEpoch(reply.argumentAt<1>(),
                                                                              QTimeZone::utc());
                         }
                         done(answer);
                     });
}

} // namespace tether::bus
