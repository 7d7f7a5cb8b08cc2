#!/usr/bin/env bash
# `make run` until the window exists: the command line on a throwaway account set, against the
# loopback token server and a private keyring, so nothing of the user's is touched.
set -euo pipefail
tether=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$here/tests/support/with-keyring.sh" bash -c '
    set -euo pipefail
    tether=$1; here=$2
    python3 "$here/tests/support/tokenserver.py" --port-file "$TETHER_TEST_ROOT/port" &
    server=$!; trap "kill $server" EXIT
    for _ in $(seq 100); do [ -s "$TETHER_TEST_ROOT/port" ] && break; sleep 0.05; done
    base=http://127.0.0.1:$(cat "$TETHER_TEST_ROOT/port")
    echo "\$ tether providers"; "$tether" providers
    printf %s pagero-secret-Pw77 | "$tether" add demo-pagero --provider pagero --name "Pagero (demo)" \
        --client-id tether-pagero --client-secret-stdin --token-endpoint "$base/pagero/token" >/dev/null
    curl -fsS -X POST -d "{\"provider\":\"pagero\"}" "$base/_control/grant" | "$tether" import demo-pagero >/dev/null
    echo; echo "\$ tether refresh demo-pagero"; "$tether" refresh demo-pagero
    echo; echo "\$ tether list"; "$tether" list
    echo; echo "\$ tether status demo-pagero --json"; "$tether" status demo-pagero --json
' run-demo "$tether" "$here"
