#!/usr/bin/env bash
# The unit layer again under three shifted clocks (Debian's faketime): just after and just before
# midnight UTC today, and 400 days from now. A test that passes only at some hours, or only before
# some date, fails here. Needs the compiled tests (npm test, or npm run compile-tests, first).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v faketime >/dev/null; then
  echo "shifted clocks: faketime is missing; install it with: sudo apt-get install -y faketime" >&2
  exit 1
fi
today="$(date -u +%F)"
for clock in "@${today} 00:00:30" "@${today} 23:59:30" "+400d"; do
  echo "Unit tests with the clock at ${clock} (UTC):"
  TZ=UTC faketime -f "${clock}" npx mocha --config .mocharc.json --reporter dot
done
