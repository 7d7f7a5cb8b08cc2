"""Each seed provider, end to end: add, import, refresh, token, against a real keyring."""

import json
import os
import unittest
from datetime import datetime, timezone
from pathlib import Path

from harness import CLIENTS, PROVIDERS, ROOT, TetherCase, keychain

# What each seed document demands of the request (tokenserver enforces it; the log shows it).
REQUEST_SHAPE = {
    "aiia": ("application/json", "basic"),
    "wise": ("application/x-www-form-urlencoded", "basic"),
    "auth0": ("application/json", "none"),
    "edgetag": ("application/x-www-form-urlencoded", "basic"),
    "pagero": ("application/x-www-form-urlencoded", "basic"),
}
ROTATES = {"aiia", "pagero"}


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Providers(TetherCase):

    def test_refresh_followsEachSeedDocument(self):
        for provider in PROVIDERS:
            with self.subTest(provider=provider):
                account, grant = self.connect(provider)
                old_refresh = grant["refresh_token"]
                self.ok("refresh", account)

                entry = [e for e in self.server.log() if e.get("refresh_token") == old_refresh][-1]
                self.assertEqual(entry["outcome"], "ok")
                self.assertEqual((entry["content_type"], entry["client_auth"]), REQUEST_SHAPE[provider])

                stored = keychain(account)
                tokens = stored["tokens"]
                self.assertEqual(stored["generation"], 2)
                self.assertEqual(stored["client_secret"], CLIENTS[provider][1] or "")
                self.assertNotEqual(tokens["access_token"], grant["access_token"])
                self.assertTrue(self.server.works(provider, tokens["access_token"]))
                if provider in ROTATES:
                    self.assertEqual(tokens["refresh_token"], entry["issued_refresh_token"])
                    self.assertNotEqual(tokens["refresh_token"], old_refresh)
                else:  # no new one in the answer (or the same one): the old one is kept
                    self.assertEqual(tokens["refresh_token"], old_refresh)

                status = self.status(account)
                self.assertEqual(status["state"], "connected")
                self.assertIsNone(status["last_error"])
                self.assertEqual(set(status), {"id", "name", "provider", "state", "access_expires_at",
                                               "refresh_expires_at", "last_refresh_at", "next_refresh_at",
                                               "last_error"})
                now = datetime.now(timezone.utc)
                lifetime = (parse_time(status["access_expires_at"]) - now).total_seconds()
                self.assertAlmostEqual(lifetime, {"aiia": 3600, "wise": 43200, "auth0": 86400,
                                                  "edgetag": 7200, "pagero": 600}[provider], delta=30)
                self.assertLess(abs((parse_time(status["last_refresh_at"]) - now).total_seconds()), 30)

                printed = self.ok("token", account).strip()
                self.assertEqual(printed, tokens["access_token"])

    def test_refreshTokenExpiry_followsTheProfile(self):
        expected_days = {"aiia": 14, "wise": 7305, "pagero": 1095, "auth0": None, "edgetag": None}
        for provider, days in expected_days.items():
            with self.subTest(provider=provider):
                account, _ = self.connect(provider)
                self.ok("refresh", account)
                status = self.status(account)
                if days is None:
                    self.assertIsNone(status["refresh_expires_at"])
                else:
                    left = parse_time(status["refresh_expires_at"]) - datetime.now(timezone.utc)
                    self.assertAlmostEqual(left.total_seconds() / 86400, days, delta=1)

    def test_pagero_acceptsSecretInTheBody(self):
        account = self.add("pagero", auth="post")
        grant = self.server.grant("pagero")
        self.ok("import", account, stdin=json.dumps(grant))
        self.ok("refresh", account)
        entry = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]][-1]
        self.assertEqual((entry["client_auth"], entry["outcome"]), ("post", "ok"))

    def test_token_refreshesFirstOnlyWhenAboutToExpire(self):
        account = self.add("pagero")
        grant = self.server.grant("pagero")
        grant["expires_in"] = 1  # within the safety margin at once
        self.ok("import", account, stdin=json.dumps(grant))
        first = self.ok("token", account).strip()
        self.assertNotEqual(first, grant["access_token"])
        self.assertTrue(self.server.works("pagero", first))
        spent = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]]
        self.assertEqual([e["outcome"] for e in spent], ["ok"])

        current = keychain(account)["tokens"]["refresh_token"]
        self.assertEqual(self.ok("token", account).strip(), first)  # still valid: no request
        self.assertEqual([e for e in self.server.log() if e.get("refresh_token") == current], [])

    def test_token_answersWithoutTheHttpStackUnlessItMustRefresh(self):
        # `tether token` with a good stored token is answered by the executable itself, which
        # does not link Qt Network; a token about to expire goes to the command module.
        account, grant = self.connect("wise")
        before = len(self.refreshes("wise"))
        result = self.tether("token", account, env={"LD_DEBUG": "libs"})
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.decode().strip(), grant["access_token"])
        self.assertFalse("libQt6Network" in result.stderr.decode(), "Qt Network was loaded")
        self.assertEqual(len(self.refreshes("wise")), before)

        grant = self.server.grant("wise")
        grant["expires_in"] = 1  # within the safety margin at once
        self.ok("import", account, stdin=json.dumps(grant))
        result = self.tether("token", account, env={"LD_DEBUG": "libs"})
        self.assertEqual(result.returncode, 0, result.stderr.decode()[-300:])
        self.assertTrue("libQt6Network" in result.stderr.decode(), "the refresh ran without Qt Network?")
        self.assertEqual(len(self.refreshes("wise")), before + 1)
        self.assertTrue(self.server.works("wise", result.stdout.decode().strip()))

    def test_refreshAll_refreshesEveryConnectedAccount(self):
        accounts = [self.connect(p)[0] for p in ("wise", "edgetag")]
        self.add("aiia")  # not connected: skipped
        out = self.ok("refresh", "--all")
        for account in accounts:
            self.assertIn(f"{account}: refreshed", out)
            self.assertIsNotNone(self.status(account)["last_refresh_at"])

    def test_disconnectForgetsTokens_removeForgetsEverything(self):
        account, _ = self.connect("wise")
        self.ok("disconnect", account)
        stored = keychain(account)
        self.assertNotIn("tokens", stored)
        self.assertEqual(stored["client_secret"], CLIENTS["wise"][1])
        self.assertEqual(self.status(account)["state"], "not_connected")
        self.fails(3, "token", account)

        self.ok("remove", account)
        self.assertIsNone(keychain(account))
        self.fails(2, "status", account)
        self.assertEqual(json.loads(self.ok("list", "--json")), [])

    def test_list_showsEveryAccount(self):
        accounts = {self.connect(p)[0] for p in ("aiia", "edgetag")}
        listed = json.loads(self.ok("list", "--json"))
        self.assertEqual({a["id"] for a in listed}, accounts)
        table = self.ok("list")
        for account in accounts:
            self.assertIn(account, table)
        self.assertIn("14 days left", table)  # Aiia's 14-day refresh token, just issued

    def test_noSecretEverLandsInAFile(self):
        """After a full run of every provider, no token or client secret is in any file Tether wrote."""
        secrets = {s for _, s in CLIENTS.values() if s}
        for provider in PROVIDERS:
            account, grant = self.connect(provider)
            self.ok("refresh", account)
            self.ok("token", account)
            tokens = keychain(account)["tokens"]
            secrets |= {grant["access_token"], grant["refresh_token"], tokens["access_token"],
                        tokens["refresh_token"]}
        self.ok("list", "--json")
        written = [p for base in (self.home, ROOT / "runtime", ROOT / "home", ROOT / "data")
                   for p in Path(base).rglob("*") if p.is_file() and "keyrings" not in p.parts]
        self.assertTrue(any(p.name == "accounts.json" for p in written))
        for path in written:
            content = path.read_bytes()
            for secret in secrets:
                self.assertNotIn(secret.encode(), content, f"a secret is in {path}")


if __name__ == "__main__":
    unittest.main()
