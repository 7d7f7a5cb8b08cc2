#pragma once

// The versions of what Tether stores, as plain constants: the Qt classes that write them
// (AccountRegistry, SecretBundle) and the `tether` executable, which reads them without Qt
// (cli/storedtoken.h), agree on one number each.
namespace tether::storedformats {

// accounts.json's "schema": a registry of a higher one was written by a newer Tether.
inline constexpr int kRegistrySchema = 1;
// A keychain item's "format" (one JSON object per account).
inline constexpr int kSecretBundle = 1;

} // namespace tether::storedformats
