#!/usr/bin/env bash
# Runs the whole test suite (engine, CLI, web, browser) after installing what it needs.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-native.sh test
dotnet test --project SmartSpot.Tests -c Release "$@"
