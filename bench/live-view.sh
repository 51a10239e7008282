#!/usr/bin/env bash
# Live view: how many annotated frames per second a viewer sees and how far behind the analysis,
# for one video played at real time in the dashboard (Release build, headless Chromium).
# Prints {spots, analysis (frames/s), frames, fps, meanLagMs, p95LagMs, meanDecodeMs}.
#
# Usage: bench/live-view.sh [VIDEO] [MASK] [WATCH_SECONDS]
#   defaults: ../shared/data/lot-a/parking_1280x720.mp4, its mask, 15 seconds
set -euo pipefail
cd "$(dirname "$0")/.."
video="$(realpath "${1:-../shared/data/lot-a/parking_1280x720.mp4}")"
mask="$(realpath "${2:-../shared/data/lot-a/mask_1280x720.png}")"
watch="${3:-15}"

dotnet build SmartSpot.Web -c Release -v quiet -nologo >/dev/null
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
playwright="$packages/microsoft.playwright/$(grep -o 'Microsoft.Playwright" Version="[^"]*' Directory.Packages.props | sed 's/.*Version="//')/.playwright"

data=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Development, like run.sh's `dotnet run`: static assets are served from the build output, not a publish folder.
(cd SmartSpot.Web && ASPNETCORE_ENVIRONMENT=Development SmartSpot__DataDirectory="$data" \
    exec dotnet bin/Release/net10.0/SmartSpot.Web.dll --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1) &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.5; done

echo "video: $video; mask: $mask; $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg)"
"$playwright/node/linux-x64/node" bench/live-view.mjs "$playwright/package" "http://127.0.0.1:$port" "$video" "$mask" "$watch"
