#include "controlserver.h"

#include "cli/commandio.h"
#include "cli/commandline.h"
#include "control/controlprotocol.h"
#include "core/paths.h"
#include "core/requesthead.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace tether {

namespace {

constexpr int kRequestDeadlineMs = 10'000; // a client has this long to send its request

// The socket lives in a 0700 directory and is created user-only; checking the peer's uid as
// well costs nothing.
bool peerIsThisUser(const QLocalSocket *socket)
{
#ifdef SO_PEERCRED
    ucred credentials{};
    socklen_t length = sizeof credentials;
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials,
                     &length)
        != 0)
        return false;
    return credentials.uid == ::getuid();
#else
    Q_UNUSED(socket);
    return true;
#endif
}

} // namespace

ControlServer::ControlServer(AccountBackend &backend, const Clock &clock, QObject *parent)
    : QObject(parent), m_backend(backend), m_clock(clock), m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onConnection);
}

ControlServer::~ControlServer() = default;

bool ControlServer::anotherInstanceRuns()
{
    return control::appRunning();
}

bool ControlServer::listen(QString *error)
{
    m_instanceLock = std::make_unique<QLockFile>(control::instanceLockPath());
    m_instanceLock->setStaleLockTime(0);
    if (!m_instanceLock->tryLock(0)) {
        *error = QStringLiteral("Tether is already running");
        return false;
    }
    // Holding the instance lock, whatever socket is there is a dead instance's.
    QLocalServer::removeServer(control::socketPath());
    if (!m_server->listen(control::socketPath())) {
        *error = QStringLiteral("cannot listen on %1: %2")
                         .arg(control::socketPath(), m_server->errorString());
        return false;
    }
    return true;
}

void ControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        if (!peerIsThisUser(socket)) {
            socket->abort();
            continue;
        }
        auto drop = [socket] { socket->abort(); };
        readRequestHead(
                socket, this, "\n", control::kMaxRequestBytes, kRequestDeadlineMs,
                {[this, socket](const QByteArray &line) { handle(socket, line); }, drop, drop});
    }
}

void ControlServer::handle(QLocalSocket *socket, const QByteArray &line)
{
    const auto request = control::decodeRequest(line);
    if (!request) {
        socket->write(control::encode(
                control::Answer{2, {}, "tether: the running Tether could not read the request\n"}));
        socket->disconnectFromServer();
        return;
    }
    if (request->raise) {
        Q_EMIT raiseRequested();
        socket->write(control::encode(control::Answer{0, {}, {}}));
        socket->disconnectFromServer();
        return;
    }
    auto io = std::make_shared<BufferIo>(request->input);
    auto *command = new CommandLine(m_backend, *io, m_clock, this);
    const QPointer<QLocalSocket> guard(socket);
    connect(command, &CommandLine::commandFinished, this, [guard, command, io](int exitCode) {
        command->deleteLater();
        if (!guard)
            return; // the client went away; the command still ran to its end
        guard->write(control::encode(control::Answer{exitCode, io->out, io->err}));
        guard->disconnectFromServer();
    });
    command->start(QStringList{QStringLiteral("tether")} + request->argv);
}

} // namespace tether
