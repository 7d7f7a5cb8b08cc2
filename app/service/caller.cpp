#include "caller.h"

#include "core/busdaemon.h"
#include "system/processinfo.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QPointer>
#include <QVariantMap>

namespace tether {

namespace {

const QString kWindowName = QStringLiteral("io.github.tether.Tether.Window");

} // namespace

QString Caller::displayName() const
{
    if (!program.isEmpty())
        return program;
    return QStringLiteral("pid %1").arg(pid);
}

bool Caller::isUsersOwnTether(const QString &ownExecutable, quint32 ownUid) const
{
    return known && uid == ownUid && flatpakAppId.isEmpty() && !executable.isEmpty()
           && executable == ownExecutable && (window || terminal);
}

void identifyCaller(const QDBusConnection &bus, const QString &uniqueName,
                    const QString &ownExecutable, QObject *context,
                    std::function<void(const Caller &)> done)
{
    auto *credentials = new QDBusPendingCallWatcher(
            bus.asyncCall(busDaemonCall(QStringLiteral("GetConnectionCredentials"), {uniqueName})),
            context);
    QObject::connect(
            credentials, &QDBusPendingCallWatcher::finished, context,
            [bus, uniqueName, ownExecutable, context, credentials,
             done = std::move(done)]() mutable {
                credentials->deleteLater();
                const QDBusPendingReply<QVariantMap> reply = *credentials;
                Caller caller;
                if (!reply.isError()) {
                    const QVariantMap map = reply.value();
                    caller.known = map.contains(QStringLiteral("ProcessID"));
                    caller.pid = map.value(QStringLiteral("ProcessID")).toUInt();
                    caller.uid = map.value(QStringLiteral("UnixUserID"), quint32(-1)).toUInt();
                }
                if (caller.known) {
                    const ProcessInfo process = readProcess(caller.pid);
                    caller.executable = process.executable;
                    caller.flatpakAppId = process.flatpakAppId;
                    caller.terminal = process.terminal;
                    caller.program = programOf(process, ownExecutable);
                }
                auto *owner = new QDBusPendingCallWatcher(
                        bus.asyncCall(busDaemonCall(QStringLiteral("GetNameOwner"), {kWindowName})),
                        context);
                QObject::connect(owner, &QDBusPendingCallWatcher::finished, context,
                                 [owner, caller, uniqueName, done]() mutable {
                                     owner->deleteLater();
                                     const QDBusPendingReply<QString> name = *owner;
                                     caller.windowOwner = name.isError() ? QString() : name.value();
                                     caller.window = caller.windowOwner == uniqueName;
                                     done(caller);
                                 });
            });
}

} // namespace tether
