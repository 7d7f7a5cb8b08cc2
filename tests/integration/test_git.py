"""`tether credential`: git's credential helper, with the real git client cloning and pushing
from git's own HTTP server (git http-backend, tests/support/gitserver.py) that takes a password
only if the token server says it is a live access token. The helper answers `get` with the fresh
access token, refreshes on `erase` (git was refused), and never deletes the account; the token
goes to git's pipe and nowhere else (not into git's config, not into a file)."""

import json
import shutil
import subprocess
import time
import unittest

from harness import SUPPORT, TETHER, TetherCase, keychain


@unittest.skipUnless(shutil.which("git"), "needs git")
class GitCredential(TetherCase):

    def setUp(self):
        super().setUp()
        self.repos = self.home / "repos"
        self.repos.mkdir()
        subprocess.run(["git", "init", "--bare", "-q", "-b", "main", str(self.repos / "project.git")], check=True)
        self.server_process = subprocess.Popen(
            ["python3", str(SUPPORT / "gitserver.py"), str(self.repos), self.server.base, "wise"],
            stdout=subprocess.PIPE, text=True)
        self.addCleanup(lambda: (self.server_process.terminate(), self.server_process.wait(10)))
        self.port = int(self.server_process.stdout.readline())
        self.url = f"http://127.0.0.1:{self.port}/project.git"
        self.account, _ = self.connect("wise")
        # git as a person's setup would run it: the helper line from the README, no prompts.
        self.git_env = dict(self.env, GIT_TERMINAL_PROMPT="0", GIT_CONFIG_GLOBAL=str(self.home / "gitconfig"),
                            GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com",
                            GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.com")
        subprocess.run(["git", "config", "--global", f"credential.http://127.0.0.1:{self.port}.helper",
                        f"{TETHER} credential --account {self.account}"], env=self.git_env, check=True)

    def git(self, *args, cwd=None):
        return subprocess.run(["git", *args], cwd=cwd, env=self.git_env, capture_output=True, text=True, timeout=120)

    def requests(self):
        log = self.repos / "requests.log"
        return log.read_text().splitlines() if log.exists() else []

    def test_cloneAndPush_withTheAccountsToken(self):
        work = self.home / "work"
        cloned = self.git("clone", "-q", self.url, str(work))
        self.assertEqual(cloned.returncode, 0, cloned.stderr)
        (work / "README").write_text("hello\n")
        self.assertEqual(self.git("add", "README", cwd=work).returncode, 0)
        self.assertEqual(self.git("commit", "-qm", "first", cwd=work).returncode, 0)
        pushed = self.git("push", "-q", "origin", "HEAD:main", cwd=work)
        self.assertEqual(pushed.returncode, 0, pushed.stderr)
        self.assertIn("oauth2 ok POST /project.git/git-receive-pack", self.requests())
        # The token is nowhere on the disk: not in git's config, not in the work tree.
        token = keychain(self.account)["tokens"]["access_token"]
        for path in [self.home / "gitconfig", *work.rglob("*")]:
            if path.is_file():
                self.assertNotIn(token, path.read_text(errors="replace"), path)

    def test_revokedGrant_eraseMarksTheAccountForReconnect_neverDeletesIt(self):
        # The grant was revoked at the provider: git is refused, tells the helper to erase, and
        # the helper's refresh finds the sign-in ended.
        before = keychain(self.account)["tokens"]["access_token"]
        self.server.revoke("wise")  # every family: the access and the refresh token die
        failed = self.git("ls-remote", self.url)
        self.assertNotEqual(failed.returncode, 0)
        # erase found the sign-in ended: the account waits for a reconnect, and is still there.
        status = self.status(self.account)
        self.assertEqual(status["state"], "needs_reconnect")
        self.assertEqual(status["last_error"]["code"], "invalid_grant")
        # Signed in again (a fresh grant imported), git works without anything else changed.
        self.ok("import", self.account, stdin=json.dumps(self.server.grant("wise")))
        self.assertNotEqual(keychain(self.account)["tokens"]["access_token"], before)
        listed = self.git("ls-remote", self.url)
        self.assertEqual(listed.returncode, 0, listed.stderr)

    def test_erase_refreshesAToken_theServerNoLongerTakes(self):
        # The token server's access tokens live 2 s while the answer says an hour: Tether hands
        # out a token the server refuses once it is dead, and git's erase brings a new one.
        self.server.call("/_control/config", {"provider": "wise", "access_lifetime": 2})
        grant = self.server.grant("wise")
        grant["expires_in"] = 3600
        self.ok("import", self.account, stdin=json.dumps(grant))
        dead = grant["access_token"]
        while self.server.works("wise", dead):
            time.sleep(0.1)  # the token server's clock: it says nothing when a token dies
        self.server.call("/_control/config", {"provider": "wise", "access_lifetime": 3600})
        refused = self.git("ls-remote", self.url)
        self.assertNotEqual(refused.returncode, 0)  # git does not retry within one command
        fresh = keychain(self.account)["tokens"]["access_token"]
        self.assertNotEqual(fresh, dead)  # erase refreshed it
        self.assertEqual(self.status(self.account)["state"], "connected")
        listed = self.git("ls-remote", self.url)
        self.assertEqual(listed.returncode, 0, listed.stderr)

    def test_plainHttpToAnotherHost_isRefused_withoutTheToken(self):
        result = self.tether("credential", "get", "--account", self.account,
                             stdin="protocol=http\nhost=git.example.com\n\n")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, b"")
        self.assertIn(b"plain http", result.stderr)

    def test_store_doesNothing_andWithoutAnAccountItSaysHowToSetItUp(self):
        stored = self.tether("credential", "store", "--account", self.account,
                             stdin="protocol=https\nhost=h\nusername=u\npassword=p\n\n")
        self.assertEqual(stored.returncode, 0)
        self.assertEqual(stored.stdout, b"")
        line = self.fails(2, "credential", "get", stdin="protocol=https\nhost=h\n\n")
        self.assertIn("--account", line)


if __name__ == "__main__":
    unittest.main()
