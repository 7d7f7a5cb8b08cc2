#include "secretservice.h"

#include <dbus/dbus.h>
#include <memory>

namespace tether::secretservice {

namespace {

constexpr char kDestination[] = "org.freedesktop.secrets";
constexpr char kServicePath[] = "/org/freedesktop/secrets";
constexpr char kServiceInterface[] = "org.freedesktop.Secret.Service";

struct MessageUnref
{
    void operator()(DBusMessage *message) const { dbus_message_unref(message); }
};
using Message = std::unique_ptr<DBusMessage, MessageUnref>;

Message serviceCall(const char *method)
{
    return Message(
            dbus_message_new_method_call(kDestination, kServicePath, kServiceInterface, method));
}

// The reply, or nullptr for an error, a timeout or a reply of another signature.
Message send(DBusConnection *bus, const Message &call, int timeoutMs, const char *signature)
{
    if (!call)
        return nullptr;
    DBusError error;
    dbus_error_init(&error);
    Message reply(dbus_connection_send_with_reply_and_block(bus, call.get(), timeoutMs, &error));
    dbus_error_free(&error);
    if (reply && !dbus_message_has_signature(reply.get(), signature))
        return nullptr;
    return reply;
}

// OpenSession("plain", <"">) -> (v output, o session)
bool openSession(DBusConnection *bus, int timeoutMs, std::string *session)
{
    Message call = serviceCall("OpenSession");
    if (!call)
        return false;
    const char *algorithm = "plain";
    const char *empty = "";
    DBusMessageIter args, variant;
    dbus_message_iter_init_append(call.get(), &args);
    if (!dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &algorithm)
        || !dbus_message_iter_open_container(&args, DBUS_TYPE_VARIANT, "s", &variant)
        || !dbus_message_iter_append_basic(&variant, DBUS_TYPE_STRING, &empty)
        || !dbus_message_iter_close_container(&args, &variant))
        return false;
    const Message reply = send(bus, call, timeoutMs, "vo");
    if (!reply)
        return false;
    DBusMessageIter it;
    dbus_message_iter_init(reply.get(), &it);
    dbus_message_iter_next(&it);
    const char *path = nullptr;
    dbus_message_iter_get_basic(&it, &path);
    *session = path;
    return true;
}

std::vector<std::string> paths(DBusMessageIter *array)
{
    std::vector<std::string> found;
    DBusMessageIter it;
    dbus_message_iter_recurse(array, &it);
    while (dbus_message_iter_get_arg_type(&it) == DBUS_TYPE_OBJECT_PATH) {
        const char *path = nullptr;
        dbus_message_iter_get_basic(&it, &path);
        found.emplace_back(path);
        dbus_message_iter_next(&it);
    }
    return found;
}

// SearchItems(a{ss}) -> (ao unlocked, ao locked)
bool searchItems(DBusConnection *bus, const Attributes &attributes, int timeoutMs,
                 std::vector<std::string> *unlocked, std::vector<std::string> *locked)
{
    Message call = serviceCall("SearchItems");
    if (!call)
        return false;
    DBusMessageIter args, dict;
    dbus_message_iter_init_append(call.get(), &args);
    if (!dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{ss}", &dict))
        return false;
    for (const auto &[key, value] : attributes) {
        DBusMessageIter entry;
        if (!dbus_message_iter_open_container(&dict, DBUS_TYPE_DICT_ENTRY, nullptr, &entry)
            || !dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key)
            || !dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &value)
            || !dbus_message_iter_close_container(&dict, &entry))
            return false;
    }
    if (!dbus_message_iter_close_container(&args, &dict))
        return false;
    const Message reply = send(bus, call, timeoutMs, "aoao");
    if (!reply)
        return false;
    DBusMessageIter it;
    dbus_message_iter_init(reply.get(), &it);
    *unlocked = paths(&it);
    dbus_message_iter_next(&it);
    *locked = paths(&it);
    return true;
}

// GetSecrets(ao items, o session) -> a{o(oayays)}: the one item's secret value.
bool getSecret(DBusConnection *bus, const std::string &item, const std::string &session,
               int timeoutMs, std::string *secret)
{
    Message call = serviceCall("GetSecrets");
    if (!call)
        return false;
    const char *itemPath = item.c_str();
    const char *sessionPath = session.c_str();
    DBusMessageIter args, items;
    dbus_message_iter_init_append(call.get(), &args);
    if (!dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "o", &items)
        || !dbus_message_iter_append_basic(&items, DBUS_TYPE_OBJECT_PATH, &itemPath)
        || !dbus_message_iter_close_container(&args, &items)
        || !dbus_message_iter_append_basic(&args, DBUS_TYPE_OBJECT_PATH, &sessionPath))
        return false;
    const Message reply = send(bus, call, timeoutMs, "a{o(oayays)}");
    if (!reply)
        return false;
    DBusMessageIter it, dict, entry, secretStruct, bytes;
    dbus_message_iter_init(reply.get(), &it);
    dbus_message_iter_recurse(&it, &dict);
    if (dbus_message_iter_get_arg_type(&dict) != DBUS_TYPE_DICT_ENTRY)
        return false; // the item went away, or was locked, in between
    dbus_message_iter_recurse(&dict, &entry);
    const char *path = nullptr;
    dbus_message_iter_get_basic(&entry, &path);
    if (item != path)
        return false;
    dbus_message_iter_next(&entry);
    dbus_message_iter_recurse(&entry, &secretStruct); // (o session, ay parameters, ay value, s)
    dbus_message_iter_next(&secretStruct);
    dbus_message_iter_next(&secretStruct);
    dbus_message_iter_recurse(&secretStruct, &bytes);
    const char *data = nullptr;
    int length = 0;
    dbus_message_iter_get_fixed_array(&bytes, &data, &length);
    secret->assign(data ? data : "", size_t(length));
    return true;
}

} // namespace

Read readSecret(DBusConnection *bus, const Attributes &attributes, int timeoutMs)
{
    Read read;
    std::vector<std::string> unlocked, locked;
    if (!searchItems(bus, attributes, timeoutMs, &unlocked, &locked))
        return read;
    if (unlocked.empty()) {
        read.outcome = locked.empty() ? Read::Outcome::Missing : Read::Outcome::Locked;
        return read;
    }
    if (unlocked.size() > 1) {
        read.outcome = Read::Outcome::Ambiguous;
        return read;
    }
    // The session ends with the connection: no Close call, no second round trip.
    std::string session;
    if (openSession(bus, timeoutMs, &session)
        && getSecret(bus, unlocked.front(), session, timeoutMs, &read.secret))
        read.outcome = Read::Outcome::Found;
    return read;
}

} // namespace tether::secretservice
