"""Who may move an account's secrets: a bus client that is not the user's own Tether (the window,
or `tether` typed in a terminal) cannot change where an account's secrets go, nor replace its
tokens, without the user allowing it in a notification (python3-dbusmock's notification server).
The attack this closes: EditAccount pointing the token endpoint at a server of the caller's,
then waiting for the next refresh to bring it the client secret and the refresh token."""

import json
import shutil
import subprocess
import threading
import time
import unittest

import dbus
import dbusmock

import session
from harness import CLIENTS, TETHER, TetherCase

DENIED = "io.github.tether.Tether1.Error.AccessDenied"


def gdbus_async(*args, env):
    """Starts `gdbus call` of a Tether method in the background; .result() waits for it."""
    box = {}

    def run():
        box["result"] = subprocess.run(
            ["gdbus", "call", "--session", "--timeout", "90", "--dest", session.SERVICE,
             "--object-path", session.PATH, "--method", f"{session.INTERFACE}.{args[0]}", *args[1:]],
            capture_output=True, text=True, env=env, timeout=120)
    thread = threading.Thread(target=run)
    thread.start()

    def result():
        thread.join(120)
        return box["result"]
    thread.result = result
    return thread


class Access(TetherCase):

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

    def answer(self, mock, action):
        mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(1), action],
                        dbus_interface=dbusmock.MOCK_IFACE)

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


if __name__ == "__main__":
    unittest.main()
