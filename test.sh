#!/usr/bin/env bash
# Runs the whole test suite (engine, CLI, web, browser) after installing what it needs.
# A test still running after 3 minutes is named on the console; a run still going after
# 40 minutes is stopped with a dump and the list of the tests in flight, so it fails
# with a name instead of hanging CI. When tests fail, their names and messages are
# repeated at the very end, after the test host's output, so the tail of a CI log
# says what failed.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-native.sh test
console=$(mktemp)
trap 'rm -f "$console"' EXIT
status=0
dotnet test --project SmartSpot.Tests -c Release \
  --long-running 180 --hangdump --hangdump-timeout 40m --hangdump-type Mini "$@" 2>&1 | tee "$console" || status=$?
if [ "$status" -ne 0 ]; then
  echo
  echo "=== What failed (repeated from above) ==="
  awk '/^failed / { shown = 1; print; next } shown && /^  / { print; next } { shown = 0 }' "$console"
fi
exit "$status"
