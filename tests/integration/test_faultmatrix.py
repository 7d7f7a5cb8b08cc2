"""The fault matrix of docs/reliability.md: every fault a token server can produce, for every
seed provider, with the outcome each row promises — state, exit code, tokens kept or cleared,
next attempt. TETHER_FAULT_REPORT writes the observed matrix as JSON."""

import json
import os
import time
import unittest
from datetime import datetime, timezone

from harness import PROVIDERS, TetherCase, keychain

# fault -> (server fault, extra, exit code, state, error code, tokens, retry delay in s or None)
#   tokens: "kept" (both as before), "cleared" (none), "refresh dropped" (a live access token kept)
HTTP_DATE_IN_10_MIN = "date+600"
MATRIX = {
    "500": ("500", {}, 4, "retrying", "server_error", "kept", None),
    "502": ("502", {}, 4, "retrying", "server_error", "kept", None),
    "503": ("503", {}, 4, "retrying", "server_error", "kept", None),
    "504": ("504", {}, 4, "retrying", "server_error", "kept", None),
    "429 Retry-After seconds": ("429", {"retry_after": "120"}, 4, "retrying", "rate_limited", "kept", 120),
    "429 Retry-After date": ("429", {"retry_after": HTTP_DATE_IN_10_MIN}, 4, "retrying", "rate_limited", "kept", 600),
    "connection refused": (None, {}, 4, "retrying", "network_error", "kept", None),
    "reset before the answer": ("reset", {}, 4, "retrying", "network_error", "kept", None),
    "truncated body": ("truncated", {}, 4, "retrying", "network_error", "kept", None),
    "never answers": ("hang", {"seconds": 4}, 4, "retrying", "timeout", "kept", None),
    "64 MiB body": ("huge", {}, 4, "retrying", "answer_too_large", "kept", None),
    "HTML instead of JSON": ("html", {}, 4, "retrying", "malformed_answer", "kept", None),
    "wrong JSON types": ("wrong-types", {}, 4, "retrying", "malformed_answer", "kept", None),
    "no access_token": ("no-access-token", {}, 4, "retrying", "malformed_answer", "kept", None),
    "control characters in the token": ("control-chars", {}, 4, "retrying", "malformed_answer", "kept", None),
    "302 redirect": ("302", {}, 4, "retrying", "redirected", "kept", None),
    "404": ("404", {}, 4, "retrying", "endpoint_not_found", "kept", None),
    # Refused (PRODUCT.md): the user must act, every token kept, no retry on its own. These
    # accounts never refreshed before, so the settings are the likely cause: exit 2.
    "401 invalid_client": ("invalid_client", {}, 2, "needs_reconnect", "invalid_client", "kept", "none"),
    "400 invalid_scope": ("invalid_scope", {}, 2, "needs_reconnect", "invalid_scope", "kept", "none"),
    "400 invalid_request": ("invalid_request", {}, 2, "needs_reconnect", "invalid_request", "kept", "none"),
    # The refresh token goes; a still-valid access token stays unless the profile says the
    # grant ended with it (Wise).
    "400 invalid_grant": ("invalid_grant", {}, 3, "needs_reconnect", "invalid_grant", "refresh dropped", "none"),
}
# A single-use provider cannot tell "the server never got it" from "the server rotated and the
# answer was lost" once the request may have arrived: it never sends that token again.
ANSWER_MAY_BE_LOST = {"reset before the answer", "truncated body", "never answers", "64 MiB body",
                      "HTML instead of JSON", "wrong JSON types", "no access_token",
                      "control characters in the token"}
# Providers whose refresh token changes on every refresh: Pagero's is single use, Aiia's is
# discarded ("discard your old tokens"). Sending one again after a lost response would be reuse.
ROTATING = {"pagero", "aiia", "microsoft", "github"}
INVALID_GRANT_ENDS_ACCESS = {"wise"}


def expected(provider, fault):
    server, extra, code, state, error, tokens, retry = MATRIX[fault]
    if provider in ROTATING and fault in ANSWER_MAY_BE_LOST:
        return 3, "needs_reconnect", "refresh_answer_lost", "refresh dropped", "none"
    if provider in INVALID_GRANT_ENDS_ACCESS and fault == "400 invalid_grant":
        tokens = "cleared"
    return code, state, error, tokens, retry


def seconds_until(text):
    return (datetime.fromisoformat(text.replace("Z", "+00:00")) - datetime.now(timezone.utc)).total_seconds()


class FaultMatrix(TetherCase):

    def test_everyFault_forEverySeedProvider(self):
        observed = {}
        for provider in PROVIDERS:
            for fault, (server_fault, extra, *_rest) in MATRIX.items():
                with self.subTest(provider=provider, fault=fault):
                    observed[f"{provider} / {fault}"] = self.run_row(provider, fault, server_fault, dict(extra))
        report = os.environ.get("TETHER_FAULT_REPORT")
        if report:
            with open(report, "w") as f:
                json.dump(observed, f, indent=1)
        print(f"\nfault matrix: {len(observed)} rows ({len(PROVIDERS)} providers x {len(MATRIX)} faults) held")

    def run_row(self, provider, fault, server_fault, extra):
        account = f"{self.prefix}-{provider}-{abs(hash(fault)) % 10**6}"
        endpoint = "http://127.0.0.1:9/token" if server_fault is None else None
        self.add(provider, account, endpoint=endpoint)
        grant = self.server.grant(provider)
        grant["expires_in"] = 3600  # the access token is alive during the fault
        self.ok("import", account, stdin=json.dumps(grant))
        if extra.get("retry_after") == HTTP_DATE_IN_10_MIN:
            extra["retry_after"] = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 600))
        if server_fault:
            self.server.fault(provider, server_fault, **extra)

        started = time.monotonic()
        result = self.tether("refresh", account, env={"TETHER_HTTP_TIMEOUT_MS": "1500"})
        elapsed = time.monotonic() - started
        code, state, error, tokens, retry = expected(provider, fault)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, code, stderr)
        self.assertEqual(len(stderr.strip().splitlines()), 1, stderr)
        status = self.status(account)
        self.assertEqual(status["state"], state)
        self.assertEqual(status["last_error"]["code"], error)
        self.assertLess(elapsed, 10, "noticed quickly: the cap and the timeout bound every fault")

        stored = keychain(account).get("tokens")
        if tokens == "kept":
            self.assertEqual((stored["access_token"], stored["refresh_token"]),
                             (grant["access_token"], grant["refresh_token"]))
        elif tokens == "cleared":
            self.assertIsNone(stored)
        else:  # refresh dropped: the access token stays usable until it expires
            self.assertEqual((stored["access_token"], stored["refresh_token"]), (grant["access_token"], ""))
            self.assertEqual(self.ok("token", account).strip(), grant["access_token"])

        if retry is None:
            self.assertGreater(seconds_until(status["next_refresh_at"]), 0)  # backoff
        elif retry == "none":
            self.assertIsNone(status["next_refresh_at"])
        else:
            self.assertAlmostEqual(seconds_until(status["next_refresh_at"]), retry, delta=5)
        # Never the same refresh token twice at the server.
        sent = [e for e in self.server.log() if e.get("refresh_token") == grant["refresh_token"]]
        self.assertLessEqual(len(sent), 1)
        return {"exit": result.returncode, "state": status["state"], "error": error, "tokens": tokens,
                "seconds": round(elapsed, 2)}


if __name__ == "__main__":
    unittest.main()
