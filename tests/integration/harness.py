"""Shared pieces of the integration tests.

Every suite runs inside tests/support/with-keyring.sh: a private D-Bus session with a real,
unlocked gnome-keyring, and HOME/XDG_* in a temporary directory. The tests drive the real
`tether` executable (TETHER_BIN) as a subprocess against the loopback token server in
tests/support/tokenserver.py, and check what a user would check: exit codes, one-line errors,
`status --json`, tokens that work at the server, and what the keychain holds.
"""

import json
import os
import queue
import shlex
import threading
import time
import subprocess
import sys
import tempfile
import unittest
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUPPORT = HERE.parent / "support"
TETHER = os.environ.get("TETHER_BIN", str(HERE.parents[1] / "build" / "bin" / "tether"))
ROOT = Path(os.environ.get("TETHER_TEST_ROOT", tempfile.mkdtemp(prefix="tether-it-")))

sys.path.insert(0, str(SUPPORT))
from tokenserver import CLIENTS  # noqa: E402  (the clients the token server knows)

PROVIDERS = list(CLIENTS)


class TokenServer:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, str(SUPPORT / "tokenserver.py")],
                                        stdout=subprocess.PIPE, text=True)
        port = self.process.stdout.readline().strip()  # printed once the socket listens
        if not port.isdigit():
            raise RuntimeError("the token server did not start")
        self.base = f"http://127.0.0.1:{port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def call(self, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {},
                                         method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def grant(self, provider, **extra):
        return self.call("/_control/grant", {"provider": provider, **extra})[1]

    def fault(self, provider, mode, count=1, **extra):
        status, _ = self.call("/_control/fault", {"provider": provider, "mode": mode, "count": count, **extra})
        assert status == 200, mode

    def revoke(self, provider):
        self.call("/_control/revoke", {"provider": provider})

    def log(self):
        return self.call("/_control/log")[1]

    def settle(self, timeout=10):
        """Blocks until every connection other than this call's has been handled and logged."""
        status, _ = self.call(f"/_control/settle?timeout={timeout}")
        if status != 200:
            raise AssertionError(f"the token server still had open connections after {timeout} s")

    def wait_for(self, provider, count, outcome="ok", timeout=60):
        """Blocks until the server has seen `count` requests of `provider` with `outcome`."""
        request = urllib.request.Request(
            f"{self.base}/_control/wait?provider={provider}&outcome={outcome}&count={count}&timeout={timeout}")
        try:
            with urllib.request.urlopen(request, timeout=timeout + 10) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise AssertionError(f"the server saw fewer than {count} {outcome} requests of {provider} "
                                 f"within {timeout} s") from error

    def works(self, provider, access_token):
        status, _ = self.call(f"/{provider}/check", headers={"Authorization": "Bearer " + access_token})
        return status == 200

    def endpoint(self, provider):
        return f"{self.base}/{provider}/token"


def bus_name_pid(name, env=None):
    """The process that owns `name` on this test's session bus. Tests run side by side (ctest -j),
    each on a bus of its own: find processes through the bus, never by name machine-wide."""
    reply = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                            "--object-path", "/org/freedesktop/DBus", "--method",
                            "org.freedesktop.DBus.GetConnectionUnixProcessID", name],
                           env=env, capture_output=True, text=True, check=True, timeout=30)
    return int(reply.stdout.strip("()\n, ").split()[-1])


def start_xvfb(screen):
    """A private X server: (process, display), returned once it accepts connections. Xvfb picks
    a free display and writes its number on -displayfd when it is ready."""
    read, write = os.pipe()
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
                               pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as ready:
        number = ready.readline().strip()
    if not number:
        process.kill()
        process.wait()
        raise RuntimeError("Xvfb did not start")
    return process, ":" + number


def keychain(account_id, service="tether"):
    """The account's keychain item as Tether stores it (QtKeychain's text item), or None."""
    result = subprocess.run(["secret-tool", "lookup", "server", service, "user", account_id, "type", "plaintext"],
                            capture_output=True, timeout=30)
    if result.returncode != 0 or not result.stdout:
        return None
    return json.loads(result.stdout)


class TetherCase(unittest.TestCase):
    """A test case with a token server for the class and a fresh config directory per test."""

    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = TokenServer()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        self.home = Path(tempfile.mkdtemp(dir=ROOT, prefix="case-"))
        self.env = dict(os.environ)
        self.env["XDG_CONFIG_HOME"] = str(self.home / "config")
        self.env["XDG_CACHE_HOME"] = str(self.home / "cache")
        self.env["XDG_STATE_HOME"] = str(self.home / "state")
        # Keychain items are keyed by account id; ids carry the test's name so tests never share one.
        self.prefix = self.id().rsplit(".", 1)[-1].replace("_", "-")[:40]

    def account(self, provider):
        return f"{self.prefix}-{provider}"

    def tether(self, *args, stdin=None, env=None, timeout=60):
        run_env = dict(self.env, **(env or {}))
        return subprocess.run([TETHER, *args], input=stdin.encode() if isinstance(stdin, str) else stdin,
                              capture_output=True, env=run_env, timeout=timeout)

    def ok(self, *args, **kwargs):
        result = self.tether(*args, **kwargs)
        self.assertEqual(result.returncode, 0, f"tether {' '.join(args)}: {result.stderr.decode()}")
        return result.stdout.decode()

    def typed(self, *args):
        """Runs tether as the user typing it in a terminal (script(1) gives it one); (code, output)."""
        command = " ".join(shlex.quote(a) for a in [TETHER, *args])
        result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True,
                                env=self.env, timeout=60)
        return result.returncode, result.stdout

    def fails(self, code, *args, **kwargs):
        """Runs tether, expects exit `code` and exactly one line on stderr; returns that line."""
        result = self.tether(*args, **kwargs)
        stderr = result.stderr.decode()
        self.assertEqual(result.returncode, code, f"tether {' '.join(args)}: {stderr}")
        lines = [line for line in stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, f"expected one line on stderr, got: {stderr!r}")
        self.assertTrue(lines[0].startswith("tether: "), lines[0])
        return lines[0]

    def add(self, provider, account_id=None, auth=None, endpoint=None, extra=()):
        account_id = account_id or self.account(provider)
        client_id, secret = CLIENTS[provider]
        args = ["add", account_id, "--provider", provider, "--client-id", client_id,
                "--token-endpoint", endpoint or self.server.endpoint(provider), *extra]
        if auth:
            args += ["--client-auth", auth]
        if secret:
            args.append("--client-secret-stdin")
        self.ok(*args, stdin=secret)
        return account_id

    def connect(self, provider, account_id=None, **grant):
        """An account with a fresh grant imported, as if the user had just logged in."""
        account_id = self.add(provider, account_id)
        answer = self.server.grant(provider, **grant)
        self.ok("import", account_id, stdin=json.dumps(answer))
        return account_id, answer

    def start_app(self, env=None):
        """`tether service` (the session service), returned once it owns its bus name. Its stderr
        lines (one per refresh outcome) arrive in app.lines, a queue, read by a thread of its own."""
        app = subprocess.Popen([TETHER, "service"], env=dict(self.env, **(env or {})),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        app.lines = queue.Queue()

        def drain():
            for line in app.stderr:
                app.lines.put(line)
        threading.Thread(target=drain, daemon=True).start()
        self.addCleanup(self.stop_app, app)
        self.app_line(app, "service running")  # written once it owns io.github.tether.Tether
        return app

    def app_line(self, app, text, timeout=90):
        """Blocks until the app writes a line containing `text`; returns it."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = app.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"the app wrote no line with {text!r} within {timeout} s") from None
            if text in line:
                return line

    @staticmethod
    def stop_app(app):
        if app.poll() is None:
            app.terminate()
            app.wait(60)

    def status(self, account_id):
        return json.loads(self.ok("status", account_id, "--json"))

    def refreshes(self, provider=None, outcome="ok"):
        return [e for e in self.server.log()
                if (provider is None or e["provider"] == provider) and e.get("outcome") == outcome]
