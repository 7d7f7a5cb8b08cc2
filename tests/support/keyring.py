#!/usr/bin/env python3
"""Locks or unlocks the test keyring's login collection, as a screen lock and the user's
password at the unlock prompt would: keyring.py lock | unlock. Runs inside with-keyring.sh
(its TETHER_KEYRING_PASSWORD). Unlocking goes through gnome-keyring's own interface, since the
Secret Service's Unlock needs a prompt that a test has no one to answer."""

import os
import sys

import dbus

COLLECTION = "/org/freedesktop/secrets/collection/login"


def main():
    bus = dbus.bus.BusConnection(os.environ["DBUS_SESSION_BUS_ADDRESS"])
    service = bus.get_object("org.freedesktop.secrets", "/org/freedesktop/secrets")
    if sys.argv[1:] == ["lock"]:
        service.Lock([dbus.ObjectPath(COLLECTION)], dbus_interface="org.freedesktop.Secret.Service")
        return 0
    if sys.argv[1:] == ["unlock"]:
        _, session = service.OpenSession("plain", dbus.String("", variant_level=1),
                                         dbus_interface="org.freedesktop.Secret.Service")
        password = os.environ["TETHER_KEYRING_PASSWORD"].encode()
        secret = dbus.Struct((session, dbus.ByteArray(b""), dbus.ByteArray(password), "text/plain"),
                             signature="oayays")
        service.UnlockWithMasterPassword(dbus.ObjectPath(COLLECTION), secret,
                                         dbus_interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
        return 0
    print("usage: keyring.py lock | unlock", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
