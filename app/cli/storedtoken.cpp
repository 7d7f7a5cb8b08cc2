#include "storedtoken.h"

#include "accounts/handout.h"
#include "core/plainjson.h"
#include "core/storedformats.h"
#include "secrets/secretservice.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tether::storedtoken {

#ifndef TETHER_BUILTIN_PROVIDERS
#error "TETHER_BUILTIN_PROVIDERS: the compiled-in profiles' ids, separated by commas"
#endif

namespace {

// As AccountRegistry: a registry larger than this is not read.
constexpr off_t kMaxRegistrySize = 64 * 1024 * 1024;
// A Secret Service that answers at all answers in milliseconds. One that takes longer (starting
// up, stalled) is the command module's to wait for, with its watchdog and its words.
constexpr int kKeychainTimeoutMs = 2'000;

std::optional<std::string> readFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::optional<std::string> content;
    struct stat info = {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= kMaxRegistrySize) {
        std::string data(size_t(info.st_size), '\0');
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::read(fd, data.data() + done, data.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += size_t(n);
        }
        if (done == data.size())
            content = std::move(data);
    }
    ::close(fd);
    return content;
}

// An absolute directory from the environment, as QStandardPaths finds it; nothing when Qt might
// find another (then the command module decides).
std::optional<std::string> absoluteEnv(const char *name)
{
    const char *value = std::getenv(name);
    if (!value || value[0] != '/')
        return std::nullopt;
    return std::string(value);
}

std::optional<std::string> registryPath()
{
    if (const char *config = std::getenv("XDG_CONFIG_HOME"); config && config[0] != '\0') {
        const auto dir = absoluteEnv("XDG_CONFIG_HOME");
        return dir ? std::optional(*dir + "/tether/accounts.json") : std::nullopt;
    }
    const auto home = absoluteEnv("HOME");
    return home ? std::optional(*home + "/.config/tether/accounts.json") : std::nullopt;
}

// Whether a refresh holds the account's lock (AccountLock) in another process: then the
// command module decides, as QuickToken does for a provider that kills the previous token.
// Unknown counts as held.
bool lockedElsewhere(std::string_view id)
{
    const auto runtime = absoluteEnv("XDG_RUNTIME_DIR");
    if (!runtime)
        return true;
    const std::string path = *runtime + "/tether/" + std::string(id) + ".lock";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return errno != ENOENT; // never locked since the machine started
    int rc;
    do {
        rc = ::flock(fd, LOCK_SH | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    const bool held = rc != 0;
    ::close(fd); // and with it the shared lock
    return held;
}

int keychainTimeoutMs()
{
    const char *configured = std::getenv("TETHER_KEYCHAIN_TIMEOUT_MS");
    const int ms = configured ? std::atoi(configured) : 0;
    return ms > 0 && ms < kKeychainTimeoutMs ? ms : kKeychainTimeoutMs;
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

std::optional<Ready> readyAccount(std::string_view registry, std::string_view id)
{
    const auto root = plainjson::parse(registry);
    const plainjson::Value *schema = root ? root->member("schema") : nullptr;
    const auto version = schema ? schema->integer() : std::nullopt;
    if (!version || *version < 1 || *version > storedformats::kRegistrySchema)
        return std::nullopt;
    const plainjson::Value *accounts = root->member("accounts");
    if (!accounts || accounts->type != plainjson::Value::Type::Array)
        return std::nullopt;
    for (const plainjson::Value &account : accounts->items) {
        const plainjson::Value *accountId = account.member("id");
        if (!accountId || !accountId->isString() || accountId->text != id)
            continue;
        const plainjson::Value *provider = account.member("provider");
        const plainjson::Value *status = account.member("status");
        const plainjson::Value *hasTokens = status ? status->member("has_tokens") : nullptr;
        const plainjson::Value *generation = status ? status->member("generation") : nullptr;
        if (!provider || !provider->isString() || !hasTokens
            || hasTokens->type != plainjson::Value::Type::Bool || !hasTokens->boolean || !generation
            || !generation->integer() || status->member("in_flight_generation"))
            return std::nullopt;
        return Ready{*generation->integer(), provider->text};
    }
    return std::nullopt;
}

bool builtInProvider(std::string_view provider)
{
    bool listed = false;
    for (std::string_view list = TETHER_BUILTIN_PROVIDERS; !list.empty() && !listed;) {
        const std::size_t comma = list.find(',');
        listed = list.substr(0, comma) == provider;
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (!listed)
        return false;
    std::optional<std::string> data = absoluteEnv("XDG_DATA_HOME");
    if (!data && (!std::getenv("XDG_DATA_HOME") || !*std::getenv("XDG_DATA_HOME"))) {
        if (const auto home = absoluteEnv("HOME"))
            data = *home + "/.local/share";
    }
    if (!data)
        return false;
    struct stat info = {};
    const std::string own = *data + "/tether/providers/" + std::string(provider) + ".json";
    return ::stat(own.c_str(), &info) != 0 && errno == ENOENT;
}

std::optional<std::string> goodAccessToken(std::string_view bundle, std::int64_t generation,
                                           std::int64_t now)
{
    const auto root = plainjson::parse(bundle);
    const plainjson::Value *format = root ? root->member("format") : nullptr;
    const plainjson::Value *stored = root ? root->member("generation") : nullptr;
    const plainjson::Value *tokens = root ? root->member("tokens") : nullptr;
    if (!format || format->integer() != storedformats::kSecretBundle || !stored
        || stored->integer().value_or(-1) < generation || !tokens)
        return std::nullopt;
    const plainjson::Value *access = tokens->member("access_token");
    const plainjson::Value *expires = tokens->member("access_expires_at");
    const plainjson::Value *issued = tokens->member("access_issued_at");
    if (!access || !access->isString() || access->text.empty() || !expires || !expires->isString())
        return std::nullopt;
    const auto expiresMs = plainjson::isoInstantMs(expires->text);
    if (!expiresMs)
        return std::nullopt;
    // No issue time: no lifetime, no margin (QDateTime's secsTo of an invalid time is 0).
    const auto issuedMs =
            issued && issued->isString() ? plainjson::isoInstantMs(issued->text) : std::nullopt;
    const std::int64_t lifetime = issuedMs ? (*expiresMs - *issuedMs) / 1000 : 0;
    if (!handout::goodToHandOut((*expiresMs - now) / 1000, lifetime))
        return std::nullopt;
    return access->text;
}

std::optional<std::string> read(DBusConnection *bus, const char *id)
{
    const std::string_view account(id);
    if (account.empty() || account.find('/') != std::string_view::npos)
        return std::nullopt;
    const auto path = registryPath();
    const auto registry = path ? readFile(*path) : std::nullopt;
    const auto ready = registry ? readyAccount(*registry, account) : std::nullopt;
    if (!ready || !builtInProvider(ready->provider))
        return std::nullopt;
    // QtKeychain's item for KeychainSecretStore("tether"): text data under the account's id.
    secretservice::Read item = secretservice::readSecret(
            bus, {{"server", "tether"}, {"user", id}, {"type", "plaintext"}}, keychainTimeoutMs());
    if (item.outcome != secretservice::Read::Outcome::Found)
        return std::nullopt;
    auto token = goodAccessToken(item.secret, ready->generation, nowMs());
    ::explicit_bzero(item.secret.data(), item.secret.size()); // the refresh token is in there
    // A refresh under way elsewhere may kill this token the moment it succeeds (Wise).
    if (token && lockedElsewhere(account))
        return std::nullopt;
    return token;
}

} // namespace tether::storedtoken
