#!/usr/bin/env bash
# Some browser tests also run in Firefox ESR (tests/browser/test_firefox.py),
# driven over WebDriver BiDi by npm puppeteer-core: Playwright's own Firefox
# build cannot be downloaded offline. Install Debian's package when missing.
set -euo pipefail
if [ -n "${FIREFOX:-}" ]; then exit 0; fi
if command -v firefox-esr >/dev/null 2>&1 && firefox-esr --version >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing Firefox ESR for the browser tests (apt-get install firefox-esr)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
else
  echo "The Firefox tests need Firefox ESR: run 'sudo apt-get install firefox-esr'," \
       "or set FIREFOX=/path/to/firefox" >&2
  exit 1
fi
