"""A question in the window: a program asks for an account's token while Tether's window is open
(`tether` itself, a client of a real `tether service` it started), and the window shows the same
question as the notification would, as a dialog. The user answers it with accessible actions alone
(pyatspi through the real accessibility bus), as with a screen reader or the keyboard. There is no
notification server on this bus, so the window is the only place the question can be answered.

Run inside tests/support/with-keyring.sh (a private session bus and keyring); TETHER_BIN names the
executable."""

import json
import os
import shutil
import subprocess
import sys
import threading
import unittest
from pathlib import Path

import pyatspi

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from session import Display  # noqa: E402
from test_accessibility import find, start_accessibility_bus, tether_application, wait_for  # noqa: E402

TETHER = os.environ.get("TETHER_BIN", "tether")
SERVICE, PATH, INTERFACE = "io.github.tether.Tether", "/io/github/tether/Tether", "io.github.tether.Tether1"
DENIED = "io.github.tether.Tether1.Error.AccessDenied"
GRANT = {"access_token": "question-at", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "question-rt"}


def gdbus(method, *args, env):
    return subprocess.run(["gdbus", "call", "--session", "--timeout", "90", "--dest", SERVICE, "--object-path", PATH,
                           "--method", f"{INTERFACE}.{method}", *args], capture_output=True, text=True, env=env,
                          timeout=120)


class QuestionInTheWindow(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.display = Display()
        os.environ.update(cls.display.env)
        cls.bus = start_accessibility_bus()
        cls.env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
        # An account with a live token, stored by this script before anything runs.
        for args, stdin in ((["add", "mail", "--provider", "wise", "--name", "Mail account", "--client-id", "c",
                              "--client-secret-stdin", "--token-endpoint", "http://127.0.0.1:9/token"], "s"),
                            (["import", "mail"], json.dumps(GRANT))):
            subprocess.run([TETHER, *args], input=stdin, text=True, env=cls.env, check=True, capture_output=True)
        cls.log = open(Path(os.environ.get("TETHER_TEST_ROOT", "/tmp")) / "window.log", "w")
        cls.window = subprocess.Popen([TETHER], env=cls.env, stdout=cls.log, stderr=subprocess.STDOUT)

    @classmethod
    def tearDownClass(cls):
        gdbus("Quit", env=cls.env)  # the service the window started
        for process in (cls.window, cls.bus):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        cls.display.stop()
        cls.log.close()

    def application(self):
        return tether_application()

    def ask_for_token(self):
        box = {}
        thread = threading.Thread(target=lambda: box.setdefault("result", gdbus("GetAccessToken", "mail",
                                                                                env=self.env)))
        thread.start()
        return thread, box

    def press(self, label):
        app = wait_for("Tether on the accessibility bus", self.application)
        button = wait_for(f"the question's {label} button", lambda: find(
            app, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == label
            and n.getState().contains(pyatspi.STATE_SHOWING)))
        texts = []
        find(app, lambda n: texts.append(n.name or "") or False)
        action = button.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        self.assertTrue(action.doAction(next(i for i, n in enumerate(names)
                                             if n.lower() in ("press", "click", "activate"))))
        return " | ".join(texts)

    def test_1_allowOnce_inTheWindow_givesTheToken(self):
        wait_for("the window's service", lambda: gdbus("ListAccounts", env=self.env).returncode == 0)
        thread, box = self.ask_for_token()
        texts = self.press("Allow once")
        self.assertIn("gdbus", texts)  # who asks, as people can tell it
        self.assertIn("Mail account", texts)  # for which account
        thread.join(120)
        self.assertEqual(box["result"].returncode, 0, box["result"].stderr)
        self.assertIn("question-at", box["result"].stdout)

    def test_2_anotherProgram_cannotAnswerForTheUser(self):
        thread, box = self.ask_for_token()
        app = wait_for("Tether on the accessibility bus", self.application)
        wait_for("the question", lambda: find(app, lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                                              and n.name == "Always allow"))
        # gdbus answering its own question is refused; the question still waits for the user.
        for question in ("q1", "q2", "q3"):
            answered = gdbus("AnswerQuestion", question, "allow-always", env=self.env)
            self.assertIn(DENIED, answered.stderr)
        self.assertTrue(thread.is_alive())
        self.press("Deny")
        thread.join(120)
        self.assertIn(DENIED, box["result"].stderr)
        # Denied is remembered: refused at once next time, without a question.
        self.assertIn(DENIED, gdbus("GetAccessToken", "mail", env=self.env).stderr)
        listed = json.loads(subprocess.run([TETHER, "access", "list", "mail", "--json"], env=self.env,
                                           capture_output=True, text=True, check=True).stdout)
        gdbus_path = os.path.realpath(shutil.which("gdbus"))
        self.assertEqual([d["decision"] for d in listed if d["program"] == gdbus_path], ["deny"])


if __name__ == "__main__":
    unittest.main()
