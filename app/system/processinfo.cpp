#include "processinfo.h"

#include <QFile>
#include <QFileInfo>
#include <QList>

namespace tether {

namespace {

QByteArray readSmall(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(64 * 1024) : QByteArray();
}

// The fields of /proc/PID/stat after "pid (comm)": comm may hold spaces and parentheses, so the
// fields count from the last ')'. [0] state, [1] ppid, [2] pgrp, [3] session, [4] tty_nr.
QList<QByteArray> statFields(const QByteArray &stat)
{
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 1).simplified().split(' ');
}

constexpr int kMaxAncestors = 8;

} // namespace

bool statHasTerminal(const QByteArray &stat)
{
    const QList<QByteArray> fields = statFields(stat);
    return fields.size() > 4 && fields.at(4).toLongLong() != 0;
}

quint32 statParent(const QByteArray &stat)
{
    const QList<QByteArray> fields = statFields(stat);
    return fields.size() > 1 ? fields.at(1).toUInt() : 0u;
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

bool isShell(const QString &executable)
{
    static const QStringList shells{QStringLiteral("sh"),   QStringLiteral("dash"),
                                    QStringLiteral("bash"), QStringLiteral("zsh"),
                                    QStringLiteral("ksh"),  QStringLiteral("mksh"),
                                    QStringLiteral("fish"), QStringLiteral("busybox")};
    return shells.contains(QFileInfo(executable).fileName());
}

ProcessInfo readProcess(quint32 pid)
{
    ProcessInfo process;
    process.pid = pid;
    if (pid == 0)
        return process;
    const QString proc = QStringLiteral("/proc/%1").arg(pid);
    process.executable = QFileInfo(proc + QStringLiteral("/exe")).symLinkTarget();
    const QByteArray stat = readSmall(proc + QStringLiteral("/stat"));
    process.terminal = statHasTerminal(stat);
    process.parent = statParent(stat);
    process.flatpakAppId = flatpakAppId(readSmall(proc + QStringLiteral("/root/.flatpak-info")));
    return process;
}

QString programOf(const ProcessInfo &process, const QString &ownExecutable)
{
    if (!process.flatpakAppId.isEmpty())
        return process.flatpakAppId;
    if (process.executable.isEmpty() || process.executable != ownExecutable || process.terminal)
        return process.executable;
    // `tether` run by another program: that program, past any shell between them.
    ProcessInfo ancestor = process;
    for (int depth = 0; depth < kMaxAncestors && ancestor.parent > 1; ++depth) {
        ancestor = readProcess(ancestor.parent);
        if (!ancestor.flatpakAppId.isEmpty())
            return ancestor.flatpakAppId;
        if (ancestor.executable.isEmpty())
            break;
        if (ancestor.executable != ownExecutable && !isShell(ancestor.executable))
            return ancestor.executable;
    }
    return process.executable; // started by the session itself, or nobody readable
}

} // namespace tether
