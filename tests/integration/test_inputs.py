"""Bad input gets one clear line on stderr, the documented exit code, and changes nothing."""

import json
import unittest
from pathlib import Path

from harness import TetherCase, keychain


class Inputs(TetherCase):

    def registry(self):
        return Path(self.env["XDG_CONFIG_HOME"]) / "tether" / "accounts.json"

    def test_unknownAccount_everyCommand(self):
        for command in (["status", "ghost"], ["token", "ghost"], ["refresh", "ghost"], ["disconnect", "ghost"],
                        ["remove", "ghost"], ["import", "ghost"]):
            with self.subTest(command=command[0]):
                stdin = '{"access_token":"a"}' if command[0] == "import" else None
                line = self.fails(2, *command, stdin=stdin)
                self.assertIn('no account "ghost"', line)

    def test_badCommandLines(self):
        cases = [
            (["frobnicate"], "unknown command"),
            (["list", "--bogus"], "Unknown option 'bogus'"),
            (["status"], "usage: tether status ID"),
            (["token", "a", "b"], "usage: tether token ID"),
            (["refresh"], "usage: tether refresh ID | --all"),
            (["add", "x"], "--provider is required"),
            (["add", "x", "--provider", "nope", "--client-id", "c"], 'no provider "nope"'),
            # Shared with the window's dialog: the setting in words, then the option that sets it.
            (["add", "x", "--provider", "wise"], "client id is required"),
            (["add", "x", "--provider", "wise"], "(--client-id)"),
            (["add", "bad id!", "--provider", "wise", "--client-id", "c"], "not a valid account id"),
            (["add", "x", "--provider", "wise", "--client-id", "c"], "--client-secret-stdin"),
            (["add", "x", "--provider", "wise", "--client-id", "c", "--client-auth", "magic"], "--client-auth must be"),
            (["add", "x", "--provider", "auth0", "--client-id", "c"], "tenant"),
            (["add", "x", "--provider", "auth0", "--client-id", "c"], "(--issuer)"),
            (["add", "x", "--provider", "oidc", "--client-id", "c"], "issuer's URL"),
            (["add", "x", "--provider", "auth0", "--client-id", "c", "--token-endpoint", "not a url"], "not a valid"),
            (["add", "x", "--provider", "auth0", "--client-id", "c", "--token-endpoint", "ftp://a.example/t"],
             "not a valid http(s) URL"),
            (["add", "x", "--provider", "auth0", "--client-id", "c", "--redirect-uri", "http://example.com:80/cb",
              "--issuer", "https://t.example"], "redirect URI must be a loopback address"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                self.assertIn(message, self.fails(2, *args))
        self.assertFalse(self.registry().exists())

    def test_plainHttp_isRefusedUnlessLoopbackOrOptedIn(self):
        secret = "edgetag-secret-Xy55"
        # EdgeTag documents a plain-http sandbox endpoint: refused by default, with what to do.
        line = self.fails(2, "add", "e1", "--provider", "edgetag", "--client-id", "c", "--client-secret-stdin",
                          stdin=secret)
        self.assertIn("plain http", line)
        self.assertIn("--allow-insecure-http", line)
        self.fails(2, "add", "e2", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                   "--token-endpoint", "http://api.example.com/oauth/token", stdin=secret)
        self.ok("add", "e3", "--provider", "edgetag", "--client-id", "c", "--client-secret-stdin",
                "--allow-insecure-http", stdin=secret)
        self.ok("add", "e4", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                "--token-endpoint", "http://127.0.0.1:8080/token", stdin=secret)
        self.assertEqual({a["id"] for a in json.loads(self.ok("list", "--json"))}, {"e3", "e4"})
        for account in ("e3", "e4"):
            self.ok("remove", account)

    def test_badImports_changeNothing(self):
        account, grant = self.connect("wise")
        before = keychain(account)
        registry = self.registry().read_bytes()
        cases = [
            ("", "not JSON"),
            ("{not json", "not JSON"),
            ("[]", "not a JSON object"),
            ('{"token_type":"bearer"}', "no access_token"),
            ('{"access_token":42}', "no access_token"),
            ('{"access_token":"a","refresh_token":false}', "refresh_token is not a string"),
            ('{"access_token":"a","token_type":"mac"}', "not a bearer token"),
            ("x" * (2 * 1024 * 1024), "larger than 1 MiB"),
        ]
        for payload, message in cases:
            with self.subTest(payload=payload[:30]):
                self.assertIn(message, self.fails(2, "import", account, stdin=payload))
        self.assertEqual(keychain(account), before)
        self.assertEqual(self.registry().read_bytes(), registry)

    def test_oddLifetime_isImportedWithAWarning(self):
        account = self.add("wise")
        result = self.tether("import", account, stdin='{"access_token":"a","refresh_token":"r","expires_in":-5}')
        self.assertEqual(result.returncode, 0)
        self.assertIn("warning: expires_in said the token has expired already", result.stderr.decode())

    def test_oversizeAndControlCharacters_refusedTheSameOnTheCommandLineAndOverDBus(self):
        """Lengths, enums, types and characters: one set of rules, one line each, nothing stored."""
        self.start_app()
        big = "x" * 10_000_000
        cases = [  # (command line, D-Bus settings, what the line says)
            (["--client-id", "c" * 2000], {"client_id": "c" * 2000}, "client id is longer than 1024"),
            (["--scope", "a\x1b[2Jb"], {"scope": "a\x1b[2Jb"}, "scope contains control characters"),
            (["--scope", "a\"b"], {"scope": "a\"b"}, "scope must be scope names"),
            (["--name", "Bank\u202e"], {"name": "Bank\u202e"}, "name contains control characters"),
            (["--token-endpoint", "https://x.example/" + "p" * 3000],
             {"token_endpoint": "https://x.example/" + "p" * 3000}, "token endpoint is longer"),
        ]
        for args, settings, words in cases:
            with self.subTest(words=words):
                line = self.fails(2, "add", "x", "--provider", "wise", "--client-id", "c", *args,
                                  "--client-secret-stdin", stdin="s")
                self.assertIn(words, line)
                self.assertNotIn("\x1b", line)
                code, err = self.bus_add(dict({"id": "x", "provider": "wise", "client_id": "c"}, **settings), "s")
                self.assertEqual(code, "io.github.tether.Tether1.Error.Configuration", err)
                self.assertIn(words, err)
        # D-Bus alone: types and names the command line's parser already enforces.
        for settings, words in [({"client_auth": "bogus"}, "must be basic, post or none"),
                                ({"allow_insecure_http": "true"}, "must be a boolean"),
                                ({"client_id": 7}, "must be a string"),
                                ({"clientid": "c"}, 'no setting "clientid"')]:
            with self.subTest(words=words):
                code, err = self.bus_add(dict({"id": "x", "provider": "wise", "client_id": "c"}, **settings), "s")
                self.assertEqual(code, "io.github.tether.Tether1.Error.Configuration", err)
                self.assertIn(words, err)
        # A secret of ten megabytes, through both.
        line = self.fails(2, "add", "x", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                          stdin="s" * 5000)
        self.assertIn("client secret is longer than 4096", line)
        code, err = self.bus_add({"id": "x", "provider": "wise", "client_id": "c"}, big)
        self.assertEqual(code, "io.github.tether.Tether1.Error.Configuration", err)
        self.assertFalse(self.registry().exists() and "\"x\"" in self.registry().read_text())

    def bus_add(self, settings, secret):
        """AddAccount over D-Bus with python-dbus: (error name or None, message)."""
        import dbus
        bus = dbus.bus.BusConnection(self.env["DBUS_SESSION_BUS_ADDRESS"])
        tether = dbus.Interface(bus.get_object("io.github.tether.Tether", "/io/github/tether/Tether"),
                                "io.github.tether.Tether1")
        try:
            tether.AddAccount(dbus.Dictionary(settings, signature="sv"), secret, timeout=60)
            return None, ""
        except dbus.exceptions.DBusException as error:
            return error.get_dbus_name(), error.get_dbus_message()

    def test_statusOfANameWithEscapes_printsNoEscape(self):
        """An account name that got into the registry with escapes (written by hand, or before
        names were checked) reaches no terminal as such."""
        account = self.add("wise")
        registry = json.loads(self.registry().read_text())
        registry["accounts"][0]["name"] = "Bank\x1b]0;owned\x07\x1b[2J\u202e"
        self.registry().write_text(json.dumps(registry))
        out = self.ok("status", account)
        self.assertNotIn("\x1b", out)
        self.assertNotIn("\u202e", out)
        self.assertIn("Bank]0;owned[2J", out)

    def test_duplicateAdd_keepsTheFirstAccountAndSecret(self):
        account, _ = self.connect("wise")
        before = keychain(account)
        self.assertIn("exists already", self.fails(2, "add", account, "--provider", "wise", "--client-id", "other",
                                                   "--client-secret-stdin", stdin="other-secret"))
        self.assertEqual(keychain(account), before)

    def test_emptySecretOnStdin_isRefused(self):
        self.assertIn("standard input was empty",
                      self.fails(2, "add", "s1", "--provider", "wise", "--client-id", "c", "--client-secret-stdin",
                                 stdin=""))

    def test_corruptedRegistry_isReportedAndKept(self):
        account, _ = self.connect("wise")
        corrupt = self.registry().read_bytes()[:-40]
        self.registry().write_bytes(corrupt)
        for command in (["list"], ["status", account], ["token", account], ["refresh", account],
                        ["add", "n", "--provider", "wise", "--client-id", "c", "--client-secret-stdin"]):
            with self.subTest(command=command[0]):
                line = self.fails(1, *command, stdin="s")
                self.assertIn("unreadable", line)
                self.assertIn("a copy is kept", line)
        self.assertEqual(self.registry().read_bytes(), corrupt)
        kept = list(self.registry().parent.glob("accounts.json.unreadable-*"))
        self.assertEqual([p.read_bytes() for p in kept], [corrupt])

    def test_newerRegistry_isRefusedUntouched(self):
        self.registry().parent.mkdir(parents=True, exist_ok=True)
        self.registry().write_text('{"schema": 9, "accounts": []}')
        self.assertIn("newer Tether", self.fails(1, "list"))
        self.assertEqual(self.registry().read_text(), '{"schema": 9, "accounts": []}')

    def test_versionAndHelp(self):
        self.assertRegex(self.ok("--version"), r"^tether \d+\.\d+\.\d+\n$")
        self.assertIn("Exit codes", self.ok("--help"))
        for command in ("providers", "add", "list", "status", "import", "refresh", "token", "disconnect", "remove",
                        "credential", "access"):
            with self.subTest(command=command):
                self.assertIn(f"Usage: tether {command}", self.ok(command, "--help"))

    def test_providers_listsTheBuiltInProviders(self):
        profiles = json.loads(self.ok("providers", "--json"))
        self.assertEqual({p["id"] for p in profiles}, {"aiia", "wise", "auth0", "edgetag", "pagero", "oidc",
                                                       "google", "microsoft", "github"})
        self.assertIn("single use", self.ok("providers"))


if __name__ == "__main__":
    unittest.main()
