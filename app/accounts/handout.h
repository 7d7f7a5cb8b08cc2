#pragma once

#include <algorithm>
#include <cstdint>

// When a stored access token is good to hand out: more than a safety margin before it expires,
// a quarter of its lifetime but at most a minute, so that a caller can still use it. One rule for
// the engine (tokenlifetimes.h) and the `tether` executable's own keychain read
// (cli/storedtoken.h), which has no Qt; whole seconds, truncated as QDateTime::secsTo does.
namespace tether::handout {

constexpr std::int64_t safetyMarginSeconds(std::int64_t lifetimeSeconds)
{
    return std::min<std::int64_t>(60, std::max<std::int64_t>(0, lifetimeSeconds) / 4);
}

constexpr bool goodToHandOut(std::int64_t secondsLeft, std::int64_t lifetimeSeconds)
{
    return secondsLeft > safetyMarginSeconds(lifetimeSeconds);
}

} // namespace tether::handout
