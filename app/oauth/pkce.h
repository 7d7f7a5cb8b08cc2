#pragma once

#include <QByteArray>

namespace tether::pkce {

// RFC 7636: a code verifier of 32 random bytes, base64url without padding (43 characters).
QByteArray newVerifier();
// The S256 challenge: base64url(SHA-256(verifier)), no padding.
QByteArray challenge(const QByteArray &verifier);
// A `state` value (RFC 6749 §10.12): 16 random bytes, base64url.
QByteArray newState();

} // namespace tether::pkce
