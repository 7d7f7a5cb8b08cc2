"""Tether as a desktop citizen, tried on a desktop without a tray: the D-Bus API (every method,
every error, through gdbus), D-Bus activation, notifications with a Reconnect action (a real
notification server: python3-dbusmock's), a tray host that appears late, logind's resume signal,
the window closed by a window manager while refreshing goes on, and kill -9 with nothing lost."""

import datetime
import json
import shutil
import os
import re
import signal
import sys
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

import dbus
import dbusmock
from dbusmock import DBusTestCase

import session
from harness import CLIENTS, SUPPORT, TETHER, TetherCase, TokenServer, bus_name_pid, keychain

BROWSER = str(SUPPORT / "follow-redirects.sh")
XML = Path(__file__).resolve().parents[2] / "resources" / "dbus" / "io.github.tether.Tether1.xml"


def gdbus(method, *args, env=None, dest=session.SERVICE, path=session.PATH, interface=session.INTERFACE):
    """`gdbus call` of a method: (exit code, stdout, stderr)."""
    result = subprocess.run(["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
                             "--method", f"{interface}.{method}", *args],
                            capture_output=True, text=True, env=env, timeout=60)
    return result.returncode, result.stdout.strip(), result.stderr.strip()


def error_name(stderr):
    match = re.search(r"GDBus\.Error:([\w.]+):", stderr)
    return match.group(1) if match else stderr


def owned(name=session.SERVICE):
    return session.session_bus().name_has_owner(name)


class Session(TetherCase):

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        super().setUp()
        self.server = TokenServer()
        self.addCleanup(self.server.stop)
        self.env["BROWSER"] = BROWSER
        self.addCleanup(self.stop_any_service)

    def stop_any_service(self):
        """An activated service is no child of the test: ask it to quit, then wait for its name."""
        if owned():
            gdbus("Quit")
            for _ in range(200):
                if not owned():
                    break
                time.sleep(0.05)  # polling the bus for the name to go: the test holds no watch

    def add_connected(self, provider, account=None, **grant):
        base = self.server.base
        account = self.add(provider, account, extra=("--authorization-endpoint", f"{base}/{provider}/authorize",
                                                     "--revocation-endpoint", f"{base}/{provider}/revoke"))
        self.ok("import", account, stdin=json.dumps(self.server.grant(provider, **grant)))
        return account

    # --- the API ------------------------------------------------------------------------------

    def test_introspection_isTheXmlInTheRepository(self):
        self.start_app()
        node = ET.fromstring(subprocess.run(["gdbus", "introspect", "--session", "--xml", "--dest", session.SERVICE,
                                             "--object-path", session.PATH], capture_output=True, text=True,
                                            check=True).stdout)
        live = next(i for i in node.iter("interface") if i.get("name") == session.INTERFACE)
        spec = next(i for i in ET.parse(XML).iter("interface") if i.get("name") == session.INTERFACE)

        def shape(interface):
            out = []
            for member in interface:
                args = tuple((a.get("name"), a.get("type"), a.get("direction")) for a in member.iter("arg"))
                out.append((member.tag, member.get("name"), member.get("type"), member.get("access"), args))
            return sorted(out)
        self.assertEqual(shape(live), shape(spec))

    def test_api_everyMethod(self):
        self.start_app()
        # AddAccount, GetAccount, EditAccount
        client_id, secret = CLIENTS["pagero"]
        settings = (f"{{'id': <'api'>, 'provider': <'pagero'>, 'client_id': <'{client_id}'>, "
                    f"'token_endpoint': <'{self.server.endpoint('pagero')}'>, "
                    f"'authorization_endpoint': <'{self.server.base}/pagero/authorize'>, "
                    f"'revocation_endpoint': <'{self.server.base}/pagero/revoke'>}}")
        code, out, err = gdbus("AddAccount", settings, secret)
        self.assertEqual(code, 0, err)
        self.assertIn("added api", out)
        code, out, err = gdbus("GetAccount", "api")
        self.assertIn("'client_id': <'tether-pagero'>", out)
        self.assertIn("'state': <'not_connected'>", out)
        self.assertNotIn(secret, out)  # never a secret
        code, out, err = gdbus("EditAccount", "api", "{'name': <'The API account'>}")
        self.assertEqual(code, 0, err)
        self.assertEqual(self.status("api")["name"], "The API account")

        # ImportTokens, ListAccounts, GetAccessToken (the same token as `tether token`)
        grant = json.dumps(self.server.grant("pagero"))
        code, out, err = gdbus("ImportTokens", "api", "b" + json.dumps(grant))
        self.assertEqual(code, 0, err)
        code, out, err = gdbus("ListAccounts")
        self.assertIn("'id': <'api'>", out)
        self.assertIn("'state': <'connected'>", out)
        for key in ("access_expires_at", "refresh_expires_at", "last_refresh_at", "next_refresh_at", "last_error"):
            self.assertIn(f"'{key}':", out)
        # The same status as one typed structure per account, instants in unix seconds.
        expires_iso = re.search(r"'access_expires_at': <'([^']+)'>", out).group(1)
        code, out, err = gdbus("ListAccountRows")
        self.assertEqual(code, 0, err)
        row = re.search(r"\('api', 'The API account', 'pagero', 'connected', (?:int64 )?(\d+), (?:int64 )?(\d+), ", out)
        self.assertIsNotNone(row, out)
        expires = datetime.datetime.fromisoformat(expires_iso.replace("Z", "+00:00"))
        self.assertEqual(int(row.group(2)), int(expires.timestamp()))
        code, out, err = gdbus("GetAccessToken", "api")
        self.assertEqual(code, 0, err)
        token, expires = re.match(r"\('([^']+)', int64 (\d+)\)", out).groups()
        self.assertEqual(token, json.loads(grant)["access_token"])
        # gdbus added the account, so gdbus may take its token; this test's own commands (python
        # running tether without a terminal) may once the user allows them in a terminal.
        code, out, err = gdbus("ListAccess", "api")
        self.assertIn(f"'program': <'{os.path.realpath(shutil.which('gdbus'))}'>", out)
        self.assertIn("'reason': <'added_account'>", out)
        python = os.path.realpath(sys.executable)
        code, typed = self.typed("access", "allow", "api", python)
        self.assertEqual(code, 0, typed)
        self.assertEqual(self.ok("token", "api").strip(), token)
        code, out, err = gdbus("SetAccess", "api", python, "forget")  # takes nothing: no question
        self.assertEqual(code, 0, err)
        self.assertIn("will be asked", out)
        self.assertEqual(self.fails(6, "token", "api").count("not allowed"), 1)
        self.assertEqual(self.typed("access", "allow", "api", python)[0], 0)
        self.assertAlmostEqual(int(expires), time.time() + 600, delta=30)

        # Refresh, GetHistory, RefreshAll
        code, out, err = gdbus("Refresh", "api")
        self.assertEqual(code, 0, err)
        code, out, err = gdbus("GetAccessToken", "api")
        self.assertNotIn(token, out)  # rotated
        self.assertIn("'outcome': <'refreshed'>", gdbus("GetHistory", "api")[1])
        before = len(self.refreshes("pagero"))
        self.assertEqual(gdbus("RefreshAll")[0], 0)
        self.server.wait_for("pagero", before + 1)

        # Reconnect opens the sign-in in the browser ($BROWSER follows the redirects) and
        # returns once it is open; SignInFinished and AccountChanged follow.
        code, out, err = gdbus("Reconnect", "api", env=dict(os.environ))
        self.assertEqual(code, 0, err)
        for _ in range(200):
            if any(e.get("grant_type") == "authorization_code" and e.get("outcome") == "ok" for e in self.server.log()):
                break
            time.sleep(0.05)  # polling the token server's log: it is the evidence
        self.assertEqual(self.status("api")["state"], "connected")
        self.assertEqual(gdbus("CancelSignIn", "api")[0], 0)  # nothing under way: a no-op

        # StartAtLogin (no systemd user manager here: the XDG autostart entry), Version
        autostart = Path(self.env["XDG_CONFIG_HOME"]) / "autostart" / "io.github.tether.Tether.desktop"
        self.assertFalse(autostart.exists())
        properties = dict(dest=session.SERVICE, path=session.PATH, interface="org.freedesktop.DBus.Properties")
        self.assertEqual(gdbus("Set", session.INTERFACE, "StartAtLogin", "<true>", **properties)[0], 0)
        for _ in range(100):
            if autostart.exists():
                break
            time.sleep(0.05)  # the setting is applied asynchronously
        self.assertIn("Exec=tether --hidden", autostart.read_text())
        self.assertIn("true", gdbus("Get", session.INTERFACE, "StartAtLogin", **properties)[1])
        self.assertEqual(gdbus("Set", session.INTERFACE, "StartAtLogin", "<false>", **properties)[0], 0)
        for _ in range(100):
            if not autostart.exists():
                break
            time.sleep(0.05)
        self.assertFalse(autostart.exists())
        self.assertIn("0.", gdbus("Get", session.INTERFACE, "Version", **properties)[1])

        # Disconnect says what happened at the provider; RemoveAccount; Quit
        code, out, err = gdbus("Disconnect", "api")
        self.assertEqual(code, 0, err)
        self.assertIn("revoked", out)
        code, out, err = gdbus("RemoveAccount", "api")
        self.assertEqual(code, 0, err)
        self.assertNotIn("'api'", gdbus("ListAccounts")[1])
        self.assertEqual(gdbus("Quit")[0], 0)
        for _ in range(200):
            if not owned():
                break
            time.sleep(0.05)
        self.assertFalse(owned())

    def test_api_everyError(self):
        self.start_app(env={"TETHER_KEYCHAIN_TIMEOUT_MS": "3000"})
        prefix = "io.github.tether.Tether1.Error."
        # NotFound
        code, _, err = gdbus("GetAccessToken", "ghost")
        self.assertEqual(error_name(err), prefix + "NotFound")
        self.assertIn('no account "ghost"', err)
        # Configuration: bad input, and a client the provider rejects
        code, _, err = gdbus("AddAccount", "{'id': <'bad id!'>, 'provider': <'wise'>, 'client_id': <'c'>}", "s")
        self.assertEqual(error_name(err), prefix + "Configuration")
        account = self.add_connected("wise")
        self.server.fault("wise", "invalid_client")
        self.assertEqual(error_name(gdbus("Refresh", account)[2]), prefix + "Configuration")
        # Temporary
        other = self.add_connected("edgetag")
        self.server.fault("edgetag", "503")
        self.assertEqual(error_name(gdbus("Refresh", other)[2]), prefix + "Temporary")
        # NeedsReconnect: a revoked grant
        third = self.add_connected("pagero")
        self.server.revoke("pagero")
        code, _, err = gdbus("Refresh", third)
        self.assertEqual(error_name(err), prefix + "NeedsReconnect")
        self.assertIn("invalid_grant", err)
        # Keychain: a locked collection
        subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
                        "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                        "array:objpath:/org/freedesktop/secrets/collection/login"], check=True, capture_output=True)
        try:
            code, _, err = gdbus("Refresh", other)
            self.assertEqual(error_name(err), prefix + "Keychain", err)
            self.assertIn("locked", err)
        finally:
            subprocess.run([sys.executable, str(SUPPORT / "keyring.py"), "unlock"], check=True)
        # The command line says the same, with its exit codes.
        self.assertIn('no account "ghost"', self.fails(2, "token", "ghost"))
        self.assertIn("reconnect", self.fails(3, "refresh", third))

    # --- starting it --------------------------------------------------------------------------

    def test_activation_startsTheServiceFromItsServiceFile(self):
        account = self.add_connected("wise")
        token = keychain(account)["tokens"]["access_token"]
        self.assertFalse(owned())
        # `tether token` never starts the service just for itself ...
        self.assertEqual(self.ok("token", account).strip(), token)
        self.assertFalse(owned())
        self.ok("access", "allow", account, "gdbus")  # this test's other program
        # ... but the API does: the bus starts it from its service file.
        self.addCleanup(session.remove_activation, session.install_activation(self.env))
        code, out, err = gdbus("GetAccessToken", account)
        self.assertEqual(code, 0, err)
        self.assertIn(token, out)
        self.assertTrue(owned())
        # Killed, it is started again on the next call, and nothing is lost.
        pid = bus_name_pid(session.SERVICE)  # this test's service, not another suite's
        os.kill(pid, signal.SIGKILL)
        for _ in range(200):
            if not owned():
                break
            time.sleep(0.05)  # the bus notices the death on its own time
        code, out, err = gdbus("GetAccessToken", account)
        self.assertEqual(code, 0, err)
        self.assertIn(token, out)
        self.assertEqual(self.status(account)["state"], "connected")
        self.assertEqual(self.ok("token", account).strip(), token)

    def test_killNine_duringRefreshes_losesNothing(self):
        account = self.add_connected("pagero", access_lifetime=20)
        app = self.start_app()
        self.app_line(app, f"{account} refreshed")
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        stored = keychain(account)["tokens"]
        self.start_app()
        self.assertEqual(self.ok("token", account).strip(), stored["access_token"])
        self.assertTrue(self.server.works("pagero", stored["access_token"]))
        spent = [e["refresh_token"] for e in self.refreshes("pagero")]
        self.assertEqual(len(spent), len(set(spent)))

    def test_unitAndServiceFile_validate(self):
        build = Path(TETHER).resolve().parents[1] / "packaging"
        unit = (build / "tether.service").read_text()
        self.assertIn("Type=dbus", unit)
        self.assertIn("BusName=io.github.tether.Tether", unit)
        self.assertIn("Restart=on-failure", unit)
        self.assertRegex(unit, r"ExecStart=\S+/tether service")
        service = (build / "io.github.tether.Tether.service").read_text()
        self.assertIn("Name=io.github.tether.Tether", service)
        self.assertIn("SystemdService=tether.service", service)
        # systemd's own checker, on the unit with this build's executable in it.
        local = self.home / "tether.service"
        local.write_text(re.sub(r"ExecStart=\S+", f"ExecStart={TETHER}", unit))
        result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(local)],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("tether.service", result.stderr)

    # --- notifications ------------------------------------------------------------------------

    def test_sandboxed_startAtLogin_asksTheBackgroundPortal(self):
        """In a Flatpak sandbox neither systemd nor ~/.config/autostart is reachable: "Start at
        login" asks the Background portal, which writes the entry outside the sandbox."""
        record = Path(self.env["HOME"]) / "portal-requests.json"
        portal = subprocess.Popen([sys.executable, str(SUPPORT / "fake_portal.py"), str(record), "grant"],
                                  stdout=subprocess.PIPE, text=True)
        self.addCleanup(portal.wait)
        self.addCleanup(portal.terminate)
        self.assertEqual(portal.stdout.readline().strip(), "ready")
        self.start_app(env={"FLATPAK_ID": "io.github.tether.Tether"})
        properties = dict(dest=session.SERVICE, path=session.PATH, interface="org.freedesktop.DBus.Properties")
        self.assertIn("false", gdbus("Get", session.INTERFACE, "StartAtLogin", **properties)[1])
        for wanted in (True, False):
            self.assertEqual(gdbus("Set", session.INTERFACE, "StartAtLogin", f"<{str(wanted).lower()}>",
                                   **properties)[0], 0)
            for _ in range(100):
                if str(wanted).lower() in gdbus("Get", session.INTERFACE, "StartAtLogin", **properties)[1]:
                    break
                time.sleep(0.05)  # the portal answers asynchronously
            self.assertIn(str(wanted).lower(), gdbus("Get", session.INTERFACE, "StartAtLogin", **properties)[1])
        requests = [json.loads(line) for line in record.read_text().splitlines()]
        self.assertEqual([r["options"]["autostart"] for r in requests], [True, False])
        self.assertEqual(requests[0]["options"]["commandline"], ["tether", "--hidden"])
        self.assertTrue(requests[0]["options"]["reason"])
        # Nothing written where only an unsandboxed session would look.
        self.assertFalse((Path(self.env["XDG_CONFIG_HOME"]) / "autostart").exists())

    def test_wrongClientSecret_notifiesWithEdit_notReconnect(self):
        """Signing in again cannot fix a secret the provider refuses: the notification says to
        check the settings and its action opens the account's Edit dialog in the window."""
        notifications, mock = session.notification_server()
        self.addCleanup(notifications.terminate)
        window = DBusTestCase.spawn_server("io.github.tether.Tether.Window", "/io/github/tether/Window",
                                           "io.github.tether.Window1", system_bus=False,
                                           stdout=subprocess.DEVNULL)
        self.addCleanup(window.wait, 10)
        self.addCleanup(window.terminate)
        window_mock = session.session_bus().get_object("io.github.tether.Tether.Window", "/io/github/tether/Window")
        for method in ("ShowAccount", "EditAccount"):
            window_mock.AddMethod("io.github.tether.Window1", method, "s", "", "", dbus_interface=dbusmock.MOCK_IFACE)
        account = self.add_connected("wise")
        self.ok("refresh", account)  # it refreshed before
        self.start_app()
        self.server.fault("wise", "invalid_client")
        self.assertIn("client id and secret", self.fails(2, "refresh", account))
        notify = session.wait_for_calls(mock, "Notify")
        self.assertEqual(len(notify), 1, notify)
        _, _, _, summary, body, actions, _, _ = notify[0]
        self.assertIn("check its settings", str(summary))
        self.assertNotIn("sign in again", str(summary))
        self.assertTrue(str(body)[0].isupper(), body)  # a sentence, not a clause with the id
        self.assertNotIn(account + ":", str(body))
        self.assertEqual([str(a) for a in actions][0::2], ["edit", "default"])
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(1), "edit"],
                        dbus_interface=dbusmock.MOCK_IFACE)
        edits = session.wait_for_calls(window_mock, "EditAccount")
        self.assertEqual([[str(a) for a in c] for c in edits], [[account]])

    def test_revokedGrant_notifies_andReconnectSignsIn(self):
        notifications, mock = session.notification_server()
        self.addCleanup(notifications.terminate)
        account = self.add_connected("wise")
        self.start_app()
        self.server.revoke("wise")
        self.assertIn("invalid_grant", self.fails(3, "refresh", account))
        notify = session.wait_for_calls(mock, "Notify")
        self.assertEqual(len(notify), 1, notify)
        app_name, replaces, icon, summary, body, actions, hints, timeout = notify[0]
        self.assertEqual(str(app_name), "Tether")
        self.assertEqual(str(hints["desktop-entry"]), "io.github.tether.Tether")
        self.assertIn(account, str(summary))  # the account's display name
        self.assertIn("invalid_grant", str(body))
        self.assertEqual([str(a) for a in actions][0::2], ["reconnect", "default"])

        # A click on another application's notification changes nothing.
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(999), "reconnect"],
                        dbus_interface=dbusmock.MOCK_IFACE)
        # Reconnect on ours opens the sign-in in the browser at once, and the account comes back.
        notification_id = dbus.UInt32(1)
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [notification_id, "reconnect"],
                        dbus_interface=dbusmock.MOCK_IFACE)
        for _ in range(300):
            if self.status(account)["state"] == "connected":
                break
            time.sleep(0.05)  # the sign-in runs in the service; its state is the evidence
        self.assertEqual(self.status(account)["state"], "connected")
        authorizations = [e for e in self.server.log() if e.get("grant_type") == "authorize"]
        self.assertEqual(len(authorizations), 1, "one sign-in: the foreign click did nothing")
        for _ in range(100):
            if session.calls(mock, "CloseNotification"):
                break
            time.sleep(0.05)
        self.assertEqual(session.calls(mock, "CloseNotification"), [[notification_id]])  # withdrawn
        self.assertEqual(len(session.calls(mock, "Notify")), 1)  # a recovery is no news

    def test_temporaryFailureThatRecovers_notifiesNothing(self):
        notifications, mock = session.notification_server()
        self.addCleanup(notifications.terminate)
        account = self.add_connected("wise")
        self.start_app()
        self.server.fault("wise", "503")
        self.fails(4, "refresh", account)
        self.ok("refresh", account)
        self.assertEqual(session.calls(mock, "Notify"), [])

    def test_refreshTokenExpiringWithinThreeDays_notifiesAtOnceOnStart(self):
        notifications, mock = session.notification_server()
        self.addCleanup(notifications.terminate)
        account = self.add("wise")
        grant = self.server.grant("wise")
        grant["refresh_token_expires_in"] = 2 * 86400  # two days left
        self.ok("import", account, stdin=json.dumps(grant))
        app = self.start_app()
        for _ in range(200):
            if session.calls(mock, "Notify"):
                break
            time.sleep(0.05)
        notify = session.calls(mock, "Notify")
        self.assertEqual(len(notify), 1)
        self.assertIn("soon", str(notify[0][3]))
        self.assertIn("2 days", str(notify[0][4]))
        # Shown once for this end: a restarted service does not say it again. (Another account
        # whose end is new is warned about afterwards: by then a repeat would have come first.)
        self.stop_app(app)
        self.start_app()
        self.ok("status", account)  # the restarted service has read its accounts
        other = self.add("wise", account_id=f"{account}-2")
        self.ok("import", other, stdin=json.dumps(grant))
        for _ in range(200):
            if len(session.calls(mock, "Notify")) >= 2:
                break
            time.sleep(0.05)
        notify = session.calls(mock, "Notify")
        self.assertEqual(len(notify), 2, notify)

    # --- the tray, and logind -----------------------------------------------------------------

    def test_trayHostStartingLater_getsTheItem_andItsMenuWorks(self):
        account = self.add_connected("wise")
        app = self.start_app()
        host, mock = session.tray_host()  # the tray host starts after Tether, as at login
        self.addCleanup(host.terminate)
        for _ in range(200):
            if session.calls(mock, "RegisterStatusNotifierItem"):
                break
            time.sleep(0.05)
        registered = session.calls(mock, "RegisterStatusNotifierItem")
        self.assertEqual(len(registered), 1)
        item = str(registered[0][0])
        self.assertEqual(item, f"org.kde.StatusNotifierItem-{app.pid}-1")
        properties = dict(dest=item, path="/StatusNotifierItem", interface="org.freedesktop.DBus.Properties")
        self.assertIn("'Active'", gdbus("Get", "org.kde.StatusNotifierItem", "Status", **properties)[1])
        self.assertIn("io.github.tether.Tether", gdbus("Get", "org.kde.StatusNotifierItem", "IconName",
                                                       **properties)[1])
        code, layout, err = gdbus("GetLayout", "0", "int32 -1", "@as []", dest=item, path="/MenuBar",
                                  interface="com.canonical.dbusmenu")
        self.assertEqual(code, 0, err)
        for label in ("Open Tether", "Refresh all", "Start at login", "Quit Tether"):
            self.assertIn(label, layout)
        before = len(self.refreshes("wise"))
        refreshed_at = self.status(account)["last_refresh_at"]
        self.assertEqual(gdbus("Event", "2", "clicked", "<''>", "0", dest=item, path="/MenuBar",
                               interface="com.canonical.dbusmenu")[0], 0)  # Refresh all
        self.server.wait_for("wise", before + 1)
        # Stored, not only sent: a refresh asked for while it runs would join it (and its answer,
        # sent before the revocation below, would be good).
        for _ in range(200):
            if self.status(account)["last_refresh_at"] != refreshed_at:
                break
            time.sleep(0.05)  # the service's stored state is the evidence
        # An account that needs the user turns the item's status to NeedsAttention.
        self.server.revoke("wise")
        self.fails(3, "refresh", account)
        for _ in range(100):
            if "NeedsAttention" in gdbus("Get", "org.kde.StatusNotifierItem", "Status", **properties)[1]:
                break
            time.sleep(0.05)
        self.assertIn("NeedsAttention", gdbus("Get", "org.kde.StatusNotifierItem", "Status", **properties)[1])

    def test_resumeFromSuspend_isHeardFromLogind(self):
        bus = session.SystemBus(self.home)
        self.addCleanup(bus.stop)
        app = self.start_app(env={"DBUS_SYSTEM_BUS_ADDRESS": bus.address})
        bus.resume()
        self.app_line(app, "resumed from suspend", timeout=30)

    # --- the window ---------------------------------------------------------------------------

    @unittest.skipUnless(session.have_display_tools(), "needs Xvfb, openbox, wmctrl and xdpyinfo")
    def test_windowClosedByTheWindowManager_refreshingGoesOn(self):
        account = self.add_connected("pagero", access_lifetime=12)  # the service refreshes at ~9 s
        display = session.Display()
        self.addCleanup(display.stop)
        env = dict(self.env, **display.env)
        window = subprocess.Popen([TETHER], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: window.poll() is None and window.kill())
        for _ in range(200):
            if "Tether" in display.windows() and owned():
                break
            time.sleep(0.05)  # polling the window manager's list: X has no event for the test
        self.assertIn("Tether", display.windows(), window.poll() is not None and window.stderr.read())
        self.assertTrue(owned(), "the window starts the service")
        # A second `tether` brings the first window forward and leaves.
        second = subprocess.run([TETHER], env=env, capture_output=True, text=True, timeout=30)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("brought forward", second.stderr)
        self.assertIsNone(window.poll())

        refreshed = len(self.refreshes("pagero"))
        display.close("Tether")
        self.assertEqual(window.wait(30), 0)
        self.assertTrue(owned(), "closing the window leaves the service running")
        self.server.wait_for("pagero", refreshed + 1, timeout=60)
        self.assertEqual(self.status(account)["state"], "connected")


if __name__ == "__main__":
    unittest.main()
