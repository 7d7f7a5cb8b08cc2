#pragma once

// Failure kinds and the exit codes they map to, without Qt: the `tether` executable, which loads
// no Qt to answer `tether token`, uses them as the rest of Tether does.
namespace tether {

// What kind of trouble an operation ran into. Every failure anywhere in Tether is put into one
// of these, because the kind decides what happens to the tokens and what the exit code is.
enum class FailureKind {
    BadInput, // the user's input: unknown account, malformed JSON, refused URL, bad flag
    Reconnect, // the user must sign in again: invalid_grant, a refused refresh, missing tokens
    Temporary, // network, timeout, 5xx, 429, malformed response: keep every token, retry later
    Keychain, // keychain unavailable, locked or too slow: change nothing
    Configuration, // the provider rejects the client itself (invalid_client ...)
    Unexpected,
    // The program asking was not allowed to (the user denied it, or did not answer in time).
    // Last: the registry stores kinds as names, older ones as numbers up to Unexpected.
    AccessDenied,
};

// Exit codes of the command line (PRODUCT.md).
constexpr int exitCodeFor(FailureKind kind)
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
    case FailureKind::AccessDenied:
        return 6;
    case FailureKind::Unexpected:
        break;
    }
    return 1;
}

} // namespace tether
