"""`tether connect`: authorization code + PKCE on a loopback redirect, for every seed provider,
against the loopback server's authorization endpoint, with a stand-in browser that follows the
redirects (tests/e2e drives a real Chromium against a real authorization server)."""

import json
import subprocess
import urllib.request
from urllib.parse import parse_qs, urlsplit

from harness import CLIENTS, PROVIDERS, SUPPORT, TETHER, TetherCase, keychain

BROWSER = str(SUPPORT / "follow-redirects.sh")


class Connect(TetherCase):

    def add_with_browser_side(self, provider, account=None):
        base = self.server.base
        return self.add(provider, account, extra=("--authorization-endpoint", f"{base}/{provider}/authorize",
                                                  "--revocation-endpoint", f"{base}/{provider}/revoke"))

    def test_everySeedProvider_connectsThroughTheBrowser(self):
        for provider in PROVIDERS:
            with self.subTest(provider=provider):
                account = self.add_with_browser_side(provider)
                out = self.ok("connect", account, env={"BROWSER": BROWSER})
                self.assertIn(f"connected {account}", out)
                self.assertEqual(self.status(account)["state"], "connected")
                tokens = keychain(account)["tokens"]
                self.assertTrue(self.server.works(provider, tokens["access_token"]))
                authorize = [e for e in self.server.log() if e.get("grant_type") == "authorize"][-1]
                query = authorize["query"]
                self.assertEqual(query["code_challenge_method"], "S256")
                self.assertEqual(len(query["state"]), 22)
                self.assertRegex(query["redirect_uri"], r"^http://127\.0\.0\.1:\d+/callback$")
                exchange = [e for e in self.server.log() if e.get("grant_type") == "authorization_code"][-1]
                self.assertEqual(exchange["outcome"], "ok")  # PKCE verified, same redirect_uri
                self.ok("refresh", account)  # and the new refresh token works

    def test_google_signInAsksForOfflineAccessWithConsent(self):
        account = self.add_with_browser_side("google")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        query = [e for e in self.server.log() if e.get("grant_type") == "authorize"][-1]["query"]
        self.assertEqual((query["access_type"], query["prompt"]), ("offline", "consent"))
        self.assertTrue(keychain(account)["tokens"]["refresh_token"].startswith("1//"))

    def test_microsoft_signInAsksForOfflineAccess_asAPublicClient(self):
        account = self.add_with_browser_side("microsoft")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        query = [e for e in self.server.log() if e.get("grant_type") == "authorize"][-1]["query"]
        self.assertIn("offline_access", query["scope"].split())
        exchange = [e for e in self.server.log() if e.get("grant_type") == "authorization_code"][-1]
        self.assertEqual(exchange["client_auth"], "none")
        self.assertTrue(keychain(account)["tokens"].get("refresh_token"))

    def oidc_account(self, provider="wise"):
        """An account of the built-in `oidc` profile, its endpoints from the issuer's discovery."""
        client_id, secret = CLIENTS[provider]
        account = self.account("oidc")
        self.ok("add", account, "--provider", "oidc", "--issuer", f"{self.server.base}/{provider}",
                "--client-id", client_id, "--client-secret-stdin", stdin=secret)
        return account

    def test_oidcProfile_againstAServerThatRequiresANonce_signsIn(self):
        self.server.call("/_control/config", {"provider": "wise", "require_nonce": True})
        self.addCleanup(self.server.call, "/_control/config", {"provider": "wise", "require_nonce": False})
        account = self.oidc_account()
        out = self.ok("connect", account, env={"BROWSER": BROWSER})
        self.assertIn(f"connected {account}", out)
        query = [e for e in self.server.log() if e.get("grant_type") == "authorize"][-1]["query"]
        self.assertIn("openid", query["scope"].split())
        self.assertGreaterEqual(len(query["nonce"]), 22)  # fresh and random, as the state
        self.assertNotEqual(query["nonce"], query["state"])
        tokens = keychain(account)["tokens"]
        self.assertTrue(self.server.works("wise", tokens["access_token"]))
        # Every sign-in has a nonce of its own.
        self.ok("connect", account, env={"BROWSER": BROWSER})
        again = [e for e in self.server.log() if e.get("grant_type") == "authorize"][-1]["query"]
        self.assertNotEqual(again["nonce"], query["nonce"])

    def test_idTokenWithAnotherNonce_isRefused_andNothingStored(self):
        for mode, words in (("other", "another nonce"), ("none", "no nonce")):
            with self.subTest(mode=mode):
                self.server.call("/_control/config", {"provider": "wise", "nonce": mode})
                self.addCleanup(self.server.call, "/_control/config", {"provider": "wise", "nonce": "echo"})
                account = self.oidc_account()
                line = self.fails(3, "connect", account, env={"BROWSER": BROWSER})
                self.assertIn(words, line)
                self.assertEqual(self.status(account)["state"], "not_connected")
                self.ok("remove", account)

    def test_wrongClientSecretAtTheCodeExchange_isNamedSo_andPointsAtTheSecret(self):
        """A server that answers a wrong secret at the code exchange with 403 unauthorized_client:
        the sign-in's code exchange was refused (not "the refresh"), and the remedy is the
        client id and secret."""
        account = self.add_with_browser_side("wise")
        self.server.fault("wise", "code-unauthorized")
        line = self.fails(2, "connect", account, env={"BROWSER": BROWSER})
        self.assertIn("refused the sign-in's code exchange (unauthorized_client)", line)
        self.assertIn("client id and secret", line)
        self.assertIn("--client-secret-stdin", line)
        self.assertNotIn("refresh", line)

    def test_deviceSignIn_whereNoCodeCanBeHad_saysWhichStepFailed(self):
        # Nothing listens on port 1: the first step, asking for a code, cannot be done.
        account = self.add("wise", extra=("--device-authorization-endpoint", "http://127.0.0.1:1/device"))
        line = self.fails(4, "connect", account, "--device")
        self.assertIn("could not get a sign-in code", line)
        self.assertIn("127.0.0.1", line)
        self.assertNotIn("refresh", line)

    def test_noBrowser_printsTheAddressAndWaits(self):
        account = self.add_with_browser_side("wise")
        process = subprocess.Popen([TETHER, "connect", account, "--no-browser"], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = process.stdout.readline().strip()
        self.assertTrue(url.startswith(self.server.base + "/wise/authorize?"), url)
        subprocess.run([BROWSER, url], check=True)  # the user opens it somewhere
        self.assertEqual(process.wait(30), 0, process.stderr.read())
        self.assertIn(f"connected {account}", process.stdout.read())

    def test_denied_isShownAndTheSignInWaitsForTheUser(self):
        # An error redirect does not end the sign-in (another local user can forge one: the
        # state is on the browser's command line). The person sees it, and signs in again or
        # cancels; at the timeout, the last refusal is the reason.
        account = self.add_with_browser_side("pagero")
        self.server.fault("pagero", "deny")
        result = self.tether("connect", account, env={"BROWSER": BROWSER, "TETHER_CONNECT_TIMEOUT_S": "3"})
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("denied", result.stdout.decode())  # shown while it waited
        lines = result.stderr.decode().strip().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("not completed within", lines[0])
        self.assertIn("denied", lines[0])
        self.assertEqual(self.status(account)["state"], "not_connected")

    def test_forgedErrorCallback_doesNotEndTheSignIn(self):
        account = self.add_with_browser_side("wise")
        process = subprocess.Popen([TETHER, "connect", account, "--no-browser"], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = process.stdout.readline().strip()
        query = parse_qs(urlsplit(url).query)
        redirect, state = query["redirect_uri"][0], query["state"][0]
        # Someone who read the state sends an error to the listener ...
        forged = urllib.request.urlopen(f"{redirect}?error=access_denied&error_description=nope&state={state}",
                                        timeout=5).read().decode()
        self.assertIn("still waiting", forged)
        # ... and the real sign-in still completes.
        subprocess.run([BROWSER, url], check=True)
        self.assertEqual(process.wait(30), 0, process.stderr.read())
        self.assertEqual(self.status(account)["state"], "connected")

    def test_browserPage_saysSignedInOnlyOnceTheExchangeWorked(self):
        account = self.add_with_browser_side("wise")
        self.server.fault("wise", "refuse-code")  # the code exchange is refused
        process = subprocess.Popen([TETHER, "connect", account, "--no-browser"], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = process.stdout.readline().strip()
        page = subprocess.run(["curl", "-sS", "-L", "--max-redirs", "5", url], capture_output=True,
                              text=True, timeout=30).stdout
        self.assertEqual(process.wait(30), 3)
        self.assertIn("Sign-in not completed", page)
        self.assertNotIn("Signed in", page)

    def test_nobodySignsIn_timesOutAndClosesTheListener(self):
        account = self.add_with_browser_side("wise")
        process = subprocess.Popen([TETHER, "connect", account, "--no-browser"],
                                   env=dict(self.env, TETHER_CONNECT_TIMEOUT_S="2"),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = process.stdout.readline().strip()
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        self.assertEqual(process.wait(30), 3)
        self.assertIn("not completed within", process.stderr.read())
        with self.assertRaises(OSError):  # nothing listens there any more
            urllib.request.urlopen(redirect + "?code=x&state=y", timeout=5)

    def test_oneSignInPerAccountAtATime(self):
        account = self.add_with_browser_side("wise")
        first = subprocess.Popen([TETHER, "connect", account, "--no-browser"], env=self.env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = first.stdout.readline().strip()
        self.assertIn("already under way", self.fails(4, "connect", account, "--no-browser"))
        subprocess.run([BROWSER, url], check=True)
        self.assertEqual(first.wait(30), 0)

    def test_reconnect_afterInvalidGrant(self):
        account = self.add_with_browser_side("wise")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        self.server.revoke("wise")
        self.fails(3, "refresh", account)
        self.assertEqual(self.status(account)["state"], "needs_reconnect")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        status = self.status(account)
        self.assertEqual(status["state"], "connected")
        self.assertIsNone(status["last_error"])

    def test_disconnect_revokesAtTheProvider(self):
        account = self.add_with_browser_side("pagero")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        tokens = keychain(account)["tokens"]
        out = self.ok("disconnect", account)
        revokes = [e for e in self.server.log() if e.get("grant_type") == "revoke"][-2:]
        self.assertEqual([(r["outcome"], r["token_type_hint"]) for r in revokes],
                         [("revoked", "refresh_token"), ("revoked", "access_token")])
        self.assertIn("revoked its refresh token and its access token", out)
        self.assertFalse(self.server.works("pagero", tokens["access_token"]))
        self.assertNotIn("tokens", keychain(account))

    def test_disconnect_atAServerThatRevokesOnlyTheTokenGiven_leavesNoTokenValid(self):
        """A server that ends only the token it is given (a refresh token's revocation leaves the
        access tokens of the grant alive): both are revoked, each with its hint."""
        self.server.call("/_control/config", {"provider": "wise", "revoke": "token"})
        self.addCleanup(self.server.call, "/_control/config", {"provider": "wise", "revoke": "family"})
        account = self.add_with_browser_side("wise")
        self.ok("connect", account, env={"BROWSER": BROWSER})
        tokens = keychain(account)["tokens"]
        out = self.ok("disconnect", account)
        self.assertIn("revoked its refresh token and its access token", out)
        self.assertFalse(self.server.works("wise", tokens["access_token"]))
        refreshed = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-u",
                                    ":".join(CLIENTS["wise"]), "-d", "grant_type=refresh_token",
                                    "--data-urlencode", f"refresh_token={tokens['refresh_token']}",
                                    self.server.endpoint("wise")], capture_output=True, text=True)
        self.assertEqual(refreshed.stdout, "400")  # invalid_grant: the refresh token is gone too

    def test_failedRevocation_isReportedAndTheTokensAreStillForgotten(self):
        account = self.add("wise", extra=("--revocation-endpoint", "http://127.0.0.1:9/revoke"))
        self.ok("import", account, stdin=json.dumps(self.server.grant("wise")))
        result = self.tether("disconnect", account)
        self.assertEqual(result.returncode, 0)
        self.assertIn("could not be told to revoke", result.stderr.decode())
        self.assertNotIn("tokens", keychain(account))

    def test_providerWithoutAuthorizationEndpoint_saysWhatToAdd(self):
        account = self.add("pagero")
        self.assertIn("--authorization-endpoint", self.fails(2, "connect", account))

    def test_connectWhileTheAppRuns_isPickedUpByIt(self):
        account = self.add_with_browser_side("wise")
        self.start_app()
        self.ok("connect", account, env={"BROWSER": BROWSER})
        first = self.ok("token", account).strip()  # through the app
        self.assertTrue(self.server.works("wise", first))
        self.assertEqual(self.status(account)["state"], "connected")


if __name__ == "__main__":
    import unittest
    unittest.main()
