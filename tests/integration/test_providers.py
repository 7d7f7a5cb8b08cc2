"""Each seed provider, end to end: add, import, refresh, token, against a real keyring."""

import json
import os
import unittest
import urllib.parse
import urllib.request
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
    "google": ("application/x-www-form-urlencoded", "post"),
    "microsoft": ("application/x-www-form-urlencoded", "none"),
    "github": ("application/x-www-form-urlencoded", "post"),
}
ROTATES = {"aiia", "pagero", "microsoft", "github"}


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
                                                  "edgetag": 7200, "pagero": 600, "google": 3599,
                                                  "microsoft": 3600, "github": 28800}[provider], delta=30)
                self.assertLess(abs((parse_time(status["last_refresh_at"]) - now).total_seconds()), 30)

                printed = self.ok("token", account).strip()
                self.assertEqual(printed, tokens["access_token"])

    def test_refreshTokenExpiry_followsTheProfile(self):
        expected_days = {"aiia": 14, "wise": 7305, "pagero": 1095, "auth0": None, "edgetag": None,
                         "google": None, "microsoft": 90, "github": 183}
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



class ProvidersPeopleHave(TetherCase):
    """Google, Microsoft and GitHub as their public documents describe them (the token server
    enforces each: tests/support/tokenserver.py)."""

    def refresh_fails(self, account):
        result = self.tether("refresh", account)
        return result.returncode, result.stderr.decode()

    def test_google_expiredOrRevokedRefreshToken_meansReconnect_andTheTokenIsNeverRotated(self):
        account, grant = self.connect("google")
        self.ok("refresh", account)
        self.assertEqual(keychain(account)["tokens"]["refresh_token"], grant["refresh_token"])
        # An app in testing: its refresh tokens die after seven days (here: at once).
        self.server.call("/_control/config", {"provider": "google", "refresh_lifetime": 0})
        self.addCleanup(self.server.call, "/_control/config", {"provider": "google", "refresh_lifetime": 10 ** 9})
        code, err = self.refresh_fails(account)
        self.assertEqual(code, 3, err)
        self.assertIn("Token has been expired or revoked", err)
        self.assertEqual(self.status(account)["state"], "needs_reconnect")

    def test_microsoft_AADSTSCodes_meanReconnect_andTheOldRefreshTokenStaysGood(self):
        account, grant = self.connect("microsoft")
        self.ok("refresh", account)
        entry = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]][-1]
        self.assertEqual(entry["client_auth"], "none")  # a public desktop client: no secret
        self.assertNotEqual(keychain(account)["tokens"]["refresh_token"], grant["refresh_token"])
        # Unlike a single-use provider's, the replaced refresh token still works there.
        old = urllib.request.Request(self.server.endpoint("microsoft"), method="POST", data=urllib.parse.urlencode(
            {"grant_type": "refresh_token", "refresh_token": grant["refresh_token"],
             "client_id": CLIENTS["microsoft"][0]}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(old, timeout=10) as response:
            self.assertIn("access_token", json.loads(response.read()))
        self.server.revoke("microsoft")
        code, err = self.refresh_fails(account)
        self.assertEqual(code, 3, err)
        self.assertIn("AADSTS50173", err)
        status = self.status(account)
        self.assertEqual((status["state"], status["last_error"]["code"]), ("needs_reconnect", "invalid_grant"))

    def test_github_errorsAnsweredWith200_areRefusals_notRetriedForEver(self):
        account, grant = self.connect("github")
        self.ok("refresh", account)  # a refresh that worked: a later refusal means the sign-in ended
        rotated = keychain(account)["tokens"]["refresh_token"]
        self.assertNotEqual(rotated, grant["refresh_token"])
        self.server.revoke("github")
        code, err = self.refresh_fails(account)
        self.assertEqual(code, 3, err)
        self.assertIn("bad_refresh_token", err)
        status = self.status(account)
        self.assertEqual(status["state"], "needs_reconnect")
        self.assertIsNone(status["next_refresh_at"])  # not retried on its own
        self.assertEqual(keychain(account)["tokens"]["refresh_token"], rotated)  # nothing lost

    def test_github_sixMonthRefreshToken_isKnownFromTheAnswer(self):
        account, _ = self.connect("github")
        self.ok("refresh", account)
        left = parse_time(self.status(account)["refresh_expires_at"]) - datetime.now(timezone.utc)
        self.assertAlmostEqual(left.total_seconds(), 15811200, delta=60)

if __name__ == "__main__":
    unittest.main()
