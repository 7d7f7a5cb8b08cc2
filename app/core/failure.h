#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace tether {

// What kind of trouble an operation ran into. Every failure anywhere in Tether is put into one
// of these, because the kind decides what happens to the tokens and what the exit code is.
enum class FailureKind {
    BadInput, // the user's input: unknown account, malformed JSON, refused URL, bad flag
    Reconnect, // the refresh token is gone: invalid_grant, missing or known expired
    Temporary, // network, timeout, 5xx, 429, malformed answer: keep every token, retry later
    Keychain, // keychain unavailable, locked or too slow: change nothing
    Configuration, // the provider rejects the client itself (invalid_client, invalid_scope ...)
    Unexpected,
};

struct Failure
{
    FailureKind kind = FailureKind::Unexpected;
    QString code; // machine-readable: invalid_grant, network_error, keychain_locked ...
    QString message; // one readable sentence, never a secret
    std::optional<qint64> retryAfterSeconds; // from Retry-After, when the server sent one
    int httpStatus = 0;

    static Failure badInput(const QString &message,
                            const QString &code = QStringLiteral("bad_input"));
    static Failure unexpected(const QString &message);

    QJsonValue toJson() const; // {"code", "message"}
};

// Exit codes of the command line (PRODUCT.md).
int exitCodeFor(FailureKind kind);
QString kindName(FailureKind kind);

} // namespace tether
