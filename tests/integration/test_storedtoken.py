"""`tether token ID` with no service: the executable reads the registry and the Secret Service
itself, without loading Qt (cli/storedtoken.h), and only where the full command would print the
same stored token. Run alone in a directory of its own, the executable cannot load its command
module: whatever it answers there, it answered without Qt; whatever it leaves to the module fails
with the module's name."""

import fcntl
import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from harness import SUPPORT, TETHER, TetherCase, keychain


def keyring(action, env):
    subprocess.run(["/usr/bin/python3", str(SUPPORT / "keyring.py"), action], env=env, check=True,
                   timeout=30)


class StoredToken(TetherCase):

    def setUp(self):
        super().setUp()
        self.lone_dir = Path(tempfile.mkdtemp(dir=self.home, prefix="lone-"))
        self.lone = self.lone_dir / "tether"
        shutil.copy2(TETHER, self.lone)  # no libtether-cli.so next to it, none installed

    def alone(self, *args):
        return subprocess.run([str(self.lone), *args], capture_output=True, env=self.env, timeout=60)

    def assertLeftToTheModule(self, account):
        result = self.alone("token", account)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, b"")
        self.assertIn(b"libtether-cli.so could not be loaded", result.stderr)

    def registry(self):
        return self.home / "config" / "tether" / "accounts.json"

    def change_status(self, account, **changes):
        data = json.loads(self.registry().read_text())
        for entry in data["accounts"]:
            if entry["id"] == account:
                entry["status"].update(changes)
        self.registry().write_text(json.dumps(data))

    def test_goodToken_isAnsweredWithoutQt(self):
        account, grant = self.connect("wise")
        self.connect("pagero")  # another account before it in the registry
        result = self.alone("token", account)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode(), grant["access_token"] + "\n")
        self.assertEqual(result.stderr, b"")
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])  # the module agrees
        self.assertEqual(self.refreshes(), [])

    def test_tokenWithinItsMargin_isLeftToTheModule(self):
        account = self.add("wise")
        self.ok("import", account, stdin=json.dumps(dict(self.server.grant("wise"), expires_in=0)))
        self.assertLeftToTheModule(account)
        fresh = self.ok("token", account).strip()  # the module refreshes it
        self.assertTrue(self.server.works("wise", fresh))
        self.assertEqual(self.alone("token", account).stdout.decode().strip(), fresh)

    def test_refreshInFlight_isLeftToTheModule(self):
        account, _ = self.connect("wise")
        self.change_status(account, in_flight_generation=1)
        self.assertLeftToTheModule(account)

    def test_accountLockedByARefresh_isLeftToTheModule(self):
        account, grant = self.connect("wise")
        lock_dir = Path(self.env["XDG_RUNTIME_DIR"]) / "tether"
        lock_dir.mkdir(parents=True, exist_ok=True)
        with open(lock_dir / f"{account}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.assertLeftToTheModule(account)
        self.assertEqual(self.alone("token", account).stdout.decode().strip(), grant["access_token"])

    def test_registryAheadOfTheKeychain_isLeftToTheModule(self):
        account, _ = self.connect("wise")
        stored = keychain(account)["generation"]
        self.change_status(account, generation=stored + 1)
        self.assertLeftToTheModule(account)

    def test_whatTheExecutableCannotTell_isLeftToTheModule(self):
        account, _ = self.connect("wise")
        self.assertLeftToTheModule("unknown-account")
        self.assertLeftToTheModule("../" + account)
        for env in ({"XDG_RUNTIME_DIR": ""}, {"XDG_CONFIG_HOME": "relative/config"}):
            with self.subTest(env=env):
                result = subprocess.run([str(self.lone), "token", account], capture_output=True,
                                        env=dict(self.env, **env), timeout=60)
                self.assertEqual(result.returncode, 1, result.stderr)
        self.registry().write_text('{"schema": 2, "accounts": []}')  # a newer Tether's
        self.assertLeftToTheModule(account)

    def test_lockedKeychain_isLeftToTheModule(self):
        account, _ = self.connect("wise")
        keyring("lock", self.env)
        try:
            self.assertLeftToTheModule(account)
            self.assertIn("locked", self.fails(5, "token", account))
        finally:
            keyring("unlock", self.env)


if __name__ == "__main__":
    unittest.main()
