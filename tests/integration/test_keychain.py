"""A keychain that is locked, absent or stalled: exit 5, nothing changed, never "logged out"."""

import base64
import json
import os
import signal
import subprocess
import time
import unittest

from harness import TetherCase, bus_name_pid, keychain


class Keychain(TetherCase):
    """Runs in its own keyring session (its own ctest entry): it locks and stalls the keyring."""

    def test_1_stalledKeychain_tripsTheWatchdog(self):
        account, grant = self.connect("wise")
        registry = (self.home / "config" / "tether" / "accounts.json").read_bytes()
        pids = [bus_name_pid("org.freedesktop.secrets")]  # this session's daemon only
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
        self.assertIn("no D-Bus session bus", line)  # what is missing, in words, not GLib's
        line = self.fails(5, "add", "nobus", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                          stdin="s", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
        self.assertNotIn("nobus", self.ok("list"))  # nothing half-added

    def test_2b_busWithoutSecretService_isExit5(self):
        # A session bus that works but on which nothing provides org.freedesktop.secrets (a
        # desktop without gnome-keyring or KWallet): no service files, so no activation.
        account, grant = self.connect("wise")
        registry_path = self.home / "config" / "tether" / "accounts.json"
        registry = registry_path.read_bytes()
        config = self.home / "bare-bus.conf"
        config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={self.home}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
  </policy>
</busconfig>
""")
        bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(bus.stdout.close)
        self.addCleanup(bus.wait, 10)
        self.addCleanup(bus.terminate)
        bare = {"DBUS_SESSION_BUS_ADDRESS": bus.stdout.readline().strip()}

        for command in (["token", account], ["refresh", account], ["list"]):
            with self.subTest(command=command[0]):
                if command[0] == "list":  # needs no secret: works, and says what it cannot know
                    self.assertIn(account, self.ok(*command, env=bare))
                    continue
                started = time.monotonic()
                line = self.fails(5, *command, env=bare)
                self.assertIn("no keychain is available", line)  # says what is missing, and what to do
                self.assertIn("gnome-keyring", line)
                self.assertLess(time.monotonic() - started, 10)  # an answer, not the watchdog
        line = self.fails(5, "add", "barebus", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                          stdin="s", env=bare)
        self.assertNotIn("barebus", self.ok("list"))  # nothing half-added
        self.assertEqual(registry_path.read_bytes(), registry)
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])  # nothing lost

    def test_2c_missingPieces_classifiedTheSameInGerman(self):
        """GLib and libsecret ship German catalogues: under LANG=de_DE.UTF-8 their messages are
        German, and no English phrase can be matched. What is missing is found out from the bus."""
        account, _ = self.connect("wise")
        german = {"LANG": "de_DE.UTF-8", "LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8"}
        # No session bus at all.
        line = self.fails(5, "token", account, env=dict(german, DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus"))
        self.assertIn("kein Schlüsselbund erreichbar", line)  # "no keychain can be reached", in German
        self.assertIn("Sitzungsbus", line)
        # A bus with no Secret Service on it (no activation either).
        config = self.home / "german-bus.conf"
        config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir={self.home}</listen><auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
  <allow own="*"/></policy></busconfig>
""")
        bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(bus.stdout.close)
        self.addCleanup(bus.wait, 10)
        self.addCleanup(bus.terminate)
        bare = dict(german, DBUS_SESSION_BUS_ADDRESS=bus.stdout.readline().strip())
        line = self.fails(5, "token", account, env=bare)
        self.assertIn("kein Schlüsselbund verfügbar", line)  # "no keychain is available"
        self.assertIn("gnome-keyring", line)

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


    def test_0_itemOfAnEarlierTether_isReadAndGoesWithTheAccount(self):
        # Tether once stored the bundle as QtKeychain binary data (base64, type "base64"); it is
        # text now (one keychain search per read instead of two). An old item must still work.
        account, grant = self.connect("wise")
        bundle = json.dumps(keychain(account)).encode()
        subprocess.run(["secret-tool", "clear", "server", "tether", "user", account], check=True)
        subprocess.run(["secret-tool", "store", "--label=old", "user", account, "server", "tether", "type", "base64"],
                       input=base64.b64encode(bundle), check=True)
        self.assertIsNone(keychain(account))
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])
        self.ok("refresh", account)  # writes the text item
        self.assertNotEqual(self.ok("token", account).strip(), grant["access_token"])
        self.ok("remove", account)
        leftover = subprocess.run(["secret-tool", "search", "--all", "server", "tether", "user", account],
                                  capture_output=True, text=True)
        self.assertNotIn("secret", leftover.stdout + leftover.stderr)  # both items are gone


if __name__ == "__main__":
    unittest.main()
