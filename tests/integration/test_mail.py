"""Mail with tokens from Tether, against a real IMAP server: Dovecot (dovecot-imapd) on 127.0.0.1
with `auth_mechanisms = xoauth2 oauthbearer` and an oauth2 passdb that asks the loopback token
server whether a token is live (RFC 7662 introspection). The clients: `tether token --sasl`'s
initial responses sent by Python's imaplib, curl with `--oauth2-bearer "$(tether token ID)"`, and
isync (mbsync) with the README's `PassCmd "tether token ID"` and the XOAUTH2 SASL plugin.
A login works with Tether's token, fails once the provider no longer takes it, and works again
after Tether refreshed. Dovecot runs in the foreground as root (it drops privileges to its own
users, as installed): without root the test is skipped."""

import base64
import imaplib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from harness import TETHER, TetherCase

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "me@example.com"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@unittest.skipUnless(os.path.exists(DOVECOT) and os.geteuid() == 0, "needs dovecot-imapd and root")
class Mail(TetherCase):

    def setUp(self):
        super().setUp()
        root = self.home / "dovecot"
        (root / "run").mkdir(parents=True)
        # The mail store belongs to Dovecot's unprivileged user, outside the test's private root.
        mail = Path(tempfile.mkdtemp(prefix="tether-mail-"))
        self.addCleanup(shutil.rmtree, mail, True)
        os.chmod(mail, 0o777)
        self.port = free_port()
        (root / "oauth2.conf.ext").write_text(
            "introspection_mode = post\n"
            f"introspection_url = {self.server.base}/google/introspect\n"
            "username_attribute = username\nactive_attribute = active\nactive_value = true\n")
        (root / "dovecot.conf").write_text(f"""
base_dir = {root}/run
state_dir = {root}/run/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = xoauth2 oauthbearer
auth_failure_delay = 0
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={mail}/%u
}}
mail_location = maildir:{mail}/%u/Maildir
default_login_user = dovenull
default_internal_user = dovecot
""")
        self.dovecot = subprocess.Popen([DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.addCleanup(self.stop_dovecot)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)  # waiting for Dovecot to listen: it tells nobody
        self.account, self.grant = self.connect("google")

    def stop_dovecot(self):
        self.dovecot.terminate()
        self.dovecot.wait(30)

    def imap_login(self, mechanism):
        """Logs in with the initial response `tether token --sasl` printed."""
        answer = self.ok("token", self.account, "--sasl", mechanism.lower(), "--user", USER).strip()
        initial = base64.b64decode(answer)
        imap = imaplib.IMAP4("127.0.0.1", self.port)
        try:
            return imap.authenticate(mechanism, lambda _: initial)[0]
        except imaplib.IMAP4.error as error:
            return str(error)
        finally:
            try:
                imap.logout()
            except (imaplib.IMAP4.error, OSError):
                pass

    def curl_login(self):
        token = self.ok("token", self.account).strip()
        result = subprocess.run(["curl", "-sS", "--max-time", "20", f"imap://127.0.0.1:{self.port}/", "--user", USER,
                                 "--oauth2-bearer", token, "-X", "NOOP"], capture_output=True, text=True)
        return result.returncode

    def mbsync(self):
        """isync with the README's settings: PassCmd "tether token ID", XOAUTH2 through the
        libsasl2-modules-kdexoauth2 plugin. Returns mbsync's exit code."""
        local = self.home / "maildir"
        local.mkdir(exist_ok=True)
        rc = self.home / "mbsyncrc"
        rc.write_text(f"""IMAPAccount work
Host 127.0.0.1
Port {self.port}
User {USER}
PassCmd "{TETHER} token {self.account}"
AuthMechs XOAUTH2
SSLType None

IMAPStore work-remote
Account work

MaildirStore work-local
Path {local}/
Inbox {local}/INBOX

Channel work
Far :work-remote:
Near :work-local:
Patterns INBOX
Create Near
SyncState *
""")
        result = subprocess.run(["mbsync", "-c", str(rc), "-a"], env=self.env, capture_output=True, text=True,
                                timeout=60)
        self.mbsync_said = result.stdout + result.stderr
        return result.returncode

    def test_saslInitialResponses_logIn(self):
        self.assertEqual(self.imap_login("XOAUTH2"), "OK")
        self.assertEqual(self.imap_login("OAUTHBEARER"), "OK")
        self.assertEqual(self.curl_login(), 0)

    @unittest.skipUnless(shutil.which("mbsync"), "needs isync")
    def test_isync_withPassCmd_syncs(self):
        self.assertEqual(self.mbsync(), 0, self.mbsync_said)
        self.assertTrue((self.home / "maildir" / "INBOX" / "cur").is_dir())

    def test_aTokenTheProviderNoLongerTakes_failsUntilTetherRefreshed(self):
        # The provider's access tokens die after 2 s while the answer says an hour.
        self.server.call("/_control/config", {"provider": "google", "access_lifetime": 2})
        self.addCleanup(self.server.call, "/_control/config", {"provider": "google", "access_lifetime": 3599})
        grant = self.server.grant("google")
        grant["expires_in"] = 3600
        self.ok("import", self.account, stdin=json.dumps(grant))
        self.assertEqual(self.imap_login("XOAUTH2"), "OK")
        while self.server.works("google", grant["access_token"]):
            time.sleep(0.1)  # the token server's clock: it says nothing when a token dies
        self.assertIn("AUTHENTICATIONFAILED", self.imap_login("XOAUTH2"))
        self.assertNotEqual(self.curl_login(), 0)
        # (isync is not asked here: its XOAUTH2 plugin does not answer Dovecot's failure
        # challenge, and waits.)
        self.server.call("/_control/config", {"provider": "google", "access_lifetime": 3599})
        self.ok("refresh", self.account)
        self.assertEqual(self.imap_login("XOAUTH2"), "OK")
        self.assertEqual(self.curl_login(), 0)
        if shutil.which("mbsync"):
            self.assertEqual(self.mbsync(), 0, self.mbsync_said)


if __name__ == "__main__":
    unittest.main()
