"""The session service (`tether service`) keeps accounts alive on its own, answers `tether token`
from memory, never races the command line for a refresh token, and is one per session."""

import json
import os
import signal
import subprocess
import time
import unittest
from datetime import datetime

from harness import TETHER, TetherCase, TokenServer, bus_name_pid, keychain


def main_thread_switches(pid):
    """Voluntary context switches of the process's main thread: each is a wakeup."""
    with open(f"/proc/{pid}/task/{pid}/status") as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])
    raise AssertionError("no switch count")


def bus_name_owned(env, name="io.github.tether.Tether"):
    result = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
                            capture_output=True, text=True, env=env, timeout=10)
    return "boolean true" in result.stdout


class Service(TetherCase):
    """Each test has a token server of its own: the server's log is the test's evidence."""

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        super().setUp()
        self.server = TokenServer()
        self.addCleanup(self.server.stop)

    def test_refreshesOnItsOwn_chainHolds_nextNotWithinThirtySeconds(self):
        # A provider whose tokens live one second: the service refreshes at once (the token is
        # already past its margin) and plans the next one no sooner than 30 s later — no refresh
        # storm. (tst_refreshcoordinator follows that plan on a manual clock; here it is read back.)
        account, grant = self.connect("pagero", access_lifetime=1)
        app = self.start_app()
        self.app_line(app, f"{account} refreshed")
        mine = [e for e in self.server.log() if e["provider"] == "pagero"]
        self.assertEqual([e["outcome"] for e in mine], ["ok"])
        self.assertEqual(mine[0]["refresh_token"], grant["refresh_token"])
        status = self.status(account)
        gap = (datetime.fromisoformat(status["next_refresh_at"].replace("Z", "+00:00"))
               - datetime.fromisoformat(status["last_refresh_at"].replace("Z", "+00:00"))).total_seconds()
        self.assertGreaterEqual(gap, 29.5, status)
        self.assertIn(status["state"], ("connected", "refreshing"))

    def test_tokenCalls_areAnsweredFromMemory(self):
        account, grant = self.connect("wise")
        self.start_app()
        first = self.ok("token", account).strip()
        before = len(self.server.log())
        for _ in range(20):
            self.assertEqual(self.ok("token", account).strip(), first)
        self.assertEqual(len(self.server.log()), before)
        self.assertTrue(self.server.works("wise", first))
        # Answered by the executable itself over libdbus: no Qt is loaded for it.
        traced = subprocess.run([TETHER, "token", account], env=dict(self.env, LD_DEBUG="libs"),
                                capture_output=True, timeout=30)
        self.assertEqual(traced.stdout.decode().strip(), first)
        self.assertNotIn("libQt6Core", traced.stderr.decode())

    def test_commandLineRefreshes_whileRunning_neverSpendATokenTwice(self):
        account, grant = self.connect("pagero", access_lifetime=30)
        self.start_app()
        processes = [subprocess.Popen([TETHER, "refresh", account], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, env=self.env) for _ in range(8)]
        self.assertEqual([p.wait(120) for p in processes], [0] * 8)
        log = [e for e in self.server.log() if e["provider"] == "pagero"]
        self.assertFalse([e for e in log if e["outcome"] != "ok"], log)
        spent = [e["refresh_token"] for e in log]
        self.assertEqual(len(spent), len(set(spent)), "a refresh token was sent twice")
        self.assertTrue(self.server.works("pagero", keychain(account)["tokens"]["access_token"]))

    def test_killedAndRestarted_picksUpWhereItWas(self):
        account, _ = self.connect("pagero", access_lifetime=1)
        app = self.start_app()
        # Kill it between refreshes (a kill during one is the reliability suite's subject).
        self.app_line(app, f"{account} refreshed")
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        issued = [e for e in self.server.log() if e["provider"] == "pagero"][-1]["issued_refresh_token"]
        # The new service reads what the old one stored: its refresh spends the rotated token.
        self.start_app()
        self.ok("refresh", account)
        mine = [e for e in self.server.log() if e["provider"] == "pagero"]
        self.assertFalse([e for e in mine if e["outcome"] != "ok"], mine)
        self.assertEqual(mine[-1]["refresh_token"], issued)
        self.assertIn(self.status(account)["state"], ("connected", "refreshing"))

    def test_terminate_quitsCleanlyAndReleasesItsName(self):
        self.connect("wise")
        app = self.start_app()
        self.assertTrue(bus_name_owned(self.env))
        app.terminate()
        self.assertEqual(app.wait(30), 0)
        self.assertFalse(bus_name_owned(self.env))

    def test_busClosed_serviceEndsWithinTwoSeconds(self):
        """A session bus of its own, closed under the service: it must not outlive its session
        with tokens in memory (as after logout without systemd, or a test's private bus)."""
        self.connect("wise")
        daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                                  stdout=subprocess.PIPE, text=True)
        self.addCleanup(daemon.wait, 10)
        self.addCleanup(lambda: daemon.poll() is None and daemon.terminate())
        address = daemon.stdout.readline().strip()
        app = self.start_app(env={"DBUS_SESSION_BUS_ADDRESS": address})
        daemon.terminate()
        daemon.wait(10)
        started = time.monotonic()
        self.assertEqual(app.wait(2), 0)  # raises TimeoutExpired if it is still there
        self.assertLess(time.monotonic() - started, 2)

    def test_stoppedService_clientsWaitSecondsNotMinutes(self):
        """SIGSTOP on the service (a debugger, a hung machine): each client gives it a few seconds,
        then answers from what is stored, works alone under the locks, or says what is wrong."""
        account, grant = self.connect("wise")
        expired = self.add("pagero")  # its stored access token has expired: not good to hand out
        self.ok("import", expired, stdin=json.dumps(dict(self.server.grant("pagero"), expires_in=0)))
        app = self.start_app()
        os.kill(app.pid, signal.SIGSTOP)
        self.addCleanup(lambda: app.poll() is None and os.kill(app.pid, signal.SIGCONT))

        def timed(*args, **kwargs):
            started = time.monotonic()
            result = self.tether(*args, timeout=30, **kwargs)
            return result, time.monotonic() - started

        result, took = timed("token", account)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.decode().strip(), grant["access_token"])  # the stored one
        self.assertLess(took, 8)
        result, took = timed("token", expired)
        self.assertEqual(result.returncode, 4)
        self.assertIn("does not answer", result.stderr.decode())
        self.assertEqual(len(result.stderr.decode().strip().splitlines()), 1)
        self.assertLess(took, 6)  # one ping's wait (3 s), not a second one in the command module
        result, took = timed("status", account, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["id"], account)
        self.assertLess(took, 8)
        result, took = timed("refresh", account)  # alone, under the account's lock
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("does not answer", result.stderr.decode())
        self.assertLess(took, 15)
        os.kill(app.pid, signal.SIGCONT)  # it answers again, with the tokens refreshed meanwhile
        self.assertTrue(self.server.works("wise", self.ok("token", account).strip()))

    def test_secondService_defersToTheFirst(self):
        self.start_app()
        second = subprocess.run([TETHER, "service"], env=self.env, capture_output=True, timeout=30)
        self.assertEqual(second.returncode, 0)
        self.assertIn("already running", second.stderr.decode())

    def test_hidden_startsTheServiceInTheBackground(self):
        account, grant = self.connect("wise")
        started = subprocess.run([TETHER, "--hidden"], env=self.env, capture_output=True, timeout=30)
        self.assertEqual(started.returncode, 0, started.stderr)
        self.assertTrue(bus_name_owned(self.env))
        # Stop this test's service (not every `tether service` on the machine: suites run side by side).
        self.addCleanup(lambda: os.kill(bus_name_pid("io.github.tether.Tether", self.env), signal.SIGTERM))
        again = subprocess.run([TETHER, "--hidden"], env=self.env, capture_output=True, timeout=30)
        self.assertEqual(again.returncode, 0, again.stderr)  # already there: nothing to do
        self.assertEqual(self.ok("token", account).strip(), grant["access_token"])
        self.ok("--help")  # commands still answer

    def test_serviceProcess_isNotDumpableAndLeavesNoCore(self):
        app = self.start_app()
        with open(f"/proc/{app.pid}/limits") as limits:
            line = next(l for l in limits if l.startswith("Max core file size"))
        self.assertEqual(line.split()[4:6], ["0", "0"])

    def test_idleWithHundredAccounts_makesNoWakeups(self):
        for i in range(100):
            self.connect("wise", f"{self.prefix}-{i}")  # 12 h tokens: nothing due for hours
        app = self.start_app()
        self.ok("list")  # one call over D-Bus, then quiet
        time.sleep(0.5)  # let the call's own work settle before measuring
        before = main_thread_switches(app.pid)
        time.sleep(3)  # the measurement window itself: an idle service must not wake in it
        self.assertEqual(main_thread_switches(app.pid) - before, 0)


if __name__ == "__main__":
    unittest.main()
