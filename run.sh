#!/usr/bin/env bash
# Starts the SmartSpot dashboard on http://127.0.0.1:5000 (pass --urls to change it).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-native.sh run
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
exec dotnet run --project SmartSpot.Web -c Release --no-launch-profile -- "$@"
