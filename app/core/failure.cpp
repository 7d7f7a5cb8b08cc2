#include "failure.h"

#include <QJsonObject>

namespace tether {

namespace {

const std::pair<const char *, FailureKind> kKinds[] = {
        {"bad_input", FailureKind::BadInput},          {"reconnect", FailureKind::Reconnect},
        {"temporary", FailureKind::Temporary},         {"keychain", FailureKind::Keychain},
        {"configuration", FailureKind::Configuration}, {"unexpected", FailureKind::Unexpected},
        {"access_denied", FailureKind::AccessDenied},
};

Failure make(FailureKind kind, const QString &code, const QString &message, int httpStatus)
{
    Failure f;
    f.kind = kind;
    f.code = code;
    f.message = message;
    f.httpStatus = httpStatus;
    return f;
}

} // namespace

Failure Failure::badInput(const QString &message, const QString &code)
{
    return make(FailureKind::BadInput, code, message, 0);
}

Failure Failure::reconnect(const QString &code, const QString &message, int httpStatus)
{
    return make(FailureKind::Reconnect, code, message, httpStatus);
}

Failure Failure::temporary(const QString &code, const QString &message, int httpStatus)
{
    return make(FailureKind::Temporary, code, message, httpStatus);
}

Failure Failure::keychain(const QString &code, const QString &message)
{
    return make(FailureKind::Keychain, code, message, 0);
}

Failure Failure::configuration(const QString &code, const QString &message, int httpStatus)
{
    return make(FailureKind::Configuration, code, message, httpStatus);
}

Failure Failure::unexpected(const QString &message, const QString &code)
{
    return make(FailureKind::Unexpected, code, message, 0);
}

Failure Failure::accessDenied(const QString &message)
{
    return make(FailureKind::AccessDenied, QStringLiteral("access_denied"), message, 0);
}

Failure Failure::withRetryAfter(std::optional<qint64> seconds) const
{
    Failure f = *this;
    f.retryAfterSeconds = seconds;
    return f;
}

Failure Failure::withField(const QString &name) const
{
    Failure f = *this;
    f.field = name;
    return f;
}

QJsonValue Failure::toJson() const
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

int exitCodeFor(const Failure &failure)
{
    return exitCodeFor(failure.kind);
}

QString nameOf(FailureKind kind)
{
    for (const auto &[name, value] : kKinds) {
        if (value == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<FailureKind> failureKindFromString(const QString &text)
{
    for (const auto &[name, value] : kKinds) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

} // namespace tether
