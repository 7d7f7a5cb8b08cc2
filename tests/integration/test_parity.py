"""Every command prints the same with and without the session service running.

One script of commands (every command of the command line, its failures included) runs twice in
fresh profiles: once alone, once with `tether service` running, where every command but
`connect` is the service's client. Outputs, exit codes and what is stored (the registry and the
keychain item) must be the same, tokens and times aside (each run gets tokens of its own)."""

import json
import re
import unittest
from pathlib import Path

from harness import CLIENTS, TetherCase, keychain

TOKENISH = re.compile(r"[A-Za-z0-9_\-.~+/]{20,}=*")
NUMBER = re.compile(r"\d+")


def normal(text):
    """Tokens and times made comparable: a token is <t>, every number is 0."""
    return NUMBER.sub("0", TOKENISH.sub("<t>", text))


class Parity(TetherCase):

    def script(self):
        """(name, arguments, stdin) of every command, in the order a user might run them."""
        client_id, secret = CLIENTS["pagero"]
        endpoint = self.server.endpoint("pagero")
        base = self.server.base
        grant = json.dumps(self.server.grant("pagero"))
        return [
            ("providers", ["providers"], None),
            ("providers --json", ["providers", "--json"], None),
            ("add", ["add", "par", "--provider", "pagero", "--name", "Invoices", "--client-id", client_id,
                     "--token-endpoint", endpoint, "--authorization-endpoint", f"{base}/pagero/authorize",
                     "--revocation-endpoint", f"{base}/pagero/revoke", "--scope", "invoices read",
                     "--client-secret-stdin"], secret),
            ("add again", ["add", "par", "--provider", "pagero", "--client-id", client_id,
                           "--client-secret-stdin"], secret),
            ("add, unknown provider", ["add", "other", "--provider", "nosuch"], None),
            ("add, plain http elsewhere", ["add", "other", "--provider", "pagero", "--client-id", "c",
                                           "--token-endpoint", "http://example.com/token",
                                           "--client-secret-stdin"], "s"),
            ("list, not connected", ["list"], None),
            ("status --json, not connected", ["status", "par", "--json"], None),
            ("token, not connected", ["token", "par"], None),
            ("refresh, not connected", ["refresh", "par"], None),
            ("import, not JSON", ["import", "par"], "{not json"),
            ("import", ["import", "par"], grant),
            ("list", ["list"], None),
            ("list --json", ["list", "--json"], None),
            ("status", ["status", "par"], None),
            ("status --json", ["status", "par", "--json"], None),
            ("token", ["token", "par"], None),
            ("refresh", ["refresh", "par"], None),
            ("refresh --all", ["refresh", "--all"], None),
            ("status --json, refreshed", ["status", "par", "--json"], None),
            ("edit", ["edit", "par", "--name", "Pagero invoices"], None),
            ("edit, bad endpoint", ["edit", "par", "--token-endpoint", "ftp://example.com/token"], None),
            ("edit, nothing", ["edit", "par"], None),
            ("status, unknown", ["status", "nosuch"], None),
            ("token, unknown", ["token", "nosuch"], None),
            ("refresh, unknown", ["refresh", "nosuch"], None),
            ("disconnect", ["disconnect", "par"], None),
            ("token, disconnected", ["token", "par"], None),
            ("status --json, disconnected", ["status", "par", "--json"], None),
            ("remove", ["remove", "par"], None),
            ("remove, unknown", ["remove", "par"], None),
            ("list --json, empty", ["list", "--json"], None),
        ]

    def run_script(self, label, with_service):
        """Runs the script in a fresh profile; returns {step: (code, stdout, stderr, stored)}."""
        home = Path(self.home) / label
        self.env["XDG_CONFIG_HOME"] = str(home / "config")
        self.env["XDG_CACHE_HOME"] = str(home / "cache")
        self.env["XDG_STATE_HOME"] = str(home / "state")
        app = self.start_app() if with_service else None
        registry = home / "config" / "tether" / "accounts.json"
        out = {}
        for name, args, stdin in self.script():
            result = self.tether(*args, stdin=stdin)
            stored = {
                "registry": normal(registry.read_text()) if registry.exists() else None,
                "keychain": sorted((keychain("par") or {}).keys()),
            }
            out[name] = (result.returncode, normal(result.stdout.decode()),
                         normal(result.stderr.decode()), stored)
        if app:
            self.stop_app(app)
        return out

    def test_everyCommand_sameWithAndWithoutTheService(self):
        alone = self.run_script("alone", with_service=False)
        served = self.run_script("served", with_service=True)
        self.assertEqual(list(alone), list(served))
        for step in alone:
            with self.subTest(step=step):
                self.assertEqual(served[step], alone[step])
        # The script did what it says: a real refresh happened both times.
        self.assertEqual(alone["refresh"][0], 0)
        self.assertIn("refreshed", alone["refresh"][1])
        self.assertEqual(alone["token, disconnected"][0], 3)


if __name__ == "__main__":
    unittest.main()
