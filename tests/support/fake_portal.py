#!/usr/bin/env python3
"""The Background portal as xdg-desktop-portal offers it inside a Flatpak sandbox, on the session
bus of the test: org.freedesktop.portal.Desktop with org.freedesktop.portal.Background.
RequestBackground returns a request object and then sends its Response signal, as the real
portal does after asking the person. Each request's options are appended to a JSON-lines file.

    fake_portal.py RECORD_FILE grant|deny
"""

import json
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

PORTAL = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"


class Request(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.portal.Request", signature="ua{sv}")
    def Response(self, response, results):
        pass


class Background(dbus.service.Object):
    def __init__(self, bus, record, answer):
        super().__init__(bus, PATH)
        self.bus, self.record, self.answer = bus, record, answer
        self.requests = []

    @dbus.service.method("org.freedesktop.portal.Background", in_signature="sa{sv}",
                         out_signature="o", sender_keyword="sender")
    def RequestBackground(self, parent_window, options, sender=None):
        with open(self.record, "a") as f:
            f.write(json.dumps({"parent_window": str(parent_window),
                                "options": {str(k): json_value(v) for k, v in options.items()}}) + "\n")
        path = f"{PATH}/request/{sender[1:].replace('.', '_')}/{options['handle_token']}"
        request = Request(self.bus, path)
        self.requests.append(request)
        if self.answer == "grant":
            results = {"background": dbus.Boolean(True),
                       "autostart": dbus.Boolean(bool(options.get("autostart", False)))}
            GLib.idle_add(lambda: request.Response(dbus.UInt32(0), dbus.Dictionary(results, signature="sv")) and False)
        else:
            GLib.idle_add(lambda: request.Response(dbus.UInt32(1), dbus.Dictionary({}, signature="sv")) and False)
        return dbus.ObjectPath(path)


def json_value(v):
    if isinstance(v, dbus.Boolean):
        return bool(v)
    if isinstance(v, (dbus.Array, list)):
        return [json_value(x) for x in v]
    return str(v)


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    Background(bus, sys.argv[1], sys.argv[2])
    name = dbus.service.BusName(PORTAL, bus, do_not_queue=True)  # owned while referenced
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
