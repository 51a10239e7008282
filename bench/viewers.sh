#!/usr/bin/env bash
# Many plain HTTP viewers (no browser) on one real-time 720p analysis, through GET /api/sessions/{id}/live.mjpeg:
#   bench/viewers.sh [CLIENTS] [SECONDS]
# starts the dashboard (Release) on a scratch data directory, one analysis at real time of the 720p lot-a
# video (396 spots; looped so that it outlasts the run) and CLIENTS MJPEG readers; prints the frames per
# second each viewer receives, whether the analysis keeps real time, the server's CPU and RSS, and how busy
# the shared machine was. Defaults: 50 clients, 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-50}"
seconds="${2:-30}"
video="../shared/data/lot-a/parking_1280x720.mp4"
mask="../shared/data/lot-a/mask_1280x720.png"
port=5098

scripts/install-native.sh bench
dotnet build SmartSpot.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/ViewerBench -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 4); do echo "file '$(realpath "$video")'"; done > "$work/list.txt"
ffmpeg -loglevel error -f concat -safe 0 -i "$work/list.txt" -an -c copy "$work/looped.mp4"

SmartSpot__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet SmartSpot.Web/bin/Release/net10.0/SmartSpot.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

# A fresh data directory: the first run created 'admin' and printed its password once; the bench signs in with it.
SMARTSPOT_ADMIN_PASSWORD=$(grep -oP 'with the password +\K\S+' "$work/server.log") \
nice -n 10 bench/ViewerBench/bin/Release/net10.0/viewer-bench "http://127.0.0.1:$port" "$server_pid" "$work/looped.mp4" "$mask" "$clients" "$seconds"
