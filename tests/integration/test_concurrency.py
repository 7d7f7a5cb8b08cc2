"""Several tether processes at once never spend one refresh token twice."""

import json
import subprocess
import unittest

from harness import TETHER, TetherCase, keychain

PARALLEL = 8


class Concurrency(TetherCase):

    def run_parallel(self, *args):
        processes = [subprocess.Popen([TETHER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      env=self.env) for _ in range(PARALLEL)]
        return [(p.wait(120), p.stdout.read().decode(), p.stderr.read().decode()) for p in processes]

    def spends(self, refresh_token):
        return [e for e in self.server.log() if e.get("refresh_token") == refresh_token]

    def test_eightRefreshes_ofASingleUseToken_spendItOnce(self):
        account, grant = self.connect("pagero")
        results = self.run_parallel("refresh", account)
        for code, out, err in results:
            self.assertEqual(code, 0, err)
        self.assertEqual([e["outcome"] for e in self.spends(grant["refresh_token"])], ["ok"])
        log = self.server.log()
        self.assertFalse(any(e.get("reuse_detected") for e in log))
        self.assertFalse(any(e.get("outcome") == "invalid_grant" for e in log))
        # The family is alive: the stored token works at the server and refreshes again.
        tokens = keychain(account)["tokens"]
        self.assertTrue(self.server.works("pagero", tokens["access_token"]))
        # Every process either refreshed or found the refresh of one that ran while it waited. A
        # process that starts after a refresh has finished refreshes again, with the new token:
        # what the server saw is exactly the refreshes the processes reported, each token once.
        exchanged = sum(": refreshed;" in out for _, out, _ in results)
        joined = sum("refreshed by another process" in out for _, out, _ in results)
        self.assertEqual(exchanged + joined, PARALLEL)
        self.assertGreaterEqual(exchanged, 1)
        ok = [e for e in self.server.log() if e.get("provider") == "pagero" and e.get("outcome") == "ok"]
        self.assertEqual(len(ok), exchanged)
        spent = [e["refresh_token"] for e in ok]
        self.assertEqual(len(spent), len(set(spent)), "a refresh token was sent twice")
        self.ok("refresh", account)

    def test_eightTokenCalls_onAnExpiringToken_refreshOnceAndAgree(self):
        account = self.add("pagero")
        grant = self.server.grant("pagero")
        grant["expires_in"] = 1  # inside the safety margin
        self.ok("import", account, stdin=json.dumps(grant))
        results = self.run_parallel("token", account)
        printed = {out.strip() for code, out, err in results if code == 0}
        self.assertEqual([code for code, _, _ in results], [0] * PARALLEL, [err for _, _, err in results])
        self.assertEqual(len(printed), 1)
        self.assertTrue(self.server.works("pagero", printed.pop()))
        self.assertEqual(len(self.spends(grant["refresh_token"])), 1)

    def test_refreshesOfDifferentAccounts_neverLoseRegistryUpdates(self):
        accounts = [self.connect("wise", f"{self.prefix}-wise-{i}")[0] for i in range(4)]
        processes = [subprocess.Popen([TETHER, "refresh", a], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      env=self.env) for a in accounts for _ in range(2)]
        self.assertEqual([p.wait(120) for p in processes], [0] * len(processes))
        for account in accounts:
            status = self.status(account)
            self.assertEqual(status["state"], "connected")
            self.assertIsNotNone(status["last_refresh_at"])


if __name__ == "__main__":
    unittest.main()
