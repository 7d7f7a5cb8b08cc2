#include "failure.h"

#include <QJsonObject>

namespace tether {

Failure Failure::badInput(const QString &message, const QString &code)
{
    return {FailureKind::BadInput, code, message, std::nullopt, 0};
}

Failure Failure::unexpected(const QString &message)
{
    return {FailureKind::Unexpected, QStringLiteral("unexpected"), message, std::nullopt, 0};
}

QJsonValue Failure::toJson() const
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

int exitCodeFor(FailureKind kind)
{
    switch (kind) {
    case FailureKind::BadInput:
    case FailureKind::Configuration:
        // The account's configuration is input the user has to fix; reconnecting would not help.
        return 2;
    case FailureKind::Reconnect:
        return 3;
    case FailureKind::Temporary:
        return 4;
    case FailureKind::Keychain:
        return 5;
    case FailureKind::Unexpected:
        break;
    }
    return 1;
}

QString kindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::BadInput:
        return QStringLiteral("bad input");
    case FailureKind::Reconnect:
        return QStringLiteral("reconnect needed");
    case FailureKind::Temporary:
        return QStringLiteral("temporary failure");
    case FailureKind::Keychain:
        return QStringLiteral("keychain unavailable");
    case FailureKind::Configuration:
        return QStringLiteral("configuration error");
    case FailureKind::Unexpected:
        break;
    }
    return QStringLiteral("unexpected failure");
}

} // namespace tether
