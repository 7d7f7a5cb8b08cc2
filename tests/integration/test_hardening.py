"""Every process that holds tokens refuses core files, and a process that works alone refuses
tracing as well (PR_SET_DUMPABLE 0), as the service does. A non-dumpable process's /proc/PID files
belong to root whoever runs it, which is what this test reads: the command runs as `nobody`
(setpriv), and its /proc entry must turn root's. It needs root to switch users; otherwise it is
skipped."""

import os
import shutil
import subprocess
import tempfile
import time
import unittest

from harness import TETHER, TetherCase


def read(path):
    try:
        with open(path) as file:
            return file.read()
    except OSError:
        return ""


def core_limit(pid):
    for line in read(f"/proc/{pid}/limits").splitlines():
        if line.startswith("Max core file size"):
            return line.split()[4:6]
    return None


def runs_tether_as_nobody(pid):
    """/proc/PID/status names the real user whatever the process's dumpable flag."""
    status = read(f"/proc/{pid}/status")
    return "Name:\ttether" in status and "\nUid:\t65534" in status


def wait_until(check, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)  # polling /proc: the kernel announces nothing
    return check()


@unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv"), "needs root and setpriv to run as nobody")
class Hardening(TetherCase):

    def run_as_nobody(self, *args):
        home = tempfile.mkdtemp(prefix="nobody-", dir=self.home)
        os.chmod(self.home, 0o755)
        os.chmod(home, 0o777)
        env = dict(self.env, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_CACHE_HOME=f"{home}/cache",
                   XDG_STATE_HOME=f"{home}/state", XDG_RUNTIME_DIR=home)
        process = subprocess.Popen(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                                    TETHER, *args], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env)
        self.addCleanup(process.wait, 30)
        self.addCleanup(process.kill)
        return process

    def test_commandWorkingAlone_refusesTracingAndCoreFiles(self):
        # `tether import` waits for the token response on stdin, holding the pipe open; nobody
        # cannot reach this session's bus, so it works alone.
        process = self.run_as_nobody("import", "someone")
        self.assertTrue(wait_until(lambda: runs_tether_as_nobody(process.pid)), "tether did not start as nobody")
        # Dumpable, /proc/PID belongs to nobody; refusing tracing hands it to root.
        self.assertTrue(wait_until(lambda: os.stat(f"/proc/{process.pid}/environ").st_uid == 0),
                        "the command still lets processes of its user trace it")
        self.assertEqual(core_limit(process.pid), ["0", "0"])

    def test_service_refusesCoreFiles(self):
        app = self.start_app()
        self.assertEqual(core_limit(app.pid), ["0", "0"])


if __name__ == "__main__":
    unittest.main()
