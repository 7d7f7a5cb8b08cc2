# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing
# (tools/bootstrap.sh, Debian packages through apt-get, as root or through sudo) first.
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CTEST_ARGS ?=

.PHONY: all bootstrap configure build run test e2e-deps soak test-sanitize fuzz bench package format format-check docs clean

all: build

bootstrap:
	@tools/bootstrap.sh

configure: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DTETHER_WERROR=ON >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The window on the embedded demo provider (its own profile: real accounts are never touched).
# Without a display, the command line's demo runs instead.
run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then $(BUILD)/bin/tether --demo; \
	else echo "no display: showing the command line instead (tools/run-demo.sh)"; tools/run-demo.sh $(BUILD)/bin/tether; fi

e2e-deps: bootstrap
	@tools/e2e-deps.sh

# After the suite, nothing it started may still run (tools/check-leftovers.sh).
test: build e2e-deps
	@status=0; ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) $(CTEST_ARGS) || status=$$?; \
	 tools/check-leftovers.sh $(BUILD) || status=1; exit $$status

# The long runs: 1,000 kill -9 iterations across the rotating providers (make test runs 20).
soak: build
	@TETHER_CRASH_ITERATIONS=1000 TETHER_CRASH_REPORT=$(CURDIR)/$(BUILD)/soak.json \
		ctest --test-dir $(BUILD) --output-on-failure -R integration_crashes
	@echo "crash outcomes: $$(cat $(BUILD)/soak.json)"

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_BUILD ?= build-sanitize
test-sanitize: bootstrap e2e-deps
	@cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DTETHER_SANITIZE=ON -DTETHER_WERROR=ON >/dev/null
	@cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	 ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS) -L "unit|gui" $(CTEST_ARGS)
	@# The executable run as a subprocess exits with network replies aborted under way, whose
	@# thread-side objects Qt itself leaves behind; leak detection stays on the in-process suites
	@# above, memory errors and undefined behaviour are caught everywhere.
	@ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS) -L "integration|e2e" $(CTEST_ARGS)
	@tools/check-leftovers.sh $(SANITIZE_BUILD)

# Costs against floors measured in the same run (Release build); writes docs/performance-last.md.
BENCH_BUILD ?= build-release
bench: bootstrap
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target tether tether_cli_module tether_gui_module bench_window bench_firstframe bench_core
	@TETHER_BIN=$(CURDIR)/$(BENCH_BUILD)/bin/tether BENCH_WINDOW_BIN=$(CURDIR)/$(BENCH_BUILD)/bin/bench_window \
	 tests/support/with-keyring.sh python3 tests/bench/bench.py --markdown $(CURDIR)/docs/performance-last.md

# Each libFuzzer target for FUZZ_SECONDS (make test runs a 5-second smoke of each).
FUZZ_SECONDS ?= 60
fuzz: bootstrap
	@tools/fuzz.sh $(FUZZ_SECONDS)

package: build
	@cmake --build $(BUILD) --target package >/dev/null && ls $(BUILD)/tether_*.deb

# The README's D-Bus API table, written anew from the XML (the api_docs test checks it).
docs:
	@python3 tools/generate-bus-contract.py resources/dbus/io.github.tether.Tether1.xml --readme README.md

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

format-check: bootstrap
	@tools/check-format.sh

clean:
	@rm -rf $(BUILD)
