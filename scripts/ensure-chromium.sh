#!/usr/bin/env bash
# The browser tests drive the system Chromium (Playwright's own browser
# download cannot work offline). Install Debian's package when it is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && chromium --version >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium: run 'sudo apt-get install chromium'," \
       "or set CHROMIUM=/path/to/chrome" >&2
  [ -n "${CHROMIUM:-}" ] || exit 1
fi
