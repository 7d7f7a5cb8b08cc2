#!/usr/bin/env bash
# Installs the end-to-end tests' npm packages (oidc-provider, playwright-core) exactly as the
# lockfile pins them, once: again only when the lockfile changes.
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
    exit 0
fi
echo "e2e: npm ci (oidc-provider, playwright-core)" >&2
npm ci --no-audit --no-fund --loglevel=error >/dev/null
