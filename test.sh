#!/usr/bin/env bash
# Runs the whole test suite (engine, CLI, web, browser) after installing what it needs.
# A test still running after 3 minutes is named on the console; a run still going after
# 40 minutes is stopped with a dump and the list of the tests in flight, so it fails
# with a name instead of hanging CI.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-native.sh test
dotnet test --project SmartSpot.Tests -c Release \
  --long-running 180 --hangdump --hangdump-timeout 40m --hangdump-type Mini "$@"
