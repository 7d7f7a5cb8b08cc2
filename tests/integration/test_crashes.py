"""kill -9 at random instants while refreshing the rotating providers: Pagero (single use, reuse
revokes the family) and Aiia (rotation on every refresh, the old token dies).

After every kill the next run must find the account either connected with a token that works,
or — only when the refresh token may have been consumed with the answer lost — needs_reconnect
with that reason recorded. Never a silently stale state, and never a refresh token sent twice
(the server's log is the proof). TETHER_CRASH_ITERATIONS sets the count across both providers
(make soak: 1,000).

Tether marks a single-use token "in flight" once its connection is open, just before the request
carrying the token is written. A kill between that mark and the write (tens of microseconds)
cannot be told from one just after it, so the next run must ask for a reconnect; the server then
saw a connection that carried no request, or a request cut short. A reconnect after which the
server saw no connection at all means the token was condemned before it could have left: a
defect (test_killWhileConnecting pins it down deterministically)."""

import json
import os
import random
import signal
import socket
import subprocess
import time
import unittest
from collections import Counter

from harness import TETHER, TetherCase, keychain

ITERATIONS = int(os.environ.get("TETHER_CRASH_ITERATIONS", "20"))
ROTATING = tuple(os.environ.get("TETHER_CRASH_PROVIDERS", "pagero,aiia").split(","))
REPORT = os.environ.get("TETHER_CRASH_REPORT")


class Crashes(TetherCase):

    def test_killDuringRefresh_neverLosesOrReusesARefreshToken(self):
        rng = random.Random(int(os.environ.get("TETHER_CRASH_SEED", "20261122")))
        summary = {"iterations": ITERATIONS}
        for index, provider in enumerate(ROTATING):
            count = ITERATIONS // len(ROTATING) + (1 if index < ITERATIONS % len(ROTATING) else 0)
            with self.subTest(provider=provider):
                summary[provider] = self.kill_during_refreshes(provider, count, rng)
        print(f"\ncrashes: {json.dumps(summary)}")
        if REPORT:
            with open(REPORT, "w") as f:
                json.dump(summary, f)

    def kill_during_refreshes(self, provider, iterations, rng):
        account, grant = self.connect(provider)
        self.server.call("/_control/config", {"provider": provider, "delay_ms": 40})
        self.addCleanup(self.server.call, "/_control/config", {"provider": provider, "delay_ms": 0})
        outcomes = Counter()
        for iteration in range(iterations):
            before = keychain(account)["tokens"]["refresh_token"]
            started = time.time()
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
            self.server.settle()  # every connection of the killed run is in the log
            log = self.server.log()
            sent = [e for e in log if e.get("refresh_token") == before]
            if result.returncode == 0:
                self.assertEqual(status["state"], "connected")
                token = keychain(account)["tokens"]["access_token"]
                self.assertTrue(self.server.works(provider, token), f"iteration {iteration}: a stale token")
                outcomes["connected" if killed else "finished before the kill"] += 1
            else:
                self.assertEqual(result.returncode, 3, result.stderr.decode())
                self.assertEqual(status["state"], "needs_reconnect")
                self.assertEqual(status["last_error"]["code"], "refresh_answer_lost")
                rotated = any(e.get("outcome") == "ok" for e in sent)
                cut = [e for e in log if e.get("outcome") in ("no_request", "incomplete")
                       and e["time"] >= started]
                self.assertTrue(rotated or cut, f"iteration {iteration}: a reconnect although no "
                                "connection carrying the refresh token was ever opened")
                outcomes["reconnect: rotated, answer lost" if rotated
                         else "reconnect: killed between the mark and the write"] += 1
                # Start over with a fresh grant, as the user's Reconnect would.
                self.ok("import", account, stdin=json.dumps(self.server.grant(provider)))
            self.assertLessEqual(len(sent), 1, f"iteration {iteration}: a refresh token was sent twice")

        log = self.server.log()
        self.assertFalse(any(e.get("reuse_detected") for e in log), "a spent token came back")
        spent = [e["refresh_token"] for e in log if e.get("provider") == provider and e.get("refresh_token")]
        self.assertEqual(len(spent), len(set(spent)), "a refresh token was sent twice")
        return dict(outcomes)

    def test_killWhileConnecting_keepsTheUnsentRefreshToken(self):
        # A listener whose accept queue is full: the kernel drops further SYNs, so a refresh
        # against it stays in connect() for as long as the test wants.
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        self.addCleanup(listener.close)
        port = listener.getsockname()[1]
        filler = socket.create_connection(("127.0.0.1", port))
        self.addCleanup(filler.close)
        account = self.add("pagero", endpoint=f"http://127.0.0.1:{port}/pagero/token")
        self.ok("import", account, stdin=json.dumps(self.server.grant("pagero")))
        before = keychain(account)["tokens"]["refresh_token"]

        process = subprocess.Popen([TETHER, "refresh", account], env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.assertTrue(syn_sent_to(port, process), "the refresh never started to connect")
        process.send_signal(signal.SIGKILL)
        process.wait(30)

        registry = json.loads((self.home / "config" / "tether" / "accounts.json").read_text())
        entry = next(a for a in registry["accounts"] if a["id"] == account)
        self.assertNotIn("in_flight_generation", entry.get("status", {}))
        # Nothing reached a server, so the token is still the account's: the next run tries it
        # (and, with nobody listening now, retries later) instead of asking for a reconnect.
        listener.close()
        filler.close()
        result = self.tether("refresh", account)
        self.assertEqual(result.returncode, 4, result.stderr.decode())
        status = self.status(account)
        self.assertEqual(status["state"], "retrying")
        self.assertEqual(keychain(account)["tokens"]["refresh_token"], before)


def syn_sent_to(port, process, timeout=30):
    """Whether a connection to 127.0.0.1:port sits in SYN_SENT (kernel state, polled: there is
    no event to wait on) before the process exits or the timeout passes."""
    remote = f"0100007F:{port:04X}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with open("/proc/net/tcp") as table:
            if any(line.split()[2] == remote and line.split()[3] == "02" for line in list(table)[1:]):
                return True
        time.sleep(0.01)
    return False


if __name__ == "__main__":
    unittest.main()
