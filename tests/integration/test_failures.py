"""What the token server can do wrong, and what Tether does about it: only invalid_grant (or a
spent single-use refresh token) means reconnect; everything else keeps every token."""

import base64
import json
import time
import unittest
from datetime import datetime, timezone

from harness import CLIENTS, TetherCase, keychain


def seconds_until(text):
    return (datetime.fromisoformat(text.replace("Z", "+00:00")) - datetime.now(timezone.utc)).total_seconds()


class Failures(TetherCase):

    def assertTokensKept(self, account, grant):
        tokens = keychain(account)["tokens"]
        self.assertEqual(tokens["refresh_token"], grant["refresh_token"])
        self.assertEqual(tokens["access_token"], grant["access_token"])

    def test_invalidGrant_clearsTokensAndAsksToReconnect(self):
        account, grant = self.connect("wise")
        self.server.revoke("wise")
        line = self.fails(3, "refresh", account)
        self.assertIn("invalid_grant", line)
        self.assertIn("reconnect", line)
        stored = keychain(account)
        self.assertNotIn("tokens", stored)  # as the Wise document asks: clear the stored tokens
        self.assertEqual(stored["client_secret"], CLIENTS["wise"][1])
        status = self.status(account)
        self.assertEqual(status["state"], "needs_reconnect")
        self.assertEqual(status["last_error"]["code"], "invalid_grant")
        self.assertIsNone(status["access_expires_at"])
        self.fails(3, "token", account)
        # Nothing more went to the server after the rejection.
        self.assertEqual(len([e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]]), 1)

    def test_expiredOnArrival_isRefreshedBeforeItIsHandedOut(self):
        """expires_in of 0 or less: the server says the token is dead; never hand it out for the
        profile's default lifetime."""
        account = self.add("wise")
        dead = dict(self.server.grant("wise"), expires_in=-100)
        self.ok("import", account, stdin=json.dumps(dead))
        before = len(self.refreshes("wise"))  # the class shares one server
        token = self.ok("token", account).strip()
        self.assertNotEqual(token, dead["access_token"])
        self.assertEqual(len(self.refreshes("wise")), before + 1)
        self.assertTrue(self.server.works("wise", token))

    def test_rateLimit_honoursRetryAfterInSecondsAndAsDate(self):
        account, grant = self.connect("auth0")
        self.server.fault("auth0", "429", retry_after="120")
        self.fails(4, "refresh", account)
        status = self.status(account)
        self.assertEqual(status["last_error"]["code"], "rate_limited")
        self.assertAlmostEqual(seconds_until(status["next_refresh_at"]), 120, delta=5)

        when = datetime.now(timezone.utc).timestamp() + 600
        http_date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(when))
        self.server.fault("auth0", "503-retry", retry_after=http_date)
        self.fails(4, "refresh", account)
        self.assertAlmostEqual(seconds_until(self.status(account)["next_refresh_at"]), 600, delta=5)
        self.assertTokensKept(account, grant)

    def test_silentServer_timesOut(self):
        account, grant = self.connect("edgetag")
        self.server.fault("edgetag", "hang", seconds=5)
        line = self.fails(4, "refresh", account, env={"TETHER_HTTP_TIMEOUT_MS": "1000"})
        self.assertIn("did not answer", line)
        self.assertTokensKept(account, grant)

    def test_unreachableServer_isTemporary(self):
        account = self.add("wise", endpoint="http://127.0.0.1:9/wise/token")
        grant = self.server.grant("wise")
        self.ok("import", account, stdin=json.dumps(grant))
        self.assertIn("could not reach", self.fails(4, "refresh", account))
        self.assertTokensKept(account, grant)

    def test_clientRejected_asksTheUserToActAndKeepsEveryToken(self):
        # PRODUCT.md: an account is never shown connected while its refreshes are refused, and
        # is not retried on its own; a fresh account that was never refreshed points at its
        # settings (exit 2), as does invalid_client (its message names the client secret).
        for provider, mode, code in (("wise", "invalid_client", "invalid_client"),
                                     ("auth0", "invalid_scope", "invalid_scope")):
            with self.subTest(fault=mode):
                account, grant = self.connect(provider)
                self.server.fault(provider, mode)
                line = self.fails(2, "refresh", account)
                self.assertIn(code, line)
                self.assertIn("check the account", line)
                status = self.status(account)
                self.assertEqual(status["state"], "needs_reconnect")
                self.assertEqual(status["last_error"]["code"], code)
                self.assertIsNone(status["next_refresh_at"])
                self.assertTokensKept(account, grant)

    def test_bare400_saysWhatTheServerSent_neverALabelOfItsOwn(self):
        """A bare 400 with no body (a disabled refresh token at some servers): the words say
        "HTTP 400 with no explanation", with no code the server did not send and no phrase twice."""
        account, grant = self.connect("wise")
        self.server.fault("wise", "bare-400")
        line = self.fails(2, "refresh", account)  # never refreshed: the settings, then reconnect
        self.assertIn("HTTP 400 with no explanation", line)
        self.assertNotIn("invalid_request", line)
        self.assertEqual(line.count("refused"), 1, line)
        self.assertIn("reconnect", line)
        self.assertEqual(self.status(account)["last_error"]["code"], "http_400")
        self.assertTokensKept(account, grant)
        # After an earlier refresh, the same answer asks for a reconnect, again in the server's terms.
        account, grant = self.connect("wise", self.account("wise") + "-2")
        self.ok("refresh", account)
        self.server.fault("wise", "bare-400")
        line = self.fails(3, "refresh", account)
        self.assertIn("HTTP 400 with no explanation", line)
        self.assertEqual(line.count("refused"), 1, line)

    def test_refusalAfterEarlierRefreshes_asksForAReconnect(self):
        # Real servers answer a dead refresh token with invalid_request and friends, too.
        account, grant = self.connect("pagero")
        self.ok("refresh", account)
        tokens = keychain(account)["tokens"]
        self.server.fault("pagero", "invalid_scope")
        line = self.fails(3, "refresh", account)
        self.assertIn("reconnect", line)
        status = self.status(account)
        self.assertEqual(status["state"], "needs_reconnect")
        self.assertIsNone(status["next_refresh_at"])
        self.assertEqual(keychain(account)["tokens"]["refresh_token"], tokens["refresh_token"])
        self.assertEqual(self.ok("token", account).strip(), tokens["access_token"])  # still good

    def test_wrongClientSecret_isAConfigurationError(self):
        account = self.account("wise")
        self.ok("add", account, "--provider", "wise", "--client-id", "tether-wise", "--client-secret-stdin",
                "--token-endpoint", self.server.endpoint("wise"), stdin="not-the-secret")
        grant = self.server.grant("wise")
        self.ok("import", account, stdin=json.dumps(grant))
        self.assertIn("invalid_client", self.fails(2, "refresh", account))
        self.assertTokensKept(account, grant)

    def test_reservedCharactersInBasicSecret_hintNamesTheFix_andEditKeepsTheTokens(self):
        """A server that compares HTTP Basic credentials without form-decoding them (many do)
        refuses a secret with reserved characters that Tether encodes as RFC 6749 §2.3.1 says.
        The refusal names the likely cause and the command that fixes it; `tether edit
        --client-auth post` changes only that, and the next refresh works with the same tokens."""
        secret = "p@gero+Secret/Pw=77&x"
        for basic in ("decode", "raw"):
            with self.subTest(server=basic):
                self.server.call("/_control/config", {"provider": "pagero", "client_secret": secret, "basic": basic})
                self.addCleanup(self.server.call, "/_control/config",
                                {"provider": "pagero", "client_secret": CLIENTS["pagero"][1], "basic": "raw"})
                account = f"{self.account('pagero')}-{basic}"
                self.ok("add", account, "--provider", "pagero", "--client-id", CLIENTS["pagero"][0],
                        "--client-secret-stdin", "--token-endpoint", self.server.endpoint("pagero"), stdin=secret)
                grant = self.server.grant("pagero")
                self.ok("import", account, stdin=json.dumps(grant))
                if basic == "decode":
                    self.ok("refresh", account)  # a server that decodes reads the encoded secret right
                    continue
                line = self.fails(2, "refresh", account)
                self.assertIn("invalid_client", line)
                self.assertIn("post", line)
                self.assertIn(f"tether edit {account} --client-auth", line)
                self.assertTokensKept(account, grant)
                self.ok("edit", account, "--client-auth", "post")
                self.assertEqual(keychain(account)["tokens"]["refresh_token"], grant["refresh_token"])
                self.ok("refresh", account)
                sent = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]]
                self.assertEqual([e["client_auth"] for e in sent][-1], "post")
                self.assertEqual(json.loads(self.ok("status", account, "--json"))["state"], "connected")

    def test_singleUse_lostAnswer_isNeverResent(self):
        """Pagero rotated, then the connection dropped: the old token is spent and must not be reused."""
        account, grant = self.connect("pagero")
        self.server.fault("pagero", "drop-after-rotate")
        line = self.fails(3, "refresh", account)
        self.assertIn("lost", line)
        self.assertEqual(self.status(account)["last_error"]["code"], "refresh_answer_lost")
        self.fails(3, "refresh", account)
        sent = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]]
        self.assertEqual(len(sent), 1, "the spent refresh token went out again")
        self.assertFalse(any(e.get("reuse_detected") for e in self.server.log()))
        # The access token of the old set still works and is still handed out until it expires.
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])

    def test_singleUse_reuseAtTheServer_revokesTheFamily(self):
        """The server side of the rule above: what a second use of a Pagero token would cost."""
        _, grant = self.connect("pagero")
        body = {"grant_type": "refresh_token", "refresh_token": grant["refresh_token"],
                "client_id": "tether-pagero", "client_secret": CLIENTS["pagero"][1]}
        import urllib.parse
        import urllib.request

        def spend():
            request = urllib.request.Request(self.server.endpoint("pagero"),
                                             data=urllib.parse.urlencode(body).encode())
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, json.loads(response.read())
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read())

        status, first = spend()
        self.assertEqual(status, 200)
        self.assertEqual(spend()[1]["error"], "invalid_grant")
        self.assertFalse(self.server.works("pagero", first["access_token"]))

    def test_knownExpiredRefreshToken_isNotSent(self):
        account = self.add("aiia")
        grant = self.server.grant("aiia")
        # Aiia's refresh token is a JWT; its exp says when it dies. This one died an hour ago.
        header, _, signature = grant["refresh_token"].split(".")
        claims = base64.urlsafe_b64encode(json.dumps({"exp": int(time.time()) - 3600}).encode())
        expired = f"{header}.{claims.decode().rstrip('=')}.{signature}"
        grant["refresh_token"] = expired
        grant["expires_in"] = 1
        self.ok("import", account, stdin=json.dumps(grant))
        self.assertLess(seconds_until(self.status(account)["refresh_expires_at"]), -3000)
        line = self.fails(3, "token", account)
        self.assertIn("expired", line)
        self.assertEqual(self.status(account)["state"], "needs_reconnect")
        self.assertEqual([e for e in self.server.log() if e.get("refresh_token") == expired], [])


if __name__ == "__main__":
    unittest.main()
