#!/usr/bin/env bash
# Batch throughput: `smartspot analyze` (every frame, whole process) beside FFmpeg's decode-only speed
# (`ffmpeg -i V -pix_fmt bgr24 -f null -`) and the engine's own OpenCV decoding alone (bench/DecodeOnly),
# on the same video looped N times.
# Also samples the analysis process's resident memory to show its peak and that it stays flat.
#
# Usage: bench/throughput.sh [VIDEO] [MASK] [LOOPS] [RUNS]
#   defaults: ../shared/data/lot-a/parking_1280x720.mp4, its mask, 4 loops, 3 runs (medians reported)
set -euo pipefail
cd "$(dirname "$0")/.."
video="${1:-../shared/data/lot-a/parking_1280x720.mp4}"
mask="${2:-../shared/data/lot-a/mask_1280x720.png}"
loops="${3:-4}"
runs="${4:-3}"

scripts/install-native.sh bench
dotnet build SmartSpot.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/DecodeOnly -c Release -v quiet -nologo >/dev/null
smartspot=SmartSpot.Cli/bin/Release/net10.0/smartspot
opencv_decode=bench/DecodeOnly/bin/Release/net10.0/decode-only

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
looped="$work/looped.mp4"
for _ in $(seq "$loops"); do echo "file '$(realpath "$video")'"; done > "$work/list.txt"
ffmpeg -loglevel error -f concat -safe 0 -i "$work/list.txt" -an -c copy "$looped"
frames=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$looped")
echo "video: $video looped ${loops}x = $frames frames; mask: $mask; $(nproc) cores; median of $runs runs"

calc() { awk "BEGIN { print $1 }"; }
seconds() { # prints the wall seconds of one run of the command
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  calc "$end - $start"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

decode=(); opencv=(); analyse=(); ratios=(); opencv_ratios=()
for _ in $(seq "$runs"); do
  d=$(seconds ffmpeg -loglevel error -i "$looped" -pix_fmt bgr24 -f null -)
  o=$(seconds "$opencv_decode" "$looped")
  a=$(seconds "$smartspot" analyze --video "$looped" --mask "$mask")
  decode+=("$d"); opencv+=("$o"); analyse+=("$a")
  ratios+=("$(calc "$d / $a")"); opencv_ratios+=("$(calc "$o / $a")")
done
d=$(printf '%s\n' "${decode[@]}" | median); o=$(printf '%s\n' "${opencv[@]}" | median); a=$(printf '%s\n' "${analyse[@]}" | median)
r=$(printf '%s\n' "${ratios[@]}" | median); ro=$(printf '%s\n' "${opencv_ratios[@]}" | median)
printf 'ffmpeg decode-only        : %6.1f frames/s (%.2f s)\n' "$(calc "$frames / $d")" "$d"
printf 'OpenCV decode-only        : %6.1f frames/s (%.2f s, whole process)\n' "$(calc "$frames / $o")" "$o"
printf 'smartspot analyze         : %6.1f frames/s (%.2f s, whole process)\n' "$(calc "$frames / $a")" "$a"
printf 'analysis / ffmpeg decode  : %5.1f %% (median of per-run ratios)\n' "$(calc "$r * 100")"
printf 'analysis / OpenCV decode  : %5.1f %%\n' "$(calc "$ro * 100")"

# Memory: sample VmRSS every 0.2 s during one more analysis run.
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
printf 'memory (RSS, MB)          : peak %d; at 25/50/75/100 %% of the run: %d / %d / %d / %d\n' \
  $((peak / 1024)) $(( $(quarter 1) / 1024 )) $(( $(quarter 2) / 1024 )) $(( $(quarter 3) / 1024 )) $(( $(quarter 4) / 1024 ))
