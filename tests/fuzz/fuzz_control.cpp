// The control socket's request lines (only this user can connect, but parse defensively anyway).
#include "accounts/account.h"
#include "control/controlprotocol.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)tether::control::decodeRequest(bytes);
    (void)tether::control::decodeAnswer(bytes);
    QString error;
    (void)tether::Account::fromJson(QJsonDocument::fromJson(bytes).object(),
                                    &error); // registry entries
    return 0;
}
