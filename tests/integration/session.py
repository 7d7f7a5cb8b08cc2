"""What a desktop session has besides the session bus, for the session tests: a notification
server, a StatusNotifierWatcher (a tray host) and logind (on a private system bus), each from
python3-dbusmock; D-Bus activation of Tether from a service file pointed at the build tree; and
an X server with a window manager."""

import os
import shutil
import subprocess
import time
from pathlib import Path

import dbus
import dbusmock
from dbusmock import DBusTestCase

from harness import ROOT, TETHER, start_xvfb

SERVICE = "io.github.tether.Tether"
PATH = "/io/github/tether/Tether"
INTERFACE = "io.github.tether.Tether1"


def session_bus():
    return dbus.bus.BusConnection(os.environ["DBUS_SESSION_BUS_ADDRESS"])


def notification_server():
    """python3-dbusmock's notification daemon: (process, mock object)."""
    return DBusTestCase.spawn_server_template("notification_daemon", {}, stdout=subprocess.DEVNULL)


def tray_host():
    """A StatusNotifierWatcher that records registrations: (process, mock object)."""
    process = DBusTestCase.spawn_server("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                        "org.kde.StatusNotifierWatcher", system_bus=False,
                                        stdout=subprocess.DEVNULL)
    mock = session_bus().get_object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher")
    mock.AddMethod("org.kde.StatusNotifierWatcher", "RegisterStatusNotifierItem", "s", "", "",
                   dbus_interface=dbusmock.MOCK_IFACE)
    mock.AddProperty("org.kde.StatusNotifierWatcher", "IsStatusNotifierHostRegistered", True,
                     dbus_interface=dbusmock.MOCK_IFACE)
    return process, mock


def calls(mock, method):
    """The calls the mock saw of `method`: lists of their arguments."""
    return [list(args) for _, name, args in mock.GetCalls(dbus_interface=dbusmock.MOCK_IFACE) if name == method]


def wait_for_calls(mock, method, timeout=10):
    """The calls of `method`, once the mock has seen one (or [] after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while not calls(mock, method) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the mock's record of calls: it sends no signal for them
    return calls(mock, method)


class SystemBus:
    """A private system bus with logind on it (python3-dbusmock's template)."""

    def __init__(self, directory):
        self.daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                                        f"--address=unix:dir={directory}"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.daemon.stdout.readline().strip()
        os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = self.address
        self.logind, self.logind_mock = DBusTestCase.spawn_server_template("logind", {},
                                                                           stdout=subprocess.DEVNULL)

    def resume(self):
        """logind's PrepareForSleep(false): the machine woke up."""
        self.logind_mock.EmitSignal("org.freedesktop.login1.Manager", "PrepareForSleep", "b", [False],
                                    dbus_interface=dbusmock.MOCK_IFACE)

    def stop(self):
        for process in (self.logind, self.daemon):
            process.terminate()
            process.wait(10)
        os.environ.pop("DBUS_SYSTEM_BUS_ADDRESS", None)


def install_activation(env):
    """A D-Bus service file for Tether in the session bus's own service directory, running the
    build tree's executable in the test's environment (as the installed file runs the
    installed one, or systemd's unit)."""
    services = Path(os.environ["XDG_DATA_HOME"]) / "dbus-1" / "services"
    services.mkdir(parents=True, exist_ok=True)
    path = services / f"{SERVICE}.service"
    path.write_text(f"[D-BUS Service]\nName={SERVICE}\nExec={TETHER} service\n")
    bus = session_bus()
    daemon = bus.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    # An activated service inherits the bus's environment, updated as a session manager does.
    names = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "BROWSER", "TETHER_HTTP_TIMEOUT_MS")
    daemon.UpdateActivationEnvironment(dbus.Dictionary({k: env[k] for k in names if k in env}, signature="ss"),
                                       dbus_interface="org.freedesktop.DBus")
    daemon.ReloadConfig(dbus_interface="org.freedesktop.DBus")
    return path


def remove_activation(path):
    """Takes the service file away again: later tests start the service their own way."""
    path.unlink(missing_ok=True)
    daemon = session_bus().get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    daemon.ReloadConfig(dbus_interface="org.freedesktop.DBus")


class Display:
    """Xvfb with openbox, a window manager that closes windows the way users do."""

    def __init__(self):
        self.xvfb, self.number = start_xvfb("1100x700x24")
        self.env = {"DISPLAY": self.number, "QT_QPA_PLATFORM": "xcb"}
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=dict(os.environ, **self.env),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if subprocess.run(["wmctrl", "-m"], env=dict(os.environ, **self.env), capture_output=True).returncode == 0:
                break
            time.sleep(0.05)  # polling for the window manager: it announces itself on X, not to us

    def windows(self):
        result = subprocess.run(["wmctrl", "-l"], env=dict(os.environ, **self.env), capture_output=True, text=True)
        return result.stdout

    def close(self, title):
        """Asks the window manager to close the window (_NET_CLOSE_WINDOW), as its close button does."""
        subprocess.run(["wmctrl", "-c", title], env=dict(os.environ, **self.env), check=True)

    def stop(self):
        for process in (self.wm, self.xvfb):
            process.terminate()
            process.wait(10)


def have_display_tools():
    return all(shutil.which(tool) for tool in ("Xvfb", "openbox", "wmctrl", "xdpyinfo"))
