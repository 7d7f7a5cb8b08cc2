"""Secrets never leak: with every debug log category on, no access token, refresh token, client
secret, authorization code or PKCE verifier appears in any file Tether wrote, in its output, or in
any process's command line; the runtime directory is the user's alone; the service leaves no core
file; the sign-in listener is bound to 127.0.0.1 only."""

import json
import os
import stat
import subprocess
from pathlib import Path

from harness import CLIENTS, ROOT, SUPPORT, TETHER, TetherCase, keychain

DEBUG = {"QT_LOGGING_RULES": "*.debug=true", "QT_MESSAGE_PATTERN": "%{category} %{type}: %{message}",
         "TETHER_DEBUG": "1"}


def command_lines():
    lines = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                lines.append(Path(f"/proc/{pid}/cmdline").read_bytes())
            except OSError:
                pass
    return lines


def loopback_listeners(port):
    """The local addresses listening on `port` (hex from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.append(address)
    return found


class Leaks(TetherCase):

    def test_noSecretInFilesOutputOrCommandLines_withDebugLogging(self):
        outputs = []
        seen_cmdlines = []
        env = dict(DEBUG)

        def run(*args, stdin=None):
            result = self.tether(*args, stdin=stdin, env=env)
            # `tether token` prints the access token on stdout: that is its job. Everything else
            # it and every other command write must be free of secrets.
            outputs.append(result.stderr if args[0] == "token" else result.stdout + result.stderr)
            return result

        # Every path a secret travels: add (secret on stdin), import, refresh, token, connect
        # (code and verifier), the running app with its socket, disconnect with revocation.
        base = self.server.base
        for provider in ("pagero", "auth0"):
            account = self.account(provider)
            client_id, secret = CLIENTS[provider]
            args = ["add", account, "--provider", provider, "--client-id", client_id, "--token-endpoint",
                    f"{base}/{provider}/token", "--authorization-endpoint", f"{base}/{provider}/authorize",
                    "--revocation-endpoint", f"{base}/{provider}/revoke"]
            self.assertEqual(run(*args, *(["--client-secret-stdin"] if secret else []), stdin=secret).returncode, 0)

            connect = subprocess.Popen([TETHER, "connect", account, "--no-browser"], env=dict(self.env, **env),
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            url = connect.stdout.readline().decode().strip()
            redirect = [v for k, v in (p.split("=", 1) for p in url.split("?", 1)[1].split("&")) if k == "redirect_uri"][0]
            port = int(urllib_unquote(redirect).rsplit(":", 1)[1].split("/")[0])
            self.assertEqual(loopback_listeners(port), ["0100007F"], "the listener must be 127.0.0.1 only")
            seen_cmdlines += command_lines()
            subprocess.run([str(SUPPORT / "follow-redirects.sh"), url], check=True)
            out, err = connect.communicate(timeout=30)
            outputs.append(out + err)
            self.assertEqual(connect.returncode, 0, err)

            self.assertEqual(run("refresh", account).returncode, 0)
            self.assertEqual(run("token", account).returncode, 0)
            run("import", account, stdin=json.dumps(self.server.grant(provider)))

        app = subprocess.Popen([TETHER, "service"], env=dict(self.env, **env),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        early = b""
        while b"service running" not in early:
            early += app.stderr.readline()
        runtime = Path(self.env["XDG_RUNTIME_DIR"]) / "tether"
        self.assertEqual(stat.S_IMODE(runtime.stat().st_mode), 0o700)
        # The process that holds tokens leaves no core file (and is not dumpable: tst_hardening).
        limits = Path(f"/proc/{app.pid}/limits").read_text()
        self.assertRegex(limits, r"Max core file size\s+0\s+0\s")
        for provider in ("pagero", "auth0"):
            self.assertEqual(run("refresh", self.account(provider)).returncode, 0)
            self.assertEqual(run("token", self.account(provider)).returncode, 0)
        seen_cmdlines += command_lines()
        secrets_now = self.collect_secrets()  # before disconnect forgets them
        self.assertEqual(run("disconnect", self.account("pagero")).returncode, 0)
        app.terminate()
        out, err = app.communicate(timeout=30)
        outputs.append(out + early + err)

        secrets = secrets_now | self.collect_secrets()
        self.assertGreater(len(secrets), 10)
        written = [p for base in (self.home, ROOT / "runtime", ROOT / "home", ROOT / "data", ROOT / "config",
                                  ROOT / "cache", ROOT / "state")
                   for p in Path(base).rglob("*") if p.is_file() and "keyrings" not in p.parts]
        self.assertTrue(written)
        debug_lines = sum(o.count(b"debug:") for o in outputs)
        for secret in secrets:
            needle = secret.encode()
            for path in written:
                self.assertNotIn(needle, path.read_bytes(), f"a secret is in {path}")
            for output in outputs:
                self.assertNotIn(needle, output, "a secret in Tether's output")
            for cmdline in seen_cmdlines:
                self.assertNotIn(needle, cmdline, "a secret on a command line")
        print(f"\nleaks: {len(secrets)} secrets checked against {len(written)} files, {len(outputs)} outputs "
              f"({debug_lines} debug lines) and {len(seen_cmdlines)} command lines: none found")

    def collect_secrets(self):
        """Every secret that has existed in this test: tokens, client secrets, codes, verifiers."""
        secrets = {s for _, s in CLIENTS.values() if s}
        for entry in self.server.log():
            for key in ("refresh_token", "issued_refresh_token", "code", "code_verifier"):
                if entry.get(key):
                    secrets.add(entry[key])
        for provider in ("pagero", "auth0"):
            stored = keychain(self.account(provider))
            if stored and stored.get("tokens"):
                secrets |= {stored["tokens"]["access_token"], stored["tokens"]["refresh_token"]} - {""}
        return secrets


def urllib_unquote(text):
    from urllib.parse import unquote
    return unquote(text)


if __name__ == "__main__":
    import unittest
    unittest.main()
