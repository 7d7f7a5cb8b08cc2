"""`make bench`: Tether's costs against floors measured in the same run (alternating A B A B,
medians), in a private D-Bus session with a real gnome-keyring and the loopback token server.
Prints the table; --markdown FILE also writes it for docs/performance.md."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "integration"))
from harness import CLIENTS, TokenServer, keychain, start_xvfb  # noqa: E402

TETHER = os.environ["TETHER_BIN"]
BENCH_WINDOW = os.environ["BENCH_WINDOW_BIN"]
BENCH_CORE = os.environ.get("BENCH_CORE_BIN", str(Path(BENCH_WINDOW).with_name("bench_core")))
# Preloaded into the real `tether` to time its window (firstframe_probe.cpp).
FIRST_FRAME_PROBE = str(Path(BENCH_WINDOW).with_name("libbench_firstframe.so"))
IDLE = int(os.environ.get("BENCH_IDLE_SECONDS", "60"))
RUNS = int(os.environ.get("BENCH_RUNS", "25"))
ROOT = Path(os.environ["TETHER_TEST_ROOT"])


def timed(command, **kwargs):
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return (time.perf_counter() - started) * 1000


def alternate(*measures, runs=RUNS):
    """Runs the measures in turn (A B C A B C ...); returns their medians in ms."""
    times = [[] for _ in measures]
    for _ in range(3):  # warm-up
        for measure in measures:
            measure()
    for _ in range(runs):
        for measure, taken in zip(measures, times):
            taken.append(measure())
    return tuple(statistics.median(taken) for taken in times)


def proc_stat(pid):
    """CPU time (ms) and voluntary context switches (wakeups) of every thread of a process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu_ms = (int(fields[11]) + int(fields[12])) * 1000 / ticks
    switches = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches"):
                switches += int(line.split()[1])
    return cpu_ms, switches


def resident_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


class XServer:
    """A private X server (Xvfb) for the window's figures on a display server, as people run it:
    offscreen, Qt skips the connection, the keyboard map and the input method that every window
    on a desktop pays for."""

    def __enter__(self):
        self.process, self.display = start_xvfb("1280x800x24")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)


class Bench:
    def __init__(self):
        self.server = TokenServer()
        self.env = dict(os.environ)
        self.rows = []

    def tether(self, *args, stdin=None, env=None):
        return subprocess.run([TETHER, *args], input=stdin.encode() if stdin else None, capture_output=True,
                              env=dict(self.env, **(env or {})), check=True)

    def account(self, name, expires_in=3600):
        client_id, secret = CLIENTS["wise"]
        self.tether("add", name, "--provider", "wise", "--client-id", client_id, "--client-secret-stdin",
                    "--token-endpoint", self.server.endpoint("wise"), stdin=secret)
        self.grant(name, expires_in)

    def grant(self, name, expires_in):
        """Fresh tokens from the server for an account, the access token living expires_in s."""
        grant = self.server.grant("wise")
        grant["expires_in"] = expires_in
        self.tether("import", name, stdin=json.dumps(grant))

    def start_app(self, env=None):
        """`tether service`, returned once it owns its bus name; its log is drained by a thread
        (a full stderr pipe would stall it and the figures with it)."""
        wrapper = os.environ.get("BENCH_APP_WRAPPER", "").split()  # e.g. "perf record -g -o FILE --"
        app = subprocess.Popen([*wrapper, TETHER, "service"], env=dict(self.env, **(env or {})),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        running = threading.Event()

        def drain():
            for line in app.stderr:
                if "service running" in line:
                    running.set()
        threading.Thread(target=drain, daemon=True).start()
        if not running.wait(30):
            raise SystemExit("bench: `tether service` did not start")
        return app

    @staticmethod
    def stop(app):
        app.terminate()
        app.wait(60)

    def row(self, figure, value, floor, goal, ok):
        self.rows.append((figure, value, floor, goal, "yes" if ok else "**no**"))
        print(f"{figure:60} {value:>28} {floor:>30} {goal:>24} {'yes' if ok else 'NO'}", flush=True)

    # --- the figures ------------------------------------------------------------------------
    def token_and_refresh(self):
        self.account("bench")
        secret = os.urandom(512).hex()  # ~1 KB, like a token set
        subprocess.run(["secret-tool", "store", "--label=bench", "service", "bench", "account", "one"],
                       input=secret.encode(), check=True)
        floor = ["secret-tool", "lookup", "service", "bench", "account", "one"]
        cold, lookup = alternate(lambda: timed([TETHER, "token", "bench"], env=self.env), lambda: timed(floor))
        self.row("tether token, service not running (ms, median)", f"{cold:.1f} (x{cold / lookup:.2f})",
                 f"secret-tool lookup {lookup:.1f}", "ratio <= 1.0", cold / lookup <= 1.0)
        # gdbus below is another program: allowed once, as a user would (no question then).
        subprocess.run([TETHER, "access", "allow", "bench", "gdbus"], env=self.env, check=True,
                       capture_output=True)
        app = self.start_app()
        warm, lookup2 = alternate(lambda: timed([TETHER, "token", "bench"], env=self.env), lambda: timed(floor))
        self.row("tether token, through the service (ms, median)", f"{warm:.1f} (x{warm / lookup2:.2f})",
                 f"secret-tool lookup {lookup2:.1f}", "ratio <= 1.0", warm / lookup2 <= 1.0)
        call = ["gdbus", "call", "--session", "--dest", "io.github.tether.Tether", "--object-path",
                "/io/github/tether/Tether", "--method", "io.github.tether.Tether1.GetAccessToken", "bench"]
        bus, lookup3 = alternate(lambda: timed(call, env=self.env), lambda: timed(floor))
        self.row("GetAccessToken over D-Bus, gdbus call (ms, median)", f"{bus:.1f} (x{bus / lookup3:.2f})",
                 f"secret-tool lookup {lookup3:.1f}", "ratio <= 1.0", bus / lookup3 <= 1.0)
        self.stop(app)

        client_id, client_secret = CLIENTS["wise"]
        refresh_token = keychain("bench")["tokens"]["refresh_token"]
        curl = ["curl", "-sS", "-o", "/dev/null", "-u", f"{client_id}:{client_secret}", "-d", "grant_type=refresh_token",
                "-d", f"refresh_token={refresh_token}", self.server.endpoint("wise")]
        store = ["secret-tool", "store", "--label=bench", "service", "bench", "account", "two"]
        # What a script refreshing by hand does, as Tether does: read the refresh token from the
        # keychain, post it, store the answer. (Until 2026-12-07 the floor left out the read,
        # which every refresh needs; that ratio is printed below it.)
        lookup = ["secret-tool", "lookup", "server", "tether", "user", "bench", "type", "plaintext"]

        def floor_refresh(read=True):
            started = time.perf_counter()
            if read:
                subprocess.run(lookup, check=True, capture_output=True)
            subprocess.run(curl, check=True)
            subprocess.run(store, input=secret.encode(), check=True)
            return (time.perf_counter() - started) * 1000
        tether_ms, floor_ms = alternate(lambda: timed([TETHER, "refresh", "bench"], env=self.env), floor_refresh)
        _, write_only_ms = alternate(lambda: 0.0, lambda: floor_refresh(read=False))
        self.row("tether refresh, loopback token server (ms, median)", f"{tether_ms:.1f} (x{tether_ms / floor_ms:.2f})",
                 f"secret-tool lookup + curl + secret-tool store {floor_ms:.1f}", "ratio <= 1.2",
                 tether_ms / floor_ms <= 1.2)
        self.row("  against curl + secret-tool store alone (no keychain read)", f"x{tether_ms / write_only_ms:.2f}",
                 f"curl + secret-tool store {write_only_ms:.1f}", "(context)", True)

    def burst(self, count=200, rounds=3):
        # The noisiest figure on this machine (x1.19 to x1.48 on unchanged code in one day, one
        # round each): now the median of three rounds, each with its floor right after it.
        names = [f"burst-{i:03}" for i in range(count)]
        for name in names:
            self.account(name, expires_in=1)  # overdue by the time the app starts
        tether_runs, floor_runs, latencies = [], [], []
        for round_ in range(rounds):
            if round_:
                for name in names:  # due again: fresh tokens that have expired by the start
                    self.grant(name, expires_in=1)
                time.sleep(1.5)
            tether_runs.append(self.burst_round(names, latencies))
            floor_runs.append(self.burst_floor(names))
        tether_ms, floor_ms = statistics.median(tether_runs), statistics.median(floor_runs)
        worst = max(latencies) if latencies else float("nan")
        idle_cmd = statistics.median(latencies) if latencies else float("nan")
        rounds_text = ", ".join(f"x{t / f:.2f}" for t, f in zip(tether_runs, floor_runs))
        self.row(f"app refreshing {count} accounts due at once (ms, first to last)",
                 f"{tether_ms:.0f} (x{tether_ms / floor_ms:.2f})", f"curl -P8 + secret-tool {floor_ms:.0f}",
                 "ratio <= 1.5", tether_ms / floor_ms <= 1.5)
        self.row(f"  each of the {rounds} rounds", rounds_text, "-", "(context)", True)
        self.row("  a command through the app during the burst (ms)", f"median {idle_cmd:.0f}, worst {worst:.0f}",
                 "-", "loop never blocked > 50 ms", worst - idle_cmd <= 50)

    def burst_round(self, names, latencies):
        """The app started with every account due; ms from its first refresh to its last."""
        before = len(self.server.log())
        app = self.start_app()
        started = time.perf_counter()
        # While the burst runs, time a command through the app: a blocked event loop shows here.
        while len([e for e in self.server.log()[before:] if e.get("outcome") == "ok"]) < len(names):
            latencies.append(timed([TETHER, "status", names[0], "--json"], env=self.env))
            if time.perf_counter() - started > 120:
                break
        log = [e for e in self.server.log()[before:] if e.get("outcome") == "ok"]
        # Wait until the last results are stored before stopping.
        self.stop(app)
        return (max(e["time"] for e in log) - min(e["time"] for e in log)) * 1000 if log else float("nan")

    def burst_floor(self, names):
        """The same refreshes by a script: curl eight at a time, each answer stored by secret-tool."""
        client_id, client_secret = CLIENTS["wise"]
        tokens = [keychain(name)["tokens"]["refresh_token"] for name in names]
        script = tempfile.NamedTemporaryFile("w", delete=False, suffix=".sh")
        script.write(f'curl -sS -o /dev/null -u {client_id}:{client_secret} -d grant_type=refresh_token '
                     f'-d "refresh_token=$1" {self.server.endpoint("wise")} && '
                     f'printf %s "$1" | secret-tool store --label=b service bench account "t$1"\n')
        script.close()
        started = time.perf_counter()
        subprocess.run(["xargs", "-P", "8", "-n", "1", "bash", script.name], input="\n".join(tokens).encode(), check=True)
        elapsed = (time.perf_counter() - started) * 1000
        os.unlink(script.name)
        return elapsed

    def service_with(self, count):
        """A registry of `count` accounts in a configuration directory of its own, and the service
        over it; returns (service, environment for its clients)."""
        config = Path(tempfile.mkdtemp(dir=ROOT))
        env = dict(self.env, XDG_CONFIG_HOME=str(config))
        (config / "tether").mkdir()
        subprocess.run([BENCH_WINDOW, "seed", str(count), str(config / "tether")],
                       env=dict(env, QT_QPA_PLATFORM="offscreen"), check=True)
        return self.start_app(env=env), env

    def window(self):
        # 10 accounts is what most people have; 1,000 is where the list's own costs show.
        for count in (10, 1000):
            self.window_with(count)

    def window_with(self, count):
        service, env = self.service_with(count)
        peaks = {}
        accounts = f"{count:,} accounts"

        def first_frame(mode, rows, platform):
            # Tether's window is the real executable, as a user starts it; the floors are bench_window's.
            command, probe = ([TETHER], {"LD_PRELOAD": FIRST_FRAME_PROBE, "BENCH_ROWS": str(rows)}) \
                if mode == "tether" else ([BENCH_WINDOW, mode, str(rows), "-"], {})
            started = time.perf_counter()
            process = subprocess.Popen(command, env=dict(env, **platform, **probe), stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, text=True)
            line = process.stdout.readline().strip()
            elapsed = (time.perf_counter() - started) * 1000
            if line != "first_frame":
                process.kill()
                raise SystemExit(f"bench: {mode} never showed its first frame (it printed {line!r})")
            peaks[mode] = int(process.stdout.readline().strip().split("=")[1])
            process.wait(30)
            return elapsed

        def frames(platform):
            """Tether's window, the empty floor and the one with a label, alternated; medians (ms)."""
            return alternate(lambda: first_frame("tether", count, platform),
                             lambda: first_frame("floor", 0, platform),
                             lambda: first_frame("floor-text", 0, platform), runs=10)

        tether_ms, floor_ms, text_ms = frames({"QT_QPA_PLATFORM": "offscreen"})
        peak, floor_peak = peaks["tether"], peaks["floor"]
        with XServer() as x:
            x_ms, x_floor_ms, x_text_ms = frames({"QT_QPA_PLATFORM": "xcb", "DISPLAY": x.display})
        self.stop(service)
        self.row(f"window start to first frame with the rows, {accounts} from the service (ms)",
                 f"{tether_ms:.0f} (x{tether_ms / floor_ms:.2f})", f"empty QMainWindow {floor_ms:.0f}",
                 "<= 1.5x and <= 300 ms", tether_ms <= 1.5 * floor_ms and tether_ms <= 300)
        self.row("  the floor with one line of text (fonts loaded)", f"x{tether_ms / text_ms:.2f} of it",
                 f"QMainWindow + QLabel {text_ms:.0f}", "(context)", True)
        self.row("  the same on an X server (Xvfb), as on a desktop (ms)",
                 f"{x_ms:.0f} (x{x_ms / x_floor_ms:.2f})", f"empty QMainWindow {x_floor_ms:.0f}",
                 "(context) <= 1.5x", x_ms <= 1.5 * x_floor_ms)
        self.row("    its floor with one line of text", f"x{x_ms / x_text_ms:.2f} of it",
                 f"QMainWindow + QLabel {x_text_ms:.0f}", "(context)", True)
        self.row(f"resident peak, window shown, {accounts} (MiB)", f"{peak / 1024:.1f}",
                 f"empty QMainWindow {floor_peak / 1024:.1f}", "<= floor + 20 MB",
                 peak - floor_peak <= 20 * 1024)

    def idle(self):
        few, few_env = self.service_with(10)
        floor = subprocess.Popen([BENCH_CORE], env=few_env)
        time.sleep(3)
        rss, floor_rss = resident_kib(few.pid), resident_kib(floor.pid)
        self.row("service resident memory, 10 accounts (MiB)", f"{rss / 1024:.1f}",
                 f"empty QCoreApplication {floor_rss / 1024:.1f}", "<= floor + 10 MB", rss - floor_rss <= 10 * 1024)
        floor.terminate()
        floor.wait(10)
        self.stop(few)

        service, env = self.service_with(1000)
        floor = subprocess.Popen([BENCH_CORE], env=env)
        time.sleep(3)  # let start-up settle: the measurement window starts after it
        cpu0, wakeups0 = proc_stat(service.pid)
        time.sleep(IDLE)  # the measurement window itself
        cpu1, wakeups1 = proc_stat(service.pid)
        rss, floor_rss = resident_kib(service.pid), resident_kib(floor.pid)
        cpu, wakeups = cpu1 - cpu0, wakeups1 - wakeups0
        self.row(f"service idle {IDLE} s, 1,000 accounts with 1 h tokens (every thread)",
                 f"{wakeups} wakeups, CPU {cpu:.0f} ms", "-", "0 wakeups; CPU <= 5 ms", wakeups == 0 and cpu <= 5)
        self.row("  its resident memory (MiB)", f"{rss / 1024:.1f}", f"empty QCoreApplication {floor_rss / 1024:.1f}",
                 "<= floor + 10 MB", rss - floor_rss <= 10 * 1024)
        floor.terminate()
        floor.wait(10)

        # The window, a client of that service, left open.
        window = subprocess.Popen([TETHER], env=dict(env, QT_QPA_PLATFORM="offscreen"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(3)
        cpu0, wakeups0 = proc_stat(window.pid)
        time.sleep(IDLE)
        cpu1, wakeups1 = proc_stat(window.pid)
        window.terminate()
        window.wait(30)
        self.stop(service)
        cpu, wakeups = cpu1 - cpu0, wakeups1 - wakeups0
        self.row(f"window idle {IDLE} s, 1,000 accounts (every thread)",
                 f"{wakeups / IDLE:.2f} wakeups/s, CPU {100 * cpu / (IDLE * 1000):.2f} %", "-",
                 "<= 1 repaint/s; CPU <= 1 %", wakeups <= IDLE * 1.1 and cpu <= IDLE * 1000 * 0.01)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--markdown")
    parser.add_argument("--only", help="comma-separated: token, window, burst, idle (for profiling)")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else {"token", "window", "burst", "idle"}
    bench = Bench()
    print(f"{'figure':60} {'Tether':>28} {'floor':>30} {'goal':>24} held")
    try:
        for name, figure in (("token", bench.token_and_refresh), ("window", bench.window),
                             ("burst", bench.burst), ("idle", bench.idle)):
            if name in only:
                figure()
    finally:
        bench.server.stop()
    if args.markdown and args.only:
        sys.exit("--markdown records a whole run; leave out --only")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("| figure | Tether | floor | goal | held |\n|---|---|---|---|---|\n")
            for row in bench.rows:
                f.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    main()
