#!/usr/bin/env bash
# Live cameras analysed by the dashboard, with nobody watching:
#   bench/live.sh [STREAMS] [SECONDS]
# serves STREAMS cameras on 127.0.0.1 (Debian's ffmpeg sending the 720p lot-a video, 396 spots, in real time as
# MPEG-TS over HTTP, looped for ever, without re-encoding), starts the dashboard (Release) on a scratch data
# directory, starts one live session per camera through the API, and prints for each session the frames it
# analysed per second against the camera's rate, how many frames it dropped, and the server's CPU (its ffmpeg
# decoders included; the cameras' ffmpeg processes are not the server's) and memory.
# Defaults: 1 camera, 60 s. Four at once: `bench/live.sh 4 60`.
set -euo pipefail
cd "$(dirname "$0")/.."
streams="${1:-1}"
seconds="${2:-60}"
video="../shared/data/lot-a/parking_1280x720.mp4"
mask="../shared/data/lot-a/mask_1280x720.png"
port=5098

scripts/install-native.sh bench
dotnet build SmartSpot.Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/DashboardBench -c Release -v quiet -nologo >/dev/null

work=$(mktemp -d)
pids=()
# Each camera runs in its own process group, so stopping it stops its ffmpeg too.
cleanup() { for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A camera: ffmpeg's -listen 1 serves one client and exits, so a loop serves the next connection (a reconnect).
urls=()
for i in $(seq "$streams"); do
  url="http://127.0.0.1:$((6100 + i))/live.ts"
  setsid bash -c 'while :; do ffmpeg -loglevel error -nostdin -re -stream_loop -1 -i "$1" -an -c copy -f mpegts -listen 1 "$2" || sleep 0.2; done' camera "$video" "$url" &
  pids+=($!)
  urls+=("$url")
done

SmartSpot__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet SmartSpot.Web/bin/Release/net10.0/SmartSpot.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
SMARTSPOT_ADMIN_PASSWORD=$(grep -oP 'with the password +\K\S+' "$work/server.log") \
bench/DashboardBench/bin/Release/net10.0/dashboard-bench "http://127.0.0.1:$port" "$server_pid" "$(IFS=,; echo "${urls[*]}")" "$mask" "$streams" 0 "$seconds"
