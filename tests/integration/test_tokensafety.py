"""Never lose a token, never hand out a dead one (docs/reliability.md, "Attacks and accidents"):
the keychain failing between the provider's rotation and the write, an item deleted from an
unlocked keychain, a refresh stopped while a token is asked for, a provider that kills the
previous access token, and a flood of connections at the sign-in listener."""

import json
import os
import signal
import socket
import subprocess
import threading
import time
import unittest
import urllib.parse

from harness import CLIENTS, SUPPORT, TETHER, TetherCase, bus_name_pid, keychain


def keyring(action, env):
    subprocess.run(["/usr/bin/python3", str(SUPPORT / "keyring.py"), action], env=env, check=True,
                   timeout=30)


def restart_keyring_daemon(env):
    """Kills this session's gnome-keyring-daemon and starts it again, unlocked, as a session
    restart of the daemon would (only the test's own daemon: the bus says which process)."""
    os.kill(bus_name_pid("org.freedesktop.secrets", env), signal.SIGKILL)
    subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"], env=env,
                   input=os.environ["TETHER_KEYRING_PASSWORD"].encode(), capture_output=True,
                   check=True, timeout=30)
    subprocess.run(["gnome-keyring-daemon", "--start", "--components=secrets"], env=env,
                   capture_output=True, check=True, timeout=30)


class Lines:
    """A process's stderr, line by line, read by a thread of its own."""

    def __init__(self, process):
        self.lines, self.cond = [], threading.Condition()

        def drain():
            for line in process.stderr:
                with self.cond:
                    self.lines.append(line)
                    self.cond.notify_all()
        threading.Thread(target=drain, daemon=True).start()

    def wait_for(self, text, timeout=60):
        with self.cond:
            if not self.cond.wait_for(lambda: any(text in l for l in self.lines), timeout):
                raise AssertionError(f"no line with {text!r} in {self.lines}")


class TokenSafety(TetherCase):

    def delay(self, provider, ms):
        """The server rotates, then holds the answer for `ms`: the window for the faults below."""
        self.server.call("/_control/config", {"provider": provider, "delay_ms": ms})
        self.addCleanup(self.server.call, "/_control/config", {"provider": provider, "delay_ms": 0})

    def assertChainHolds(self, account, provider):
        """The stored refresh token is the one the server issued last, and it refreshes."""
        issued = self.refreshes(provider)[-1]["issued_refresh_token"]
        self.assertEqual(keychain(account)["tokens"]["refresh_token"], issued)
        self.ok("refresh", account)
        last = self.refreshes(provider)[-1]
        self.assertEqual(last["refresh_token"], issued)
        self.assertEqual([e for e in self.server.log() if e.get("outcome") != "ok"
                          and e.get("provider") == provider and e.get("grant_type") == "refresh_token"], [])

    # --- 1. the keychain fails between the rotation and the write ---------------------------
    def test_keychainLockedAfterRotation_commandHoldsTheSetAndStoresItOnUnlock(self):
        account, _ = self.connect("pagero")
        self.delay("pagero", 1500)
        done = len(self.refreshes("pagero"))
        command = subprocess.Popen([TETHER, "refresh", account], env=self.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        stderr = Lines(command)
        self.server.wait_for("pagero", done + 1)  # rotated at the server; the answer is held back
        keyring("lock", self.env)
        stderr.wait_for("held in memory")
        keyring("unlock", self.env)
        self.assertEqual(command.wait(60), 0, stderr.lines)
        self.assertEqual(self.status(account)["state"], "connected")
        self.assertChainHolds(account, "pagero")

    def test_keychainLockedAfterRotation_serviceServesTheHeldSetAndStoresItOnUnlock(self):
        account, _ = self.connect("aiia")
        app = self.start_app()
        self.delay("aiia", 1500)
        done = len(self.refreshes("aiia"))
        command = subprocess.Popen([TETHER, "refresh", account], env=self.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        self.server.wait_for("aiia", done + 1)
        keyring("lock", self.env)
        self.app_line(app, "held")
        # Served from memory while the keychain is locked: the new access token, which works.
        token = self.ok("token", account).strip()
        self.assertTrue(self.server.works("aiia", token))
        keyring("unlock", self.env)
        self.app_line(app, "now in the keychain")
        self.assertEqual(command.wait(60), 0)
        self.assertEqual(keychain(account)["tokens"]["access_token"], token)
        self.assertChainHolds(account, "aiia")

    def test_keyringDaemonRestartedMidRefresh_serviceStoresTheSetWhenItIsBack(self):
        account, _ = self.connect("pagero")
        app = self.start_app()
        self.delay("pagero", 1500)
        done = len(self.refreshes("pagero"))
        command = subprocess.Popen([TETHER, "refresh", account], env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.server.wait_for("pagero", done + 1)
        restart_keyring_daemon(self.env)
        # The write fails against the gone daemon; the set is held, the stale connection is
        # dropped, and the next try reaches the new daemon.
        self.app_line(app, "held in memory")
        self.app_line(app, "now in the keychain")
        command.wait(60)
        self.assertChainHolds(account, "pagero")

    # --- 4. an item deleted from an unlocked keychain --------------------------------------
    def test_itemDeletedWhileUnlocked_asksToReconnect_andImportAndEditRepairIt(self):
        account, _ = self.connect("wise")
        subprocess.run(["secret-tool", "clear", "server", "tether", "user", account, "type", "plaintext"],
                       env=self.env, check=True)
        for command in (["token", account], ["refresh", account]):
            with self.subTest(command=command[0]):
                line = self.fails(3, *command)
                self.assertIn("holds no secrets", line)
                self.assertIn("sign in again", line)
        self.assertEqual(self.status(account)["state"], "needs_reconnect")
        # Tokens back by import; the client secret, which went with the item, by edit.
        grant = self.server.grant("wise")
        self.ok("import", account, stdin=json.dumps(grant))
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])
        self.ok("edit", account, "--client-secret-stdin", stdin=CLIENTS["wise"][1])
        self.ok("refresh", account)
        self.assertEqual(self.status(account)["state"], "connected")

    def stopped_refresh(self, provider, account):
        """A `tether refresh` stopped (SIGSTOP) while it holds the account's lock, its request sent."""
        self.delay(provider, 30_000)
        done = len(self.refreshes(provider))
        stuck = subprocess.Popen([TETHER, "refresh", account], env=self.env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (stuck.kill(), stuck.wait()))
        self.server.wait_for(provider, done + 1)  # the lock is held and the request sent
        os.kill(stuck.pid, signal.SIGSTOP)
        return stuck

    # --- 6. a refresh stopped while a token is asked for ----------------------------------
    def test_refreshStoppedWhileTokenAsked_tokenAnswersAtOnce(self):
        account, grant = self.connect("pagero", access_lifetime=3600)
        stuck = self.stopped_refresh("pagero", account)
        started = time.monotonic()
        self.assertEqual(self.ok("token", account, timeout=20).strip(), grant["access_token"])
        self.assertLess(time.monotonic() - started, 10, "token waited for the stopped refresh")
        os.kill(stuck.pid, signal.SIGCONT)

    # --- 6b. the same at Wise, whose old access token dies with the refresh: bounded ----------
    def test_refreshStoppedWhileTokenAsked_atWise_exit4AtOnce_notAnEndlessWait(self):
        account, grant = self.connect("wise")
        stuck = self.stopped_refresh("wise", account)
        started = time.monotonic()
        line = self.fails(4, "token", account, timeout=30)  # waiting would be for ever
        self.assertLess(time.monotonic() - started, 10)
        self.assertIn("is stopped", line)
        self.assertIn(str(stuck.pid), line)
        os.kill(stuck.pid, signal.SIGCONT)

    # --- 7. a provider that kills the previous access token on refresh ---------------------
    def test_tokenDuringARefresh_atWise_waitsForTheNewToken(self):
        account, grant = self.connect("wise")
        self.start_app()
        self.delay("wise", 1500)
        done = len(self.refreshes("wise"))
        refresh = subprocess.Popen([TETHER, "refresh", account], env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.server.wait_for("wise", done + 1)
        token = self.ok("token", account).strip()
        self.assertEqual(refresh.wait(60), 0)
        self.assertNotEqual(token, grant["access_token"])  # the old one died with the refresh
        self.assertTrue(self.server.works("wise", token))

    # --- 10. a flood of connections at the sign-in listener --------------------------------
    def test_descriptorExhaustion_atTheSignInListener_theSignInStillCompletes(self):
        account = self.add("pagero", extra=("--authorization-endpoint", self.server.base + "/pagero/authorize"))
        # A low descriptor limit, so that the flood below would exhaust it without the cap.
        connect = subprocess.Popen(["prlimit", "--nofile=96:96", TETHER, "connect", account, "--no-browser"],
                                   env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: connect.poll() is None and (connect.kill(), connect.wait()))
        url = None
        for line in connect.stdout:
            if line.strip().startswith("http"):
                url = line.strip()
                break
        self.assertIsNotNone(url)
        redirect = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["redirect_uri"][0]
        port = urllib.parse.urlparse(redirect).port
        flood = []
        for _ in range(1100):
            try:
                flood.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            except OSError:
                break
        self.assertGreater(len(flood), 100)
        for s in flood:
            s.close()
        # The user's browser now follows the authorization URL: the callback still lands.
        subprocess.run([str(SUPPORT / "follow-redirects.sh"), url], check=True, timeout=60)
        self.assertEqual(connect.wait(60), 0, connect.stderr.read())
        self.assertEqual(self.status(account)["state"], "connected")


if __name__ == "__main__":
    unittest.main()
