#!/usr/bin/env bash
# Batch throughput of the engine, whole processes, in paired runs:
#   - `smartspot analyze` of every frame (decode, change detection, classification, history) against
#     FFmpeg's decode-only speed on the same file (`ffmpeg -i V -pix_fmt bgr24 -f null -`): the two alternate,
#     run by run, so a change in how busy the machine is hits both; the ratio of each pair is reported
#     (median and range);
#   - the engine's frame source alone (bench/DecodeOnly: ffmpeg writing yuv420p into the pipe, read into pooled buffers);
#   - the analysis's resident memory, sampled every 0.2 s over one more run (peak, and at each quarter: flat or growing);
#   - frames/s on the same video upscaled to 1920x1080 (the cost per pixel), against ffmpeg on that file.
#
# Usage: bench/throughput.sh [VIDEO] [MASK] [LOOPS] [RUNS]
#   defaults: ../shared/data/lot-a/parking_1280x720.mp4, its mask, 4 loops (3,396 frames), 5 runs
set -euo pipefail
cd "$(dirname "$0")/.."
video="${1:-../shared/data/lot-a/parking_1280x720.mp4}"
mask="${2:-../shared/data/lot-a/mask_1280x720.png}"
loops="${3:-4}"
runs="${4:-5}"

scripts/install-native.sh bench
dotnet build SmartSpot.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/DecodeOnly -c Release -v quiet -nologo >/dev/null
smartspot=SmartSpot.Cli/bin/Release/net10.0/smartspot
decode_only=bench/DecodeOnly/bin/Release/net10.0/decode-only

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
looped="$work/looped.mp4"
for _ in $(seq "$loops"); do echo "file '$(realpath "$video")'"; done > "$work/list.txt"
ffmpeg -loglevel error -f concat -safe 0 -i "$work/list.txt" -an -c copy "$looped"
frames=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$looped")
echo "video: $video looped ${loops}x = $frames frames; mask: $mask; $(nproc) cores; $runs paired runs"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

calc() { awk "BEGIN { print $1 }"; }
seconds() { # the wall seconds of one run of the command
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  calc "$end - $start"
}
stats() { sort -g | awk '{a[NR]=$1} END {printf "median %.3f (range %.3f-%.3f)", a[int((NR+1)/2)], a[1], a[NR]}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

reference() { ffmpeg -loglevel error -i "$1" -pix_fmt bgr24 -f null -; }
decode=(); source_only=(); analyse=(); ratios=()
for _ in $(seq "$runs"); do
  d=$(seconds reference "$looped")
  a=$(seconds "$smartspot" analyze --video "$looped" --mask "$mask")
  o=$(seconds "$decode_only" "$looped")
  decode+=("$d"); analyse+=("$a"); source_only+=("$o")
  ratios+=("$(calc "$d / $a")")
done
d=$(printf '%s\n' "${decode[@]}" | median); a=$(printf '%s\n' "${analyse[@]}" | median); o=$(printf '%s\n' "${source_only[@]}" | median)
printf 'ffmpeg decode-only (bgr24)      : %6.1f frames/s (median %.2f s)\n' "$(calc "$frames / $d")" "$d"
printf 'engine frame source alone       : %6.1f frames/s (median %.2f s, whole process)\n' "$(calc "$frames / $o")" "$o"
printf 'smartspot analyze               : %6.1f frames/s (median %.2f s, whole process)\n' "$(calc "$frames / $a")" "$a"
printf 'analyze throughput / ffmpeg     : %s (per pair: ffmpeg seconds / analyze seconds)\n' "$(printf '%s\n' "${ratios[@]}" | stats)"

# Memory: VmRSS of the analysis every 0.2 s during one more run.
"$smartspot" analyze --video "$looped" --mask "$mask" >/dev/null 2>&1 &
pid=$!
samples=()
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && samples+=("$rss")
  sleep 0.2
done
wait "$pid"
count=${#samples[@]}
quarter() { echo "${samples[$(( ($1 * (count - 1)) / 4 ))]}"; }
peak=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
printf 'memory (RSS, MB)                : peak %d; at 25/50/75/100 %% of the run: %d / %d / %d / %d\n' \
  $((peak / 1024)) $(( $(quarter 1) / 1024 )) $(( $(quarter 2) / 1024 )) $(( $(quarter 3) / 1024 )) $(( $(quarter 4) / 1024 ))

# Cost per pixel: the same video upscaled to 1080p (mask scaled by the engine, same aspect ratio).
hd="$work/1080p.mp4"
ffmpeg -loglevel error -i "$video" -an -vf scale=1920:1080 -c:v libx264 -preset veryfast -crf 20 "$hd"
hd_frames=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$hd")
hd_decode=(); hd_analyse=(); hd_ratios=()
for _ in $(seq "$runs"); do
  d=$(seconds reference "$hd"); a=$(seconds "$smartspot" analyze --video "$hd" --mask "$mask")
  hd_decode+=("$d"); hd_analyse+=("$a"); hd_ratios+=("$(calc "$d / $a")")
done
d=$(printf '%s\n' "${hd_decode[@]}" | median); a=$(printf '%s\n' "${hd_analyse[@]}" | median)
printf '1080p (%d frames): analyze %.1f frames/s, ffmpeg decode-only %.1f frames/s; ratio %s\n' \
  "$hd_frames" "$(calc "$hd_frames / $a")" "$(calc "$hd_frames / $d")" "$(printf '%s\n' "${hd_ratios[@]}" | stats)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
