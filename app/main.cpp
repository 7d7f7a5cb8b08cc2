// The `tether` executable. It loads no Qt: what it does by itself is the call other programs make
// all day, `tether token ID`, answered by the session's service over D-Bus (libdbus, one method
// call), or with no service running, by the stored token read from the registry and straight
// from the Secret Service (cli/storedtoken.h). Starting a Qt program costs more than that whole
// call, and more than the `secret-tool lookup` a script could run instead (docs/performance.md).
//
// Everything else is a module loaded next to it: libtether-gui.so for the window, libtether-demo.so
// for the window on the demo provider, libtether-cli.so for every command, the service, and a
// token that needs more than reading (a refresh, an error to explain). Every human sentence is
// written by those, translated; this file prints only the service's own (already translated)
// error messages and, when Tether's install is broken, one line in English.

#include "backend/busprotocol.h"
#include "cli/storedtoken.h"
#include "system/hardening.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dbus/dbus.h>
#include <dlfcn.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

using namespace tether;

#ifndef TETHER_MODULE_DIR
#error "TETHER_MODULE_DIR: the modules' directory relative to the executable's"
#endif

// The module's entry point, looked up next to the executable (the build tree), then in the
// installed module directory.
void *moduleEntry(const char *fileName, const char *symbol, std::string *problems)
{
    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        *problems = "cannot find the executable's directory";
        return nullptr;
    }
    self[length] = '\0';
    std::string dir(self);
    dir.resize(dir.rfind('/'));
    for (const std::string &path :
         {dir + '/' + fileName, dir + '/' + TETHER_MODULE_DIR + '/' + fileName}) {
        if (::access(path.c_str(), F_OK) != 0)
            continue;
        // One module per process (the window's, the demo's or the commands'), each with Tether's
        // static libraries inside: RTLD_LOCAL keeps its symbols to itself.
        void *module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            *problems += ::dlerror();
            continue;
        }
        if (void *entry = ::dlsym(module, symbol))
            return entry;
        *problems += ::dlerror();
    }
    if (problems->empty())
        *problems = "not found";
    return nullptr;
}

int moduleMissing(const char *fileName, const std::string &problems)
{
    std::fprintf(stderr, "tether: %s could not be loaded (%s); reinstall Tether\n", fileName,
                 problems.c_str());
    return 1;
}

int runCommands(int argc, char *argv[])
{
    std::string problems;
    using Main = int (*)(int, char **);
    if (auto run =
                reinterpret_cast<Main>(moduleEntry("libtether-cli.so", "tether_main", &problems)))
        return run(argc, argv);
    return moduleMissing("libtether-cli.so", problems);
}

// `tether` and `tether --demo` (and either with --hidden, which the window takes too): the
// window, loaded straight from here, so that its process holds one copy of Tether's libraries
// (the window's or the demo's module), not the command module's as well. Everything else is a
// command.
enum class Window { No, Open, Demo };
Window windowAsked(int argc, char *argv[])
{
    bool demo = false, hidden = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--demo") == 0)
            demo = true;
        else if (std::strcmp(argv[i], "--hidden") == 0)
            hidden = true;
        else
            return Window::No;
    }
    if (hidden && !demo)
        return Window::No; // the service in the background: a command
    return demo ? Window::Demo : Window::Open;
}

int runWindow(int argc, char *argv[], bool demo)
{
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")
        && !std::getenv("QT_QPA_PLATFORM")) {
        std::fputs("tether: no display to open the window on; `tether --hidden` starts the "
                   "service in the background, and `tether --help` lists the commands\n",
                   stderr);
        return 2;
    }
    // The window is the service's client; the demo's module holds a service of its own.
    const char *module = demo ? "libtether-demo.so" : "libtether-gui.so";
    std::string problems;
    using Run = int (*)(int, char **);
    if (auto run = reinterpret_cast<Run>(
                moduleEntry(module, demo ? "tether_run_demo" : "tether_run_gui", &problems))) {
        return run(argc, argv);
    }
    std::fprintf(stderr,
                 "tether: the window module (%s) could not be loaded (%s); the commands work "
                 "without it (`tether --help`)\n",
                 module, problems.c_str());
    return 1;
}

int printToken(const char *token)
{
    const bool written = std::printf("%s\n", token) > 0 && std::fflush(stdout) == 0;
    return written ? 0 : 1;
}

enum class Asked { Printed, Failed, NoService, NotAnswering, Unsure };

// Whether the service answers a ping within kPingTimeoutMs: a stopped one (SIGSTOP) never does,
// and GetAccessToken would then wait for its whole outer bound.
Asked pingService(DBusConnection *bus)
{
    DBusMessage *ping = dbus_message_new_method_call(bus::protocol::kService, bus::protocol::kPath,
                                                     "org.freedesktop.DBus.Peer", "Ping");
    if (!ping)
        return Asked::Unsure;
    dbus_message_set_auto_start(ping, FALSE);
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(
            bus, ping, bus::protocol::kPingTimeoutMs, &error);
    Asked asked = Asked::Unsure; // answered: go on
    if (!reply)
        asked = bus::protocol::noService(error.name) ? Asked::NoService : Asked::NotAnswering;
    else
        dbus_message_unref(reply);
    dbus_message_unref(ping);
    dbus_error_free(&error);
    return asked;
}

// One GetAccessToken call, never starting the service for it. A typed error is the service's
// answer and is printed as such; anything else leaves the question to the modules.
Asked askService(DBusConnection *bus, const char *id, int *exitCode)
{
    DBusError error;
    dbus_error_init(&error);
    Asked asked = Asked::Unsure;
    using Method = bus::contract::GetAccessToken; // generated from the XML, as the Qt clients'
    DBusMessage *call = dbus_message_new_method_call(bus::protocol::kService, bus::protocol::kPath,
                                                     bus::protocol::kInterface, Method::name);
    DBusPendingCall *pending = nullptr;
    if (call && dbus_message_append_args(call, DBUS_TYPE_STRING, &id, DBUS_TYPE_INVALID)) {
        dbus_message_set_auto_start(call, FALSE);
        // Blocking is this process's whole job: it has no event loop and nothing else to do.
        // The service answers within its own request deadlines; 180 s is the outer bound for a
        // service that answers. Whether it answers at all a ping says, sent right behind the
        // call (no extra wait when it does): a stopped service is given up after a few seconds.
        if (dbus_connection_send_with_reply(bus, call, &pending, 180'000) && pending)
            asked = pingService(bus);
    }
    if (pending && asked == Asked::Unsure) {
        dbus_pending_call_block(pending);
        DBusMessage *reply = dbus_pending_call_steal_reply(pending);
        const char *token = nullptr;
        if (reply && !dbus_set_error_from_message(&error, reply)
            && dbus_message_has_signature(reply, Method::out)
            && dbus_message_get_args(reply, &error, DBUS_TYPE_STRING, &token, DBUS_TYPE_INVALID)) {
            // The service knows who asked by now: the token in this process's memory is not
            // for other processes to read (docs/security.md).
            tether::refuseTracing();
            *exitCode = printToken(token);
            asked = Asked::Printed;
        } else if (const auto *typed = bus::protocol::typedError(error.name)) {
            std::fprintf(stderr, "tether: %s\n", error.message ? error.message : error.name);
            *exitCode = exitCodeFor(typed->kind);
            asked = Asked::Failed;
        } else if (bus::protocol::noService(error.name)) {
            asked = Asked::NoService;
        }
        if (reply)
            dbus_message_unref(reply);
    }
    if (pending) {
        dbus_pending_call_cancel(pending); // nothing once it has its reply
        dbus_pending_call_unref(pending);
    }
    if (call)
        dbus_message_unref(call);
    dbus_error_free(&error);
    return asked;
}

// A `token` the executable could not answer by itself, with what it found out about the service
// (tether_token_main in climodule.cpp): 0 none runs, 2 one runs but does not answer.
int runTokenCommand(int argc, char *argv[], int presence)
{
    std::string problems;
    using Token = int (*)(int, char **, int);
    if (auto run = reinterpret_cast<Token>(
                moduleEntry("libtether-cli.so", "tether_token_main", &problems)))
        return run(argc, argv, presence);
    return moduleMissing("libtether-cli.so", problems);
}

// `tether token ID`: the service's answer, or with none running (or a stopped one) the stored
// token when it is good to hand out. Else nothing, and what was found out about the service.
std::optional<int> answerToken(const char *id, Asked *asked)
{
    DBusError error;
    dbus_error_init(&error);
    if (!dbus_validate_utf8(id, &error)) { // the command module explains what is wrong with it
        dbus_error_free(&error);
        return std::nullopt;
    }
    DBusConnection *bus = dbus_bus_get_private(DBUS_BUS_SESSION, &error);
    dbus_error_free(&error);
    if (!bus)
        return std::nullopt; // the command module says that there is no session bus
    dbus_connection_set_exit_on_disconnect(bus, FALSE);
    int exitCode = 0;
    std::optional<int> answered;
    *asked = askService(bus, id, &exitCode);
    switch (*asked) {
    case Asked::Printed:
    case Asked::Failed:
        answered = exitCode;
        break;
    case Asked::NoService:
    case Asked::NotAnswering: {
        // Reading the keychain itself, nobody needs to tell who this process is
        // (docs/security.md).
        tether::refuseTracing();
        if (std::optional<std::string> token = storedtoken::read(bus, id)) {
            answered = printToken(token->c_str());
            ::explicit_bzero(token->data(), token->size());
        }
        break;
    }
    case Asked::Unsure:
        break;
    }
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
    return answered;
}

} // namespace

int main(int argc, char *argv[])
{
    // Every Tether process holds tokens at some point, and none needs a core file.
    tether::refuseCoreDumps();
    if (argc == 3 && std::strcmp(argv[1], "token") == 0 && argv[2][0] != '-') {
        Asked asked = Asked::Unsure;
        if (const std::optional<int> exitCode = answerToken(argv[2], &asked))
            return *exitCode;
        if (asked == Asked::NoService || asked == Asked::NotAnswering)
            return runTokenCommand(argc, argv, asked == Asked::NoService ? 0 : 2);
    }
    if (const Window window = windowAsked(argc, argv); window != Window::No)
        return runWindow(argc, argv, window == Window::Demo);
    return runCommands(argc, argv);
}
