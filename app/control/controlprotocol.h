#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace tether::control {

// One request, one answer, each a single line of JSON on a user-only local socket in the
// runtime directory:
//   request  {"v":1, "argv":["token","ID"], "stdin": base64 | null}   or {"v":1, "raise":true}
//   answer   {"exit":0, "stdout":base64, "stderr":base64}
constexpr int kVersion = 1;
constexpr qint64 kMaxRequestBytes = 2 * 1024 * 1024;
constexpr qint64 kMaxAnswerBytes = 8 * 1024 * 1024;

QString socketPath();
// The lock the running app holds for as long as it runs (one app per user).
QString instanceLockPath();
// Whether an app holds it now.
bool appRunning();
// Whether an app accepts connections on the control socket now: a connect(2) on the socket,
// closed at once, without the lock file round trip (QLockFile syncs its file to disk).
bool appListening();

struct Request
{
    QStringList argv; // without the program name
    std::optional<QByteArray> input;
    bool raise = false;
};

struct Answer
{
    int exitCode = 1;
    QByteArray out;
    QByteArray err;
};

QByteArray encode(const Request &request);
std::optional<Request> decodeRequest(const QByteArray &line);
QByteArray encode(const Answer &answer);
std::optional<Answer> decodeAnswer(const QByteArray &line);

} // namespace tether::control
