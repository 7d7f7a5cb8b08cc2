#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// JSON (RFC 8259) and ISO 8601 instants without Qt, for the `tether` executable, which reads the
// account registry and the keychain's token set itself when no service runs (cli/storedtoken.h)
// and must not load Qt for it. The rest of Tether reads JSON with QJsonDocument.
namespace tether::plainjson {

struct Value
{
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    std::string text; // a string's UTF-8, or a number's literal as written
    std::vector<Value> items;
    std::vector<std::pair<std::string, Value>> members;

    // The member's value, or nullptr when this is not an object or has no such member (the
    // last one when a key repeats, as QJsonDocument does).
    const Value *member(std::string_view key) const;
    // An integral number written without fraction or exponent that fits, else nothing.
    std::optional<std::int64_t> integer() const;
    bool isString() const { return type == Type::String; }
};

// The document, or nothing when it is not exactly one JSON object or array (whitespace around it
// allowed),
// nests deeper than maxDepth, or holds a string that is not valid in JSON or not UTF-8. What it
// reads QJsonDocument reads the same (tst_plainjson, fuzz_stored_token).
std::optional<Value> parse(std::string_view text, int maxDepth = 64);

// Milliseconds since the epoch of an instant as Qt::ISODateWithMs writes it
// ("2026-12-07T02:30:14.123Z"; without milliseconds, or with a "+HH:MM" offset, too), or
// nothing for anything else.
std::optional<std::int64_t> isoInstantMs(std::string_view text);

} // namespace tether::plainjson
