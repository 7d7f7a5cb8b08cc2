"""A keychain that is locked, absent or stalled: exit 5, nothing changed, never "logged out"."""

import os
import signal
import subprocess
import time
import unittest

from harness import TetherCase, keychain


def keyring_daemon():
    out = subprocess.run(["pgrep", "-u", str(os.getuid()), "-f", "gnome-keyring-daemon"],
                         capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in out]


class Keychain(TetherCase):
    """Runs in its own keyring session (its own ctest entry): it locks and stalls the keyring."""

    def test_1_stalledKeychain_tripsTheWatchdog(self):
        account, grant = self.connect("wise")
        registry = (self.home / "config" / "tether" / "accounts.json").read_bytes()
        pids = keyring_daemon()
        self.assertTrue(pids)
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            line = self.fails(5, "token", account, env={"TETHER_KEYCHAIN_TIMEOUT_MS": "1500"})
            self.assertIn("did not answer", line)
            self.assertLess(time.monotonic() - started, 10)
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
        self.assertEqual((self.home / "config" / "tether" / "accounts.json").read_bytes(), registry)
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])  # and it recovers

    def test_2_noSecretService_isExit5(self):
        account, _ = self.connect("wise")
        line = self.fails(5, "token", account, env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
        self.assertIn("keychain", line)
        line = self.fails(5, "add", "nobus", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                          stdin="s", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
        self.assertNotIn("nobus", self.ok("list"))  # nothing half-added

    def test_3_lockedKeychain_isNotLoggedOut(self):
        account, grant = self.connect("pagero")
        registry_path = self.home / "config" / "tether" / "accounts.json"
        registry = registry_path.read_bytes()
        subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
                        "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                        "array:objpath:/org/freedesktop/secrets/collection/login"], check=True,
                       capture_output=True)
        for command in (["token", account], ["refresh", account], ["disconnect", account],
                        ["import", account]):
            with self.subTest(command=command[0]):
                line = self.fails(5, *command, stdin='{"access_token":"x"}')
                self.assertIn("locked", line)
        self.assertEqual(registry_path.read_bytes(), registry)
        self.assertEqual(self.status(account)["state"], "connected")
        self.assertEqual([e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]], [])


if __name__ == "__main__":
    unittest.main()
