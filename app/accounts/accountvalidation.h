#pragma once

#include "accounts/account.h"

#include <optional>

namespace tether {

class ProviderCatalog;

// The checks an account's settings pass before anything is stored: the same for `tether add`,
// `tether edit` and the window's dialogs. Messages name the setting in words, never an option;
// Failure::field says which setting it is, so that each interface can point at its own control.
//
// `discoveryPending`: the endpoints are yet to come from the issuer's discovery document, so
// only what can be checked without them is.
std::optional<Failure> validateAccount(const ProviderCatalog &catalog, const AccountConfig &config,
                                       bool hasClientSecret, bool discoveryPending = false);

// Limits on what an account may hold (docs/reliability.md): far above any real value, far below
// what would bloat the registry, the keychain or a request.
inline constexpr qsizetype kMaxClientIdLength = 1024;
inline constexpr qsizetype kMaxScopeLength = 4096;
inline constexpr qsizetype kMaxUrlLength = 2048;
inline constexpr qsizetype kMaxSecretLength = 4096;

// A client secret given to add or edit: bounded, and no control characters.
std::optional<Failure> checkClientSecret(const QString &secret);

// RFC 8252 §7.3: a loopback IP literal, plain http, a port, a path; no query or fragment.
std::optional<Failure> checkLoopbackRedirect(const QString &text);

} // namespace tether
