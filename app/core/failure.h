#pragma once

#include "core/failurekind.h"

#include <QJsonValue>
#include <QString>

#include <optional>

namespace tether {

// One failure, constructed by meaning: Failure::temporary(...), Failure::reconnect(...), ...
struct Failure
{
    FailureKind kind = FailureKind::Unexpected;
    QString code; // machine-readable: invalid_grant, network_error, keychain_locked ...
    QString message; // one readable sentence, never a secret
    std::optional<qint64> retryAfterSeconds; // from Retry-After, when the server sent one
    int httpStatus = 0;
    // The account setting the failure is about, named as the command line's option without its
    // dashes ("client-id", "token-endpoint" ...): the command line points at its option, the
    // window at its field. Messages themselves never name an option.
    QString field;

    static Failure badInput(const QString &message,
                            const QString &code = QStringLiteral("bad_input"));
    static Failure reconnect(const QString &code, const QString &message, int httpStatus = 0);
    static Failure temporary(const QString &code, const QString &message, int httpStatus = 0);
    static Failure keychain(const QString &code, const QString &message);
    static Failure configuration(const QString &code, const QString &message, int httpStatus = 0);
    static Failure unexpected(const QString &message,
                              const QString &code = QStringLiteral("unexpected"));
    static Failure accessDenied(const QString &message);

    Failure withRetryAfter(std::optional<qint64> seconds) const;
    Failure withField(const QString &name) const;
    QJsonValue toJson() const; // {"code", "message"}
};

// Exit codes of the command line (PRODUCT.md).
int exitCodeFor(const Failure &failure);
QString nameOf(FailureKind kind); // "bad_input", "reconnect" ... (the registry's and D-Bus's word)
std::optional<FailureKind> failureKindFromString(const QString &text);

} // namespace tether
