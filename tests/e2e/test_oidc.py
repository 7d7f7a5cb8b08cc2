"""End to end: `tether connect` against a real OpenID Connect provider (oidc-provider from npm,
pinned in package-lock.json) on 127.0.0.1, through its own login and consent pages, with a
scripted user and, once, with a real headless Chromium."""

import base64
import json
import os
import subprocess
import sys
import unittest
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "integration"))

from harness import TetherCase, keychain  # noqa: E402

SCRIPTED_USER = f"node {HERE / 'follow.mjs'}"
CHROMIUM_USER = f"node {HERE / 'chromium.mjs'}"
CLIENTS = {
    "basic": ("tether-basic", "basic-secret-0123456789abcdef"),
    "post": ("tether-post", "post-secret-0123456789abcdef"),
    "public": ("tether-public", None),
}


class OidcProvider:
    def __init__(self):
        self.process = subprocess.Popen(["node", str(HERE / "server.mjs")], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        self.issuer = self.process.stdout.readline().strip()  # printed once it listens
        if not self.issuer.startswith("http://127.0.0.1:"):
            raise RuntimeError("oidc-provider did not start")
        with urllib.request.urlopen(self.issuer + "/.well-known/openid-configuration", timeout=10) as r:
            self.metadata = json.load(r)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def userinfo_works(self, access_token):
        request = urllib.request.Request(self.metadata["userinfo_endpoint"],
                                         headers={"Authorization": "Bearer " + access_token})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status == 200 and json.load(response)["sub"] == "alice"
        except urllib.error.HTTPError:
            return False

    def refresh_directly(self, client, refresh_token):
        """What a second user of a spent refresh token would get."""
        client_id, secret = CLIENTS[client]
        body = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id}
        headers = {}
        if secret:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()
        request = urllib.request.Request(self.metadata["token_endpoint"],
                                         data=urllib.parse.urlencode(body).encode(), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)


class Oidc(TetherCase):

    @classmethod
    def setUpClass(cls):
        cls.provider = OidcProvider()

    @classmethod
    def tearDownClass(cls):
        cls.provider.stop()

    def add_oidc(self, client):
        account = f"{self.prefix}-{client}"
        client_id, secret = CLIENTS[client]
        args = ["add", account, "--provider", "oidc", "--issuer", self.provider.issuer, "--client-id", client_id]
        if secret:
            args.append("--client-secret-stdin")
        if client == "post":
            args += ["--client-auth", "post"]
        self.ok(*args, stdin=secret)
        return account

    def test_discovery_fillsTheEndpoints(self):
        account = self.add_oidc("basic")
        config = json.loads((self.home / "config" / "tether" / "accounts.json").read_text())["accounts"][0]
        self.assertEqual(config["token_endpoint"], self.provider.metadata["token_endpoint"])
        self.assertEqual(config["authorization_endpoint"], self.provider.metadata["authorization_endpoint"])
        self.assertEqual(config["revocation_endpoint"], self.provider.metadata["revocation_endpoint"])
        self.assertEqual(config["client_auth"], "basic")
        self.assertEqual(self.status(account)["state"], "not_connected")

    def test_wrongIssuer_isRefused(self):
        line = self.fails(4, "add", "x", "--provider", "oidc", "--issuer", self.provider.issuer + "/other",
                          "--client-id", "tether-public")
        self.assertIn("discovery", line)

    def test_everyClientKind_connectsAndRotatesStrictly(self):
        for client in CLIENTS:
            with self.subTest(client=client):
                account = self.add_oidc(client)
                self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
                first = keychain(account)["tokens"]
                self.assertTrue(self.provider.userinfo_works(first["access_token"]))
                self.assertTrue(first["refresh_token"])

                self.ok("refresh", account)
                second = keychain(account)["tokens"]
                self.assertNotEqual(second["refresh_token"], first["refresh_token"])  # rotated
                self.assertTrue(self.provider.userinfo_works(second["access_token"]))
                status, answer = self.provider.refresh_directly(client, first["refresh_token"])
                self.assertEqual((status, answer.get("error")), (400, "invalid_grant"))  # consumed

                # Reusing a rotated token revoked the grant at the server: Tether's next refresh
                # is refused, and only then does it ask for a reconnect.
                self.assertIn("invalid_grant", self.fails(3, "refresh", account))
                self.assertEqual(self.status(account)["state"], "needs_reconnect")
                self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
                self.assertEqual(self.status(account)["state"], "connected")

    def test_disconnect_revokesAndTheAccessTokenStopsWorking(self):
        account = self.add_oidc("basic")
        self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
        tokens = keychain(account)["tokens"]
        self.assertTrue(self.provider.userinfo_works(tokens["access_token"]))
        result = self.tether("disconnect", account)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(result.stderr, b"")  # revocation confirmed: no warning
        self.assertFalse(self.provider.userinfo_works(tokens["access_token"]))
        self.assertNotIn("tokens", keychain(account))

    def test_realChromium_signsInAndTetherGetsAWorkingToken(self):
        account = self.add_oidc("public")
        screenshot = os.environ.get("TETHER_E2E_SCREENSHOT")
        env = {"BROWSER": CHROMIUM_USER}
        if screenshot:
            env["TETHER_SCREENSHOT"] = screenshot
        self.ok("connect", account, env=env, timeout=120)
        self.assertEqual(self.status(account)["state"], "connected")
        token = self.ok("token", account).strip()
        self.assertTrue(self.provider.userinfo_works(token))


if __name__ == "__main__":
    unittest.main()
