#pragma once

#include "core/text.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tether {

// What a command reads, if anything, from standard input.
struct InputRequest
{
    qint64 limit = 0;
    QString prompt; // shown when standard input is a terminal
    bool secret = false; // no echo on a terminal
};

// Where a command's input comes from and its output goes: the console for a command run in its
// own process, buffers where the output is collected first (the unit tests, a service reply).
class CommandIo
{
public:
    virtual ~CommandIo() = default;
    virtual void writeOut(const QByteArray &bytes) = 0;
    virtual void writeErr(const QByteArray &bytes) = 0;
    // nullopt when the input is missing or larger than the limit.
    virtual std::optional<QByteArray> readInput(const InputRequest &request) = 0;

    // Lines for people, with anything that would act on a terminal taken out (account names and
    // server words reach them); writeOut is for data (JSON, a token) as it is.
    void line(const QString &text) { writeOut(text::forTerminal(text).toUtf8() + '\n'); }
    void error(const QString &text)
    {
        writeErr("tether: " + text::forTerminal(text).toUtf8() + '\n');
    }
    void warning(const QString &text)
    {
        writeErr("tether: warning: " + text::forTerminal(text).toUtf8() + '\n');
    }
};

class ConsoleIo final : public CommandIo
{
public:
    // Input read earlier (for a running app that turned out not to be there): served instead of
    // reading standard input again.
    void setInput(const std::optional<QByteArray> &input)
    {
        m_preRead = input;
        m_hasPreRead = true;
    }
    void writeOut(const QByteArray &bytes) override;
    void writeErr(const QByteArray &bytes) override;
    std::optional<QByteArray> readInput(const InputRequest &request) override;

private:
    std::optional<QByteArray> m_preRead;
    bool m_hasPreRead = false;
};

class BufferIo final : public CommandIo
{
public:
    explicit BufferIo(const std::optional<QByteArray> &input) : m_input(input) { }
    void writeOut(const QByteArray &bytes) override { out += bytes; }
    void writeErr(const QByteArray &bytes) override { err += bytes; }
    std::optional<QByteArray> readInput(const InputRequest &request) override;

    QByteArray out;
    QByteArray err;

private:
    std::optional<QByteArray> m_input;
};

} // namespace tether
