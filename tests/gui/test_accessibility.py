"""The window as a screen reader sees it: `tether --demo` under Xvfb with Qt's AT-SPI bridge, read
through the real accessibility bus (at-spi2-core's bus launcher and registry) with pyatspi, as
Orca reads it. Every account row must say its provider, state, lifetimes and, where it needs
the user, why; the broken demo account is then reconnected by accessible actions alone
(select the row through the list's Table interface, press Reconnect through its Action
interface), and the browser is asked to open the provider's sign-in page.

Run inside tests/support/with-keyring.sh (a private session bus and keyring); TETHER_BIN names the
executable."""

import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import pyatspi

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from session import Display  # noqa: E402  (the session tests' X server and window manager)

TETHER = os.environ.get("TETHER_BIN", "tether")


def wait_for(what, check, timeout=30):
    """Polls `check` (the accessibility tree fills in asynchronously) until it returns a value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)  # polling the accessibility tree: it has no change signal we can block on
    raise AssertionError(f"timed out waiting for {what}")


def find(node, predicate):
    """Depth-first search of the accessible tree below `node`."""
    try:
        if predicate(node):
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), predicate)
            if found is not None:
                return found
    except Exception:  # a node that went away while being read
        return None
    return None


def start_accessibility_bus():
    """The accessibility bus, as a desktop session starts it; returned once it answers."""
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for("the accessibility bus", lambda: subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
         "--method", "org.a11y.Bus.GetAddress"], capture_output=True).returncode == 0)
    return bus


def tether_application():
    """Tether's application node on the accessibility bus, or None while it is not there."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "tether":
            return app
    return None


class Accessibility(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.scratch = Path(tempfile.mkdtemp(prefix="a11y-"))
        cls.display = Display()  # Xvfb on a free display, with a window manager
        os.environ.update(cls.display.env)
        # The accessibility bus, as a desktop session starts it.
        cls.bus = start_accessibility_bus()
        # The browser: a script that records what Tether asked it to open.
        cls.opened = cls.scratch / "opened"
        browser = cls.scratch / "browser"
        browser.write_text(f"#!/bin/sh\necho \"$1\" >> {cls.opened}\n")
        browser.chmod(0o755)
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   QT_ACCESSIBILITY="1", BROWSER=str(browser),
                   XDG_CONFIG_HOME=str(cls.scratch / "config"), XDG_DATA_HOME=str(cls.scratch / "data"))
        cls.log = open(cls.scratch / "app.log", "w")
        cls.app = subprocess.Popen([TETHER, "--demo"], env=env, stdout=cls.log, stderr=subprocess.STDOUT)

    @classmethod
    def tearDownClass(cls):
        for process in (cls.app, cls.bus):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        cls.display.stop()
        cls.log.close()

    def application(self):
        return tether_application()

    def rows(self):
        app = wait_for("Tether on the accessibility bus", self.application)
        accounts = wait_for("the account list", lambda: find(
            app, lambda n: n.getRole() == pyatspi.ROLE_LIST and n.name == "Accounts"))
        items = wait_for("the demo accounts in the list", lambda: [
            accounts.getChildAtIndex(i) for i in range(accounts.childCount)] if accounts.childCount >= 5 else None)
        return app, accounts, items

    def test_theWindowsProcess_holdsOneCopyOfTether(self):
        # The executable loads the demo's module itself; the command module and the everyday
        # window's, each with a second static copy of Tether's libraries, stay out of its process.
        self.rows()
        maps = Path(f"/proc/{self.app.pid}/maps").read_text()
        self.assertIn("libtether-demo.so", maps)
        self.assertNotIn("libtether-cli.so", maps)
        self.assertNotIn("libtether-gui.so", maps)

    def test_everyRowSaysWhatItShows_andReconnectWorksByAccessibleActions(self):
        app, accounts, items = self.rows()
        descriptions = {item.name: item.description for item in items}
        for name, description in descriptions.items():
            self.assertIn("Demo provider", description, name)
            self.assertTrue(any(word in description for word in ("connected", "needs", "retrying", "refreshing")),
                            f"{name}: no state in {description!r}")
            self.assertIn("refresh", description, f"{name}: no refresh-token lifetime or times")
        broken = [name for name, d in descriptions.items() if "needs reconnect" in d]
        self.assertEqual(len(broken), 1, descriptions)
        # The reason is read out with the row, and how to act on it.
        self.assertIn("invalid_grant", descriptions[broken[0]])
        self.assertIn("Space", descriptions[broken[0]])
        # Accounts that need the user come first.
        self.assertEqual(items[0].name, broken[0])

        # Select the broken row through the list's accessible interface, then press Reconnect
        # through its Action interface, as a screen reader user would.
        # (Qt's list offers the Table interface for it.)
        index = [item.name for item in items].index(broken[0])
        self.assertTrue(accounts.queryTable().addRowSelection(index))
        reconnect = wait_for("an enabled Reconnect button", lambda: find(
            app, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == "Reconnect"
            and n.getState().contains(pyatspi.STATE_SENSITIVE)))
        action = reconnect.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        press = next(i for i, n in enumerate(names) if n.lower() in ("press", "click", "activate"))
        self.assertTrue(action.doAction(press))
        url = wait_for("the browser asked to open the sign-in page",
                       lambda: self.opened.exists() and self.opened.read_text().strip())
        self.assertIn("code_challenge_method=S256", url)
        self.assertIn("redirect_uri=http%3A%2F%2F127.0.0.1", url)

        # A confirmation is not only shown in the status bar: it is its accessible name, which
        # a screen reader announces (with the Alert event the window sends).
        connected = next(i for i, item in enumerate(items)
                         if "connected" in item.description and "needs" not in item.description)
        self.assertTrue(accounts.queryTable().addRowSelection(connected))
        copy = wait_for("an enabled Copy access token button", lambda: find(
            app, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == "Copy access token"
            and n.getState().contains(pyatspi.STATE_SENSITIVE)))
        copy.queryAction().doAction(0)
        status = wait_for("the status bar", lambda: find(app, lambda n: n.getRole() == pyatspi.ROLE_STATUS_BAR))
        said = wait_for("the confirmation announced", lambda: "clipboard" in (status.name or "") and status.name)
        self.assertIn("clipboard", said)


if __name__ == "__main__":
    unittest.main()
