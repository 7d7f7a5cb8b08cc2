#pragma once

#include "core/failure.h"

#include <QUrl>

#include <optional>

namespace tether {

// The URLs an account sends credentials to, or reads metadata from.
enum class Endpoint { Token, Authorization, Revocation, DeviceAuthorization, Issuer };

QString nameOf(Endpoint endpoint); // "the token endpoint" ..., for people (translated)
QString fieldOf(Endpoint endpoint); // "token-endpoint" ..., see Failure::field

bool isLoopbackHost(const QString &host);

// Whether Tether may send credentials to this endpoint: https always; plain http only to a
// loopback host or when the account explicitly opted in. Returns the refusal, if any.
std::optional<Failure> checkEndpoint(const QUrl &url, bool allowInsecureHttp,
                                     Endpoint endpoint = Endpoint::Token);

} // namespace tether
