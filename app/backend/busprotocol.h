#pragma once

#include "core/failurekind.h"
#include "tether1_protocol.h" // generated from the XML (tools/generate-bus-contract.py)

#include <cstring>

// Tether's D-Bus names and typed errors (resources/dbus/io.github.tether.Tether1.xml) as plain
// C strings: shared by the Qt side (busnames.h) and the `tether` executable, which answers
// `tether token` over D-Bus without loading Qt.
namespace tether::bus::protocol {

inline constexpr char kService[] = "io.github.tether.Tether";
inline constexpr char kPath[] = "/io/github/tether/Tether";
inline constexpr const char *kInterface = contract::kInterface;
inline constexpr char kErrorPrefix[] = "io.github.tether.Tether1.Error.";

struct TypedError
{
    const char *suffix; // after kErrorPrefix
    FailureKind kind;
};
inline constexpr TypedError kErrors[] = {
        {"NotFound", FailureKind::BadInput}, // an unknown account
        {"NeedsReconnect", FailureKind::Reconnect},  {"Temporary", FailureKind::Temporary},
        {"Keychain", FailureKind::Keychain},         {"Configuration", FailureKind::Configuration},
        {"AccessDenied", FailureKind::AccessDenied},
};

// The typed error an error name is, or nullptr for any other error.
inline const TypedError *typedError(const char *errorName)
{
    const size_t prefix = sizeof(kErrorPrefix) - 1;
    if (!errorName || std::strncmp(errorName, kErrorPrefix, prefix) != 0)
        return nullptr;
    for (const TypedError &error : kErrors) {
        if (std::strcmp(errorName + prefix, error.suffix) == 0)
            return &error;
    }
    return nullptr;
}

// How long a client waits for the service to answer org.freedesktop.DBus.Peer.Ping before it
// takes it for stopped (SIGSTOP, a debugger, a hung machine): a running service answers at once,
// whatever it is doing, so a few seconds are plenty, and far less than a refresh may take.
inline constexpr int kPingTimeoutMs = 3'000;

// Whether an error means that no service owns the name (then the caller works alone).
inline bool noService(const char *errorName)
{
    return errorName
           && (std::strcmp(errorName, "org.freedesktop.DBus.Error.ServiceUnknown") == 0
               || std::strcmp(errorName, "org.freedesktop.DBus.Error.NameHasNoOwner") == 0);
}

} // namespace tether::bus::protocol
