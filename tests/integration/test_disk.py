"""A full or read-only disk under the account registry: a clear error, the old file intact,
nothing lost. The config directory is a tiny tmpfs mounted in a user namespace of the test's own
(unshare -Urm), so the disk really is full or really is read-only, even for root."""

import json
import shutil
import subprocess
import unittest
from pathlib import Path

from harness import TETHER, TetherCase, keychain

SCRIPT = r'''
set -eu
config=$1; mode=$2; shift 2
mkdir -p "$config"
cp -a "$config" "$config.saved"
mount -t tmpfs -o size=256k tmpfs "$config"
cp -a "$config.saved/." "$config/"
case $mode in
  full) head -c 10m /dev/zero > "$config/filler" 2>/dev/null || true ;;
  readonly) mount -o remount,ro "$config" ;;
esac
"$@"
'''


@unittest.skipUnless(shutil.which("unshare"), "needs unshare(1) from util-linux")
class Disk(TetherCase):

    def run_on(self, mode, *args, stdin=None):
        config = Path(self.env["XDG_CONFIG_HOME"])
        return subprocess.run(["unshare", "-Urm", "bash", "-c", SCRIPT, "disk", str(config), mode, TETHER, *args],
                              input=stdin.encode() if stdin else None, capture_output=True, env=self.env, timeout=60)

    def check(self, mode):
        account, grant = self.connect("wise")
        registry = Path(self.env["XDG_CONFIG_HOME"]) / "tether" / "accounts.json"
        before = registry.read_bytes()
        stored = keychain(account)

        # A change that must write the registry fails clearly and changes nothing; a full disk is
        # a temporary failure (exit 4): free some space and try again ...
        result = self.run_on(mode, "add", "second", "--provider", "wise", "--client-id", "c",
                             "--client-secret-stdin", stdin="s")
        self.assertEqual(result.returncode, 4, result.stderr)
        lines = result.stderr.decode().strip().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("cannot", lines[0])
        self.assertIn("nothing was changed", lines[0])
        self.assertIsNone(keychain("second"))  # no orphaned secret either

        # ... a refresh whose registry write fails keeps the new tokens (in the keychain first) ...
        result = self.run_on(mode, "refresh", account)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("cannot write", result.stderr.decode())
        refreshed = keychain(account)
        self.assertEqual(refreshed["generation"], stored["generation"] + 1)
        self.assertTrue(self.server.works("wise", refreshed["tokens"]["access_token"]))

        # ... and the registry on the real disk was never touched: the next run catches up.
        self.assertEqual(registry.read_bytes(), before)
        self.assertEqual(self.ok("token", account).strip(), refreshed["tokens"]["access_token"])
        self.assertEqual(json.loads(self.ok("status", account, "--json"))["state"], "connected")

    def test_fullDisk(self):
        self.check("full")

    def test_readOnlyDisk(self):
        self.check("readonly")


if __name__ == "__main__":
    unittest.main()
