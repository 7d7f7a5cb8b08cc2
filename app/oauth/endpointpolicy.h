#pragma once

#include "core/failure.h"

#include <QUrl>

#include <optional>

namespace tether {

// The URLs an account sends credentials to, or reads metadata from.
enum class Endpoint { Token, Authorization, Revocation, DeviceAuthorization, Issuer };

QString nameOf(Endpoint endpoint); // "the token endpoint" ..., for people (translated)
QString fieldOf(Endpoint endpoint); // "token-endpoint" ..., see Failure::field

// Whether the URL's host is this machine by address: 127.0.0.0/8, ::1, or 127.x mapped into IPv6.
// QUrl has written every spelling of an address (127.1, 0x7f.0.0.1, 2130706433, [0::1]) in its
// one canonical form by then, so these are compared as text, without Qt Network (the window's
// module links none). Never true where QHostAddress::isLoopback() is not (tst_endpointpolicy).
bool isLoopbackAddress(const QUrl &url);
// The same, or the name "localhost".
bool isLoopbackHost(const QUrl &url);

// Whether Tether may send credentials to this endpoint: https always; plain http only to a
// loopback host or when the account explicitly opted in. Returns the refusal, if any.
std::optional<Failure> checkEndpoint(const QUrl &url, bool allowInsecureHttp,
                                     Endpoint endpoint = Endpoint::Token);

} // namespace tether
