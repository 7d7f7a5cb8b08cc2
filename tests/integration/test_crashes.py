"""kill -9 at random instants while refreshing a single-use, rotating provider (Pagero's rules).

After every kill the next run must find the account either connected with a token that works,
or — only when the refresh token may have been consumed with the answer lost — needs_reconnect
with that reason recorded. Never a silently stale state, and never a refresh token sent twice
(the server's log is the proof). TETHER_CRASH_ITERATIONS sets the count (make soak: 200)."""

import json
import os
import random
import signal
import subprocess
import time
import unittest
from collections import Counter

from harness import TETHER, TetherCase, keychain

ITERATIONS = int(os.environ.get("TETHER_CRASH_ITERATIONS", "20"))
REPORT = os.environ.get("TETHER_CRASH_REPORT")


class Crashes(TetherCase):

    def test_killDuringRefresh_neverLosesOrReusesARefreshToken(self):
        account, grant = self.connect("pagero")
        self.server.call("/_control/config", {"provider": "pagero", "delay_ms": 40})
        rng = random.Random(int(os.environ.get("TETHER_CRASH_SEED", "20261122")))
        outcomes = Counter()
        for iteration in range(ITERATIONS):
            before = keychain(account)["tokens"]["refresh_token"]
            process = subprocess.Popen([TETHER, "refresh", account], env=self.env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 0.12))  # the random instant of the kill: the point of the test
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
            process.wait(30)

            # The next run: whatever it finds must be consistent.
            result = self.tether("refresh", account)
            status = self.status(account)
            sent = [e for e in self.server.log() if e.get("refresh_token") == before]
            if result.returncode == 0:
                self.assertEqual(status["state"], "connected")
                token = keychain(account)["tokens"]["access_token"]
                self.assertTrue(self.server.works("pagero", token), f"iteration {iteration}: a stale token")
                outcomes["connected" if killed else "finished before the kill"] += 1
            else:
                self.assertEqual(result.returncode, 3, result.stderr.decode())
                self.assertEqual(status["state"], "needs_reconnect")
                self.assertEqual(status["last_error"]["code"], "refresh_answer_lost")
                rotated = any(e.get("outcome") == "ok" for e in sent)
                outcomes["reconnect: rotated, answer lost" if rotated else "reconnect: killed before sending"] += 1
                # Start over with a fresh grant, as the user's Reconnect would.
                self.ok("import", account, stdin=json.dumps(self.server.grant("pagero")))
            self.assertLessEqual(len(sent), 1, f"iteration {iteration}: a refresh token was sent twice")

        log = self.server.log()
        self.assertFalse(any(e.get("reuse_detected") for e in log), "a spent token came back")
        spent = [e["refresh_token"] for e in log if e.get("provider") == "pagero" and e.get("refresh_token")]
        self.assertEqual(len(spent), len(set(spent)))
        summary = {"iterations": ITERATIONS, **outcomes}
        print(f"\ncrashes: {json.dumps(summary)}")
        if REPORT:
            with open(REPORT, "w") as f:
                json.dump(summary, f)


if __name__ == "__main__":
    unittest.main()
