"""The running app (`tether --hidden`) keeps accounts alive on its own, answers `tether token`
from memory, and never races the command line for a refresh token."""

import json
import os
import signal
import subprocess
import time
import unittest

from harness import TETHER, TetherCase, TokenServer, keychain


def main_thread_switches(pid):
    """Voluntary context switches of the process's main thread: each is a wakeup."""
    with open(f"/proc/{pid}/task/{pid}/status") as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])
    raise AssertionError("no switch count")


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

    def test_refreshesOnItsOwn_repeatedly_withinTheRules(self):
        account, grant = self.connect("pagero", access_lifetime=20)
        self.start_app()
        log = self.server.wait_for("pagero", 3, timeout=90)  # about every 15 s
        mine = [e for e in log if e["provider"] == "pagero"]
        self.assertEqual([e["outcome"] for e in mine][:3], ["ok"] * 3)
        self.assertEqual(mine[0]["refresh_token"], grant["refresh_token"])
        for earlier, later in zip(mine, mine[1:3]):
            self.assertEqual(later["refresh_token"], earlier["issued_refresh_token"])  # the chain holds
            self.assertGreater(later["time"] - earlier["time"], 10)  # not early: ~3/4 of 20 s
        self.assertIn(self.status(account)["state"], ("connected", "refreshing"))
        self.assertTrue(self.server.works("pagero", self.ok("token", account).strip()))

    def test_tokenCalls_areAnsweredFromMemory(self):
        account, grant = self.connect("wise")
        self.start_app()
        first = self.ok("token", account).strip()
        before = len(self.server.log())
        for _ in range(20):
            self.assertEqual(self.ok("token", account).strip(), first)
        self.assertEqual(len(self.server.log()), before)
        self.assertTrue(self.server.works("wise", first))

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
        account, _ = self.connect("pagero", access_lifetime=20)
        app = self.start_app()
        # Kill it between refreshes (a kill during one is the reliability suite's subject).
        self.app_line(app, f"{account} refreshed")
        app.send_signal(signal.SIGKILL)
        app.wait(10)
        done = len([e for e in self.server.log() if e["provider"] == "pagero" and e["outcome"] == "ok"])
        self.start_app()
        log = self.server.wait_for("pagero", done + 1, timeout=60)
        mine = [e for e in log if e["provider"] == "pagero"]
        self.assertFalse([e for e in mine if e["outcome"] != "ok"], mine)
        self.assertIn(self.status(account)["state"], ("connected", "refreshing"))

    def test_terminate_quitsCleanly(self):
        self.connect("wise")
        app = self.start_app()
        socket = os.path.join(os.environ["XDG_RUNTIME_DIR"], "tether", "control")
        self.assertTrue(os.path.exists(socket))
        app.terminate()
        self.assertEqual(app.wait(30), 0)
        self.assertFalse(os.path.exists(socket))

    def test_secondInstance_defersToTheFirst(self):
        self.start_app()
        second = subprocess.run([TETHER, "--hidden"], env=self.env, capture_output=True, timeout=30)
        self.assertEqual(second.returncode, 0)
        self.assertIn("already running", second.stderr.decode())

    def test_secondWindow_raisesTheFirst(self):
        env = dict(self.env, QT_QPA_PLATFORM="offscreen")
        first = subprocess.Popen([TETHER], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addCleanup(self.stop_app, first)
        def line_with(text):  # Qt's offscreen plugin writes its own warnings in between
            for _ in range(50):
                line = first.stderr.readline()
                if text in line:
                    return line
            self.fail(f"no line with {text!r}")
        line_with("tether: running")
        second = subprocess.run([TETHER], env=env, capture_output=True, timeout=30)
        self.assertEqual(second.returncode, 0, second.stderr)
        line_with("raised by a second start")
        self.assertIsNone(first.poll())

    def test_idleWithHundredAccounts_makesNoWakeups(self):
        for i in range(100):
            self.connect("wise", f"{self.prefix}-{i}")  # 12 h tokens: nothing due for hours
        app = self.start_app()
        self.ok("list")  # one command through the socket, then quiet
        time.sleep(0.5)  # let the command's own work settle before measuring
        before = main_thread_switches(app.pid)
        time.sleep(3)  # the measurement window itself: an idle app must not wake in it
        self.assertEqual(main_thread_switches(app.pid) - before, 0)


if __name__ == "__main__":
    unittest.main()
