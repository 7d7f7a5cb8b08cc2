#include "redact.h"

#include <QCryptographicHash>

namespace tether {

QString redacted(const QString &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("<none>");
    // Eight hex digits of a hash: enough to tell two tokens apart in a log, useless to an attacker.
    const QByteArray digest =
            QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    // not translated: a log marker, the same in every language
    return QStringLiteral("<secret %1 chars sha256:%2>")
            .arg(secret.size())
            .arg(QString::fromLatin1(digest));
}

} // namespace tether
