#!/usr/bin/env bash
# The dashboard under load, as operators see it, in headless Chromium:
#   bench/dashboard.sh [SESSIONS] [SECONDS] [LOOPS] [VIEWERS]
# starts the dashboard (Release) on a scratch data directory, signs in as its first-run admin, starts SESSIONS analyses at real time of
# the 720p lot-a video (396 spots) looped LOOPS times, opens a browser page on the first VIEWERS of them
# and prints, per watched session, the frames per second the page shows and how far behind their
# analysis they appear; for every session whether its analysis keeps pace with the video; and the
# server's CPU and memory over the run.
# Defaults: 1 session, 20 s, 1 loop, 1 viewer. Four at once, one watched: `bench/dashboard.sh 4 20`.
# Ten minutes of memory: `bench/dashboard.sh 1 600 22`.
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-1}"
seconds="${2:-20}"
loops="${3:-1}"
viewers="${4:-1}"
video="../shared/data/lot-a/parking_1280x720.mp4"
mask="../shared/data/lot-a/mask_1280x720.png"
port=5099

scripts/install-native.sh bench
dotnet build SmartSpot.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/DashboardBench -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ "$loops" -gt 1 ]; then
  for _ in $(seq "$loops"); do echo "file '$(realpath "$video")'"; done > "$work/list.txt"
  ffmpeg -loglevel error -f concat -safe 0 -i "$work/list.txt" -an -c copy "$work/looped.mp4"
  video="$work/looped.mp4"
fi

SmartSpot__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet SmartSpot.Web/bin/Release/net10.0/SmartSpot.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
# A fresh data directory: the first run created 'admin' and printed its password once; the bench signs in with it.
SMARTSPOT_ADMIN_PASSWORD=$(grep -oP 'with the password +\K\S+' "$work/server.log") \
bench/DashboardBench/bin/Release/net10.0/dashboard-bench "http://127.0.0.1:$port" "$server_pid" "$video" "$mask" "$sessions" "$viewers" "$seconds"
