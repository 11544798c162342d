#!/usr/bin/env bash
# Print the path of a Python >= 3.12 that really runs (pyodide-build and
# pyodide-lock need it; on 3.11 pip silently picks versions whose CLI crashes).
# Honours $PYTHON. pyenv shims such as python3.12 exist even when no such
# version is selected, so every candidate is probed by running it.
set -euo pipefail
ok() { "$@" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
if [ -n "${PYTHON:-}" ]; then
  if ok "$PYTHON"; then command -v "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a runnable Python >= 3.12" >&2; exit 1
fi
for cand in python3.14 python3.13 python3.12 python3; do
  if ok "$cand"; then
    "$cand" -c 'import sys; print(sys.executable)'; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -rV); do
    exe="$(PYENV_VERSION="$v" pyenv which python 2>/dev/null || true)"
    if [ -n "$exe" ] && ok "$exe"; then echo "$exe"; exit 0; fi
  done
fi
echo "No Python >= 3.12 found. Install one (e.g. 'apt-get install python3.12' or pyenv)" \
     "and run again with PYTHON=/path/to/python3.12" >&2
exit 1
