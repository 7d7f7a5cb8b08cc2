"""Who may move an account's secrets: a bus client that is not the user's own Tether (the window,
or `tether` typed in a terminal) cannot change where an account's secrets go, nor replace its
tokens, without the user allowing it in a notification (python3-dbusmock's notification server).
The attack this closes: EditAccount pointing the token endpoint at a server of the caller's,
then waiting for the next refresh to bring it the client secret and the refresh token."""

import json
import os
import shutil
import sys
import subprocess
import threading
import time
import unittest

import dbus
import dbusmock

import session
from harness import CLIENTS, ROOT as ROOT_TMP, TETHER, TetherCase

DENIED = "io.github.tether.Tether1.Error.AccessDenied"


def gdbus_async(*args, env, wrapper=()):
    """Starts `gdbus call` of a Tether method in the background (inside `wrapper`, e.g. a
    sandbox); .result() waits for it."""
    box = {}

    def run():
        box["result"] = subprocess.run(
            [*wrapper, "gdbus", "call", "--session", "--timeout", "90", "--dest", session.SERVICE,
             "--object-path", session.PATH, "--method", f"{session.INTERFACE}.{args[0]}", *args[1:]],
            capture_output=True, text=True, env=env, timeout=120)
    thread = threading.Thread(target=run)
    thread.start()

    def result():
        thread.join(120)
        return box["result"]
    thread.result = result
    return thread


class AccessCase(TetherCase):
    """An account with tokens, named for people, and a notification server on demand."""

    def setUp(self):
        super().setUp()
        self.account = self.account_with_tokens("wise")
        self.original = self.server.endpoint("wise")
        self.steal = f"{self.server.base}/steal/token"

    def account_with_tokens(self, provider):
        account = self.add(provider, extra=("--name", "Salary account"))
        self.ok("import", account, stdin=json.dumps(self.server.grant(provider)))
        return account

    def notifications(self):
        process, mock = session.notification_server()
        self.addCleanup(process.wait, 10)
        self.addCleanup(process.terminate)
        return mock

    def wait_for_question(self, mock):
        notify = session.wait_for_calls(mock, "Notify", timeout=20)
        self.assertTrue(notify, "no question was asked")
        return notify[0]

    def token_endpoint(self):
        """GetAccount's answer, where the token endpoint is."""
        return subprocess.run(["gdbus", "call", "--session", "--dest", session.SERVICE, "--object-path",
                               session.PATH, "--method", f"{session.INTERFACE}.GetAccount", self.account],
                              capture_output=True, text=True, env=self.env, timeout=30).stdout

    def edit_by_another_program(self, endpoint):
        return gdbus_async("EditAccount", self.account, f"{{'token_endpoint': <'{endpoint}'>}}", env=self.env)

    def answer(self, mock, action, notification=1):
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(notification), action],
                        dbus_interface=dbusmock.MOCK_IFACE)


class Access(AccessCase):

    def test_endpointChange_byAnotherProgram_askedAndDenied_changesNothing(self):
        mock = self.notifications()
        self.start_app()
        call = self.edit_by_another_program(self.steal)
        app, _, _, summary, body, actions, hints, _ = self.wait_for_question(mock)
        self.assertIn("gdbus", str(summary))  # the program, as people can tell it
        self.assertIn("Salary account", str(summary))  # the account's display name
        self.assertIn(self.steal, str(body))  # what it would become
        self.assertEqual([str(a) for a in actions][0::2], ["deny", "allow"])
        self.answer(mock, "deny")
        result = call.result()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(DENIED, result.stderr)
        self.assertIn(self.original, self.token_endpoint())
        # The next refresh still goes to the provider, and nothing was sent to the other server.
        self.ok("refresh", self.account)
        self.assertEqual(len(self.refreshes("wise")), 1)
        self.assertFalse([e for e in self.server.log() if e.get("provider") == "steal"])

    def test_endpointChange_byAnotherProgram_allowed_isMade(self):
        mock = self.notifications()
        self.start_app()
        call = self.edit_by_another_program(self.original + "?tenant=2")
        self.wait_for_question(mock)
        self.answer(mock, "allow")
        result = call.result()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("?tenant=2", self.token_endpoint())

    def test_dismissedQuestion_isADenial(self):
        mock = self.notifications()
        self.start_app()
        call = self.edit_by_another_program(self.steal)
        self.wait_for_question(mock)
        mock.EmitSignal("org.freedesktop.Notifications", "NotificationClosed", "uu", [dbus.UInt32(1), dbus.UInt32(2)],
                        dbus_interface=dbusmock.MOCK_IFACE)
        self.assertIn(DENIED, call.result().stderr)
        self.assertIn(self.original, self.token_endpoint())

    def test_replacingTokens_byAnotherProgram_isAsked(self):
        mock = self.notifications()
        self.start_app()
        before = self.ok("token", self.account).strip()
        theirs = json.dumps({"access_token": "attacker-token", "token_type": "Bearer", "expires_in": 3600})
        call = gdbus_async("ImportTokens", self.account, "b" + json.dumps(theirs), env=self.env)
        _, _, _, summary, _, _, _, _ = self.wait_for_question(mock)
        self.assertIn("replace the tokens", str(summary))
        self.answer(mock, "deny")
        self.assertIn(DENIED, call.result().stderr)
        self.assertEqual(self.ok("token", self.account).strip(), before)

    def test_nobodyToAsk_isRefusedAtOnce_exit6_oneLine(self):
        self.start_app()  # no notification server on this bus
        result = self.edit_by_another_program(self.steal).result()
        self.assertIn(DENIED, result.stderr)
        # `tether edit` run by a script (no terminal) is another program too: exit 6, one line.
        line = self.fails(6, "edit", self.account, "--token-endpoint", self.steal)
        self.assertIn("not allowed", line)
        self.assertIn(self.original, self.token_endpoint())

    @unittest.skipUnless(shutil.which("script"), "script(1) from util-linux gives a terminal")
    def test_usersOwnCommandInATerminal_needsNoQuestion(self):
        mock = self.notifications()
        self.start_app()
        new = self.original + "?tenant=3"
        typed = subprocess.run(["script", "-qec", f"{TETHER} edit {self.account} --token-endpoint '{new}'",
                                "/dev/null"], capture_output=True, text=True, env=self.env, timeout=60)
        self.assertEqual(typed.returncode, 0, typed.stdout)
        self.assertIn("?tenant=3", self.token_endpoint())
        self.assertEqual(session.calls(mock, "Notify"), [])

    def test_harmlessChange_byAnotherProgram_needsNoQuestion(self):
        mock = self.notifications()
        self.start_app()
        result = gdbus_async("EditAccount", self.account, "{'name': <'Payroll'>}", env=self.env).result()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.status(self.account)["name"], "Payroll")
        self.assertEqual(session.calls(mock, "Notify"), [])



GDBUS = os.path.realpath(shutil.which("gdbus"))
PYTHON = os.path.realpath(sys.executable)


class TokenAccess(AccessCase):
    """Who may take a token: a program the user never allowed is asked about (Allow once / Always
    allow / Deny) while its GetAccessToken waits; the answer is remembered, survives a restart,
    is listed by `tether access list`, and withdrawn with `tether access forget`."""

    def token_by(self, *wrapper, env=None):
        """GetAccessToken called by gdbus (inside `wrapper`, e.g. a sandbox), in the background."""
        return gdbus_async("GetAccessToken", self.account, env=env or self.env, wrapper=wrapper)

    def access(self, account=None):
        return json.loads(self.ok("access", "list", account or self.account, "--json"))

    def asked(self, mock, count):
        """The Notify calls once there are `count` of them."""
        deadline = time.monotonic() + 20
        while len(session.calls(mock, "Notify")) < count and time.monotonic() < deadline:
            time.sleep(0.05)  # the mock records calls without a signal for them
        notify = session.calls(mock, "Notify")
        self.assertEqual(len(notify), count, "expected question(s) were not asked")
        return notify[-1]

    def test_creator_mayTakeTheToken_andIsListed(self):
        # The harness (python) added the account with `tether add`: it may take the token.
        self.start_app()
        self.assertTrue(self.ok("token", self.account).strip())
        [decision] = self.access()
        self.assertEqual(decision["program"], PYTHON)
        self.assertEqual(decision["decision"], "allow")
        self.assertEqual(decision["reason"], "added_account")

    def test_unknownProgram_allowOnce_givesTheToken_andAsksAgainNextTime(self):
        mock = self.notifications()
        self.start_app()
        expected = self.ok("token", self.account).strip()
        call = self.token_by()
        _, _, _, summary, body, actions, _, _ = self.asked(mock, 1)
        self.assertIn("gdbus", str(summary))
        self.assertIn("Salary account", str(summary))
        self.assertEqual([str(a) for a in actions][0::2], ["deny", "allow-once", "allow-always"])
        self.answer(mock, "allow-once", 1)
        result = call.result()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(expected, result.stdout)
        self.assertNotIn(GDBUS, [d["program"] for d in self.access()])  # nothing remembered
        again = self.token_by()
        self.asked(mock, 2)
        self.answer(mock, "deny", 2)
        self.assertIn(DENIED, again.result().stderr)

    def test_alwaysAllow_isRemembered_acrossARestart_andCanBeWithdrawn(self):
        mock = self.notifications()
        app = self.start_app()
        call = self.token_by()
        self.asked(mock, 1)
        self.answer(mock, "allow-always", 1)
        self.assertEqual(call.result().returncode, 0)
        # Asked once: the next call needs no question.
        self.assertEqual(self.token_by().result().returncode, 0)
        self.assertEqual(len(session.calls(mock, "Notify")), 1)
        # The decision is on the disk once the service stops, with when gdbus last took the token.
        self.stop_app(app)
        [mine] = [d for d in self.access() if d["program"] == GDBUS]
        self.assertEqual(mine["decision"], "allow")
        self.assertTrue(mine["last_used_at"])
        self.start_app()
        self.assertEqual(self.token_by().result().returncode, 0)
        self.assertEqual(len(session.calls(mock, "Notify")), 1)
        # Withdrawn (as the window's Remove does): asked again.
        self.ok("access", "forget", self.account, "gdbus")
        call = self.token_by()
        self.asked(mock, 2)
        self.answer(mock, "deny", 2)
        self.assertIn(DENIED, call.result().stderr)

    def test_deny_isRemembered_andTheCommandLineExits6(self):
        mock = self.notifications()
        self.start_app()
        call = self.token_by()
        self.asked(mock, 1)
        self.answer(mock, "deny", 1)
        self.assertIn(DENIED, call.result().stderr)
        self.assertEqual([d["decision"] for d in self.access() if d["program"] == GDBUS], ["deny"])
        refused = self.token_by().result()
        self.assertIn(DENIED, refused.stderr)
        self.assertIn("access allow", refused.stderr)  # says how to undo it
        self.assertEqual(len(session.calls(mock, "Notify")), 1)  # not asked again
        # `tether token` run by a program that was denied: exit 6 and one line.
        self.ok("access", "deny", self.account, PYTHON)
        line = self.fails(6, "token", self.account)
        self.assertIn("refused the token", line)

    def test_noAnswerInTime_isADenial_andNothingIsRemembered(self):
        mock = self.notifications()
        self.start_app(env={"TETHER_ANSWER_TIMEOUT_MS": "1500"})
        result = self.token_by().result()
        self.assertIn(DENIED, result.stderr)
        self.assertTrue(session.calls(mock, "CloseNotification"))  # the question was withdrawn
        self.assertNotIn(GDBUS, [d["program"] for d in self.access()])

    def test_manyCallsOfOneProgram_waitForOneQuestion(self):
        mock = self.notifications()
        app = self.start_app()
        calls = [self.token_by() for _ in range(5)]
        for _ in calls:  # every call has reached the service and waits (it logs each one)
            self.app_line(app, "asks for the token of")
        self.asked(mock, 1)
        self.answer(mock, "allow-once", 1)
        self.assertEqual([c.result().returncode for c in calls], [0] * 5)
        self.assertEqual(len(session.calls(mock, "Notify")), 1)

    def test_anotherProgram_cannotAllowItself(self):
        mock = self.notifications()
        self.start_app()
        call = gdbus_async("SetAccess", self.account, GDBUS, "allow", env=self.env)
        _, _, _, summary, _, actions, _, _ = self.asked(mock, 1)
        self.assertIn("take the token", str(summary))
        self.assertEqual([str(a) for a in actions][0::2], ["deny", "allow"])
        self.answer(mock, "deny", 1)
        self.assertIn(DENIED, call.result().stderr)
        self.assertNotIn(GDBUS, [d["program"] for d in self.access()])

    @unittest.skipUnless(shutil.which("bwrap"), "bubblewrap runs a caller in a Flatpak-like sandbox")
    def test_sandboxedCaller_isNamedByItsFlatpakAppId(self):
        # bubblewrap is what Flatpak runs applications in; the sandbox's /.flatpak-info names the
        # application, as Flatpak's does (the program inside cannot change it).
        info = self.home / "flatpak-info"
        info.write_text("[Application]\nname=org.example.Sneaky\nruntime=runtime/org.freedesktop.Platform/x86_64/23.08\n")
        sandbox = ["bwrap", "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64",
                   "/lib64", "--symlink", "usr/bin", "/bin", "--ro-bind", "/etc", "/etc", "--proc", "/proc",
                   "--dev", "/dev", "--bind", "/tmp", "/tmp", "--bind", str(ROOT_TMP), str(ROOT_TMP),
                   "--ro-bind", str(info), "/.flatpak-info"]
        mock = self.notifications()
        self.start_app()
        call = self.token_by(*sandbox)
        _, _, _, summary, body, actions, _, _ = self.asked(mock, 1)
        self.assertIn("org.example.Sneaky", str(summary))
        self.assertIn("sandboxed", str(body))
        self.answer(mock, "allow-always", 1)
        self.assertEqual(call.result().returncode, 0, call.result().stderr)
        self.assertIn("org.example.Sneaky", [d["program"] for d in self.access()])
        # gdbus outside the sandbox is another program: asked about on its own.
        outside = self.token_by()
        self.asked(mock, 2)
        self.answer(mock, "deny", 2)
        self.assertIn(DENIED, outside.result().stderr)


if __name__ == "__main__":
    unittest.main()
