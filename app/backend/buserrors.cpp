#include "busnames.h"

#include <QCoreApplication>

namespace tether::bus {

bool noService(const QString &name)
{
    return protocol::noService(name.toLatin1().constData());
}

QString errorName(const Failure &failure)
{
    const char *suffix = nullptr;
    if (failure.code == QLatin1String("unknown_account"))
        suffix = "NotFound";
    else if (failure.kind == FailureKind::BadInput)
        suffix = "Configuration";
    for (const protocol::TypedError &error : protocol::kErrors) {
        if (!suffix && error.kind == failure.kind && qstrcmp(error.suffix, "NotFound") != 0)
            suffix = error.suffix;
    }
    if (!suffix)
        return QStringLiteral("org.freedesktop.DBus.Error.Failed");
    return QLatin1String(protocol::kErrorPrefix) + QLatin1String(suffix);
}

Failure failureFromError(const QString &name, const QString &message)
{
    const QByteArray latin1 = name.toLatin1();
    if (const protocol::TypedError *error = protocol::typedError(latin1.constData())) {
        if (qstrcmp(error->suffix, "NotFound") == 0)
            return Failure::badInput(message, QStringLiteral("unknown_account"));
        Failure f = Failure::unexpected(message);
        f.kind = error->kind;
        f.code = error->kind == FailureKind::AccessDenied
                         ? QStringLiteral("access_denied")
                         : QString::fromLatin1(error->suffix).toLower();
        return f;
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

QDBusMessage errorReply(const QDBusMessage &call, const Failure &failure)
{
    QDBusMessage reply = call.createErrorReply(errorName(failure), failure.message);
    if (!failure.field.isEmpty())
        reply << failure.field;
    return reply;
}

Failure failureFromError(const QDBusMessage &error)
{
    Failure failure = failureFromError(error.errorName(), error.errorMessage());
    const QVariantList arguments = error.arguments();
    if (arguments.size() > 1 && arguments.at(1).metaType() == QMetaType::fromType<QString>())
        failure.field = arguments.at(1).toString();
    return failure;
}

} // namespace tether::bus
