#include "caller.h"

#include "core/busdaemon.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QVariantMap>

namespace tether {

namespace {

const QString kWindowName = QStringLiteral("io.github.tether.Tether.Window");

QByteArray readSmall(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(64 * 1024) : QByteArray();
}

// What /proc says of the process.
void describeProcess(Caller &caller)
{
    const QString proc = QStringLiteral("/proc/%1").arg(caller.pid);
    caller.executable = QFileInfo(proc + QStringLiteral("/exe")).symLinkTarget();
    caller.terminal = statHasTerminal(readSmall(proc + QStringLiteral("/stat")));
    caller.flatpakAppId = flatpakAppId(readSmall(proc + QStringLiteral("/root/.flatpak-info")));
}

} // namespace

bool statHasTerminal(const QByteArray &stat)
{
    // "pid (comm) state ppid pgrp session tty_nr ...": comm may hold spaces and parentheses, so
    // the fields count from the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    // state, ppid, pgrp, session, tty_nr
    return fields.size() > 4 && fields.at(4).toLongLong() != 0;
}

QString flatpakAppId(const QByteArray &flatpakInfo)
{
    bool application = false;
    for (const QByteArray &raw : flatpakInfo.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith('['))
            application = line == "[Application]" || line == "[Runtime]";
        else if (application && line.startsWith("name="))
            return QString::fromUtf8(line.mid(5)).left(255);
    }
    return {};
}

QString Caller::displayName() const
{
    if (!flatpakAppId.isEmpty())
        return flatpakAppId;
    if (!executable.isEmpty())
        return executable;
    return QStringLiteral("pid %1").arg(pid);
}

bool Caller::isUsersOwnTether(const QString &ownExecutable, quint32 ownUid) const
{
    return known && uid == ownUid && flatpakAppId.isEmpty() && !executable.isEmpty()
           && executable == ownExecutable && (window || terminal);
}

void identifyCaller(const QDBusConnection &bus, const QString &uniqueName, QObject *context,
                    std::function<void(const Caller &)> done)
{
    auto *credentials = new QDBusPendingCallWatcher(
            bus.asyncCall(busDaemonCall(QStringLiteral("GetConnectionCredentials"), {uniqueName})),
            context);
    QObject::connect(
            credentials, &QDBusPendingCallWatcher::finished, context,
            [bus, uniqueName, context, credentials, done = std::move(done)]() mutable {
                credentials->deleteLater();
                const QDBusPendingReply<QVariantMap> reply = *credentials;
                Caller caller;
                if (!reply.isError()) {
                    const QVariantMap map = reply.value();
                    caller.known = map.contains(QStringLiteral("ProcessID"));
                    caller.pid = map.value(QStringLiteral("ProcessID")).toUInt();
                    caller.uid = map.value(QStringLiteral("UnixUserID"), quint32(-1)).toUInt();
                }
                if (caller.known)
                    describeProcess(caller);
                auto *owner = new QDBusPendingCallWatcher(
                        bus.asyncCall(busDaemonCall(QStringLiteral("GetNameOwner"), {kWindowName})),
                        context);
                QObject::connect(owner, &QDBusPendingCallWatcher::finished, context,
                                 [owner, caller, uniqueName, done]() mutable {
                                     owner->deleteLater();
                                     const QDBusPendingReply<QString> name = *owner;
                                     caller.window = !name.isError() && name.value() == uniqueName;
                                     done(caller);
                                 });
            });
}

} // namespace tether
