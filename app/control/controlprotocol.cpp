#include "controlprotocol.h"

#include "core/paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace tether::control {

QString socketPath()
{
    return paths::runtimeDir() + QStringLiteral("/control");
}

QString instanceLockPath()
{
    return paths::runtimeDir() + QStringLiteral("/instance.lock");
}

bool appRunning()
{
    QLockFile probe(instanceLockPath());
    probe.setStaleLockTime(0); // stale only when its holder is gone
    if (probe.tryLock(0)) {
        probe.unlock();
        return false;
    }
    return true;
}

bool appListening()
{
    const QByteArray path = QFile::encodeName(socketPath());
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof address.sun_path)
        return true; // cannot tell here: let the full client try
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return true;
    const bool connected =
            ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

QByteArray encode(const Request &request)
{
    QJsonObject o{{QStringLiteral("v"), kVersion}};
    if (request.raise) {
        o.insert(QStringLiteral("raise"), true);
    } else {
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(request.argv));
        o.insert(QStringLiteral("stdin"),
                 request.input ? QJsonValue(QString::fromLatin1(request.input->toBase64()))
                               : QJsonValue());
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<Request> decodeRequest(const QByteArray &line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (o.value(QStringLiteral("v")).toInt() != kVersion)
        return std::nullopt;
    Request r;
    r.raise = o.value(QStringLiteral("raise")).toBool();
    if (r.raise)
        return r;
    const QJsonValue argv = o.value(QStringLiteral("argv"));
    if (!argv.isArray() || argv.toArray().isEmpty() || argv.toArray().size() > 64)
        return std::nullopt;
    for (const QJsonValue &v : argv.toArray()) {
        if (!v.isString())
            return std::nullopt;
        r.argv << v.toString();
    }
    const QJsonValue input = o.value(QStringLiteral("stdin"));
    if (input.isString()) {
        auto decoded = QByteArray::fromBase64Encoding(input.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        r.input = *decoded;
    }
    return r;
}

QByteArray encode(const Answer &answer)
{
    const QJsonObject o{{QStringLiteral("exit"), answer.exitCode},
                        {QStringLiteral("stdout"), QString::fromLatin1(answer.out.toBase64())},
                        {QStringLiteral("stderr"), QString::fromLatin1(answer.err.toBase64())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<Answer> decodeAnswer(const QByteArray &line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (!o.value(QStringLiteral("exit")).isDouble())
        return std::nullopt;
    Answer a;
    a.exitCode = o.value(QStringLiteral("exit")).toInt();
    a.out = QByteArray::fromBase64(o.value(QStringLiteral("stdout")).toString().toLatin1());
    a.err = QByteArray::fromBase64(o.value(QStringLiteral("stderr")).toString().toLatin1());
    return a;
}

} // namespace tether::control
