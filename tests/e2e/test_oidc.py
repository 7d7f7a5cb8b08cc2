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

from harness import TETHER, TetherCase, keychain  # noqa: E402

SCRIPTED_USER = f"node {HERE / 'follow.mjs'}"
CHROMIUM_USER = f"node {HERE / 'chromium.mjs'}"
CLIENTS = {
    "basic": ("tether-basic", "basic-secret-0123456789abcdef"),
    "post": ("tether-post", "post-secret-0123456789abcdef"),
    "public": ("tether-public", None),
}
DEVICE_CLIENT = "tether-device"


def device_user(action, url):
    """The person at another device: opens the link with the code filled in and approves or
    denies on the server's own pages. Returns the text of the page they end on."""
    return subprocess.run(["node", str(HERE / "follow.mjs"), "--device", action, url], capture_output=True,
                          text=True, check=True, timeout=60).stdout


class OidcProvider:
    def __init__(self, *options):
        self.options = list(options)
        self.process = subprocess.Popen(["node", str(HERE / "server.mjs"), *self.options], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        self.issuer = self.process.stdout.readline().strip()  # printed once it listens
        if not self.issuer.startswith("http://127.0.0.1:"):
            raise RuntimeError("oidc-provider did not start")
        with urllib.request.urlopen(self.issuer + "/.well-known/openid-configuration", timeout=10) as r:
            self.metadata = json.load(r)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def restart(self):
        """The same issuer and port, every grant forgotten (a fresh session store)."""
        port = self.issuer.rsplit(":", 1)[1]
        self.stop()
        self.__init__(*[o for o in self.options if not o.startswith("--port")], f"--port={port}")

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

    def add_oidc(self, client, provider=None):
        account = f"{self.prefix}-{client}"
        client_id, secret = CLIENTS[client]
        issuer = (provider or self.provider).issuer
        args = ["add", account, "--provider", "oidc", "--issuer", issuer, "--client-id", client_id]
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

    # --- servers that bend the rules -------------------------------------------------------
    def other_provider(self, *options):
        provider = OidcProvider(*options)
        self.addCleanup(provider.stop)
        return provider

    def test_discoveryWithoutNone_stillTakesAPublicClient(self):
        provider = self.other_provider("--hide-none")
        self.assertNotIn("none", provider.metadata["token_endpoint_auth_methods_supported"])
        account = f"{self.prefix}-public"
        result = self.tether("add", account, "--provider", "oidc", "--issuer", provider.issuer,
                             "--client-id", "tether-public")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertIn("warning", result.stderr.decode())  # advice, not a fence
        config = json.loads((self.home / "config" / "tether" / "accounts.json").read_text())["accounts"][0]
        self.assertEqual(config["client_auth"], "none")
        self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
        self.assertTrue(provider.userinfo_works(self.ok("token", account).strip()))
        # An explicit choice is taken as given, too.
        self.ok("add", f"{account}-explicit", "--provider", "oidc", "--issuer", provider.issuer,
                "--client-id", "tether-public", "--client-auth", "none")

    def test_forgottenRefreshToken_refusedWithInvalidRequest_asksToReconnect(self):
        provider = self.other_provider("--refuse-with", "invalid_request")
        account = self.add_oidc("basic", provider)
        self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
        self.ok("refresh", account)  # it refreshed before: a refusal now is about the grant
        kept = keychain(account)["tokens"]
        provider.restart()  # a fresh session store: the server no longer knows the token
        line = self.fails(3, "refresh", account)
        self.assertIn("invalid_request", line)
        status = self.status(account)
        self.assertEqual(status["state"], "needs_reconnect")
        self.assertEqual(status["last_error"]["code"], "invalid_request")
        self.assertIsNone(status["next_refresh_at"])  # not retried on its own: the user acts
        self.assertEqual(keychain(account)["tokens"], kept)  # every token kept
        self.ok("connect", account, env={"BROWSER": SCRIPTED_USER})
        self.assertEqual(self.status(account)["state"], "connected")

    def test_missingIssuerInTheResponse_isRefused(self):
        # Discovery says this server always names itself in the redirect (RFC 9207); one that
        # arrives without it may come from another server (a mix-up) and is not exchanged.
        provider = self.other_provider("--drop-iss")
        self.assertTrue(provider.metadata["authorization_response_iss_parameter_supported"])
        account = self.add_oidc("public", provider)
        line = self.fails(2, "connect", account, env={"BROWSER": SCRIPTED_USER})
        self.assertIn("no issuer", line)
        self.assertEqual(self.status(account)["state"], "not_connected")
        self.assertIsNone(keychain(account).get("tokens") if keychain(account) else None)

    # --- the device authorization grant (RFC 8628) -----------------------------------------
    def connect_on_device(self, provider=None):
        """`tether connect --device` under way; returns the process and the complete link."""
        provider = provider or self.provider
        account = f"{self.prefix}-device"
        self.ok("add", account, "--provider", "oidc", "--issuer", provider.issuer, "--client-id", DEVICE_CLIENT)
        process = subprocess.Popen([TETHER, "connect", account, "--device"], env=self.env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: process.poll() is None and (process.kill(), process.wait()))
        lines = [process.stdout.readline() for _ in range(3)]
        self.assertIn("enter the code", lines[0])
        complete = next(word for word in lines[1].split() if word.startswith("http"))
        self.assertIn("user_code=", complete)
        return account, process, complete

    def test_deviceSignIn_approvedOnAnotherDevice(self):
        account, process, link = self.connect_on_device()
        page = device_user("approve", link)
        self.assertIn("Sign-in Success", page)
        self.assertEqual(process.wait(60), 0, process.stderr.read())
        self.assertEqual(self.status(account)["state"], "connected")
        token = self.ok("token", account).strip()
        self.assertTrue(self.provider.userinfo_works(token))
        self.ok("refresh", account)  # the device grant's refresh token works

    def test_deviceSignIn_denied(self):
        account, process, link = self.connect_on_device()
        device_user("deny", link)
        self.assertEqual(process.wait(60), 3)
        self.assertIn("denied", process.stderr.read())
        self.assertEqual(self.status(account)["state"], "not_connected")

    def test_deviceSignIn_codeExpires(self):
        provider = self.other_provider("--device-ttl", "3")
        account, process, _ = self.connect_on_device(provider)
        self.assertEqual(process.wait(60), 3)
        self.assertIn("expired", process.stderr.read())
        self.assertEqual(self.status(account)["state"], "not_connected")

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
