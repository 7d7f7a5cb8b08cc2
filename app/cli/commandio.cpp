#include "commandio.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace tether {

namespace {

void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void ConsoleIo::writeOut(const QByteArray &bytes)
{
    write(stdout, bytes);
}

void ConsoleIo::writeErr(const QByteArray &bytes)
{
    write(stderr, bytes);
}

std::optional<QByteArray> ConsoleIo::readInput(const InputRequest &request)
{
    if (m_hasPreRead)
        return m_preRead && m_preRead->size() <= request.limit ? m_preRead : std::nullopt;
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        write(stderr, request.prompt.toLocal8Bit());
        if (request.secret && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray data;
    if (terminal) {
        data = in.readLine(request.limit + 1);
    } else {
        // A pipe hands over what it has; read until end of input or past the limit.
        while (data.size() <= request.limit) {
            const QByteArray chunk = in.read(request.limit + 1 - data.size());
            if (chunk.isEmpty())
                break;
            data += chunk;
        }
    }
    if (terminal && request.secret) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        write(stderr, "\n");
    }
    if (data.size() > request.limit)
        return std::nullopt;
    return data;
}

std::optional<QByteArray> BufferIo::readInput(const InputRequest &request)
{
    if (!m_input || m_input->size() > request.limit)
        return std::nullopt;
    return m_input;
}

} // namespace tether
