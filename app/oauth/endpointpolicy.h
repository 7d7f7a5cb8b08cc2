#pragma once

#include "core/failure.h"

#include <QUrl>

#include <optional>

namespace tether {

bool isLoopbackHost(const QString &host);

// Whether Tether may send credentials to this endpoint: https always; plain http only to a
// loopback host or when the account explicitly opted in. Returns the refusal, if any.
std::optional<Failure> checkEndpoint(const QUrl &url, bool allowInsecureHttp,
                                     const QString &what = QStringLiteral("token endpoint"));

} // namespace tether
