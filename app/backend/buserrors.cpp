#include "busnames.h"

#include <QCoreApplication>

namespace tether::bus {

namespace {

const QString kErrorPrefix = QStringLiteral("io.github.tether.Tether1.Error.");

const std::pair<const char *, FailureKind> kErrors[] = {
        {"NeedsReconnect", FailureKind::Reconnect},
        {"Temporary", FailureKind::Temporary},
        {"Keychain", FailureKind::Keychain},
        {"Configuration", FailureKind::Configuration},
};

} // namespace

bool noService(const QString &name)
{
    return name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
           || name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner");
}

QString errorName(const Failure &failure)
{
    if (failure.code == QLatin1String("unknown_account"))
        return kErrorPrefix + QStringLiteral("NotFound");
    if (failure.kind == FailureKind::BadInput)
        return kErrorPrefix + QStringLiteral("Configuration");
    for (const auto &[name, kind] : kErrors) {
        if (kind == failure.kind)
            return kErrorPrefix + QLatin1String(name);
    }
    return QStringLiteral("org.freedesktop.DBus.Error.Failed");
}

Failure failureFromError(const QString &name, const QString &message)
{
    if (name == kErrorPrefix + QStringLiteral("NotFound"))
        return Failure::badInput(message, QStringLiteral("unknown_account"));
    for (const auto &[suffix, kind] : kErrors) {
        if (name == kErrorPrefix + QLatin1String(suffix)) {
            Failure f = Failure::unexpected(message);
            f.kind = kind;
            f.code = QString::fromLatin1(suffix).toLower();
            return f;
        }
    }
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply")
        || name == QLatin1String("org.freedesktop.DBus.Error.Timeout")
        || name == QLatin1String("org.freedesktop.DBus.Error.Disconnected") || noService(name))
        return Failure::temporary(QStringLiteral("service_unavailable"),
                                  QCoreApplication::translate("BusApi",
                                                              "the Tether service did not answer "
                                                              "(%1); try again")
                                          .arg(message));
    return Failure::unexpected(message.isEmpty() ? name : message);
}

} // namespace tether::bus
