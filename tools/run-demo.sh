#!/usr/bin/env bash
# `make run` until the window exists: the command line on a throwaway account set, against the
# loopback token server and a private keyring, so nothing of the user's is touched.
set -euo pipefail
tether=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$here/tests/support/with-keyring.sh" bash -c '
    set -euo pipefail
    tether=$1; here=$2
    exec 4< <(exec python3 "$here/tests/support/tokenserver.py")
    server=$!; trap "kill $server" EXIT
    read -r port <&4
    base=http://127.0.0.1:$port
    echo "\$ tether providers"; "$tether" providers
    printf %s pagero-secret-Pw77 | "$tether" add demo-pagero --provider pagero --name "Pagero (demo)" \
        --client-id tether-pagero --client-secret-stdin --token-endpoint "$base/pagero/token" >/dev/null
    curl -fsS -X POST -d "{\"provider\":\"pagero\"}" "$base/_control/grant" | "$tether" import demo-pagero >/dev/null
    echo; echo "\$ tether refresh demo-pagero"; "$tether" refresh demo-pagero
    echo; echo "\$ tether list"; "$tether" list
    echo; echo "\$ tether status demo-pagero --json"; "$tether" status demo-pagero --json
' run-demo "$tether" "$here"
