#!/usr/bin/env bash
# Leave-one-lot-out over the three real crop sets: for each of lot-a, cnrpark-a and vsb-ostrava, train on
# the other two (plus whatever extra --data is given, e.g. the demo crops) and measure on ALL crops of it.
# The three directions run side by side, one thread each (THREADS=n to change), under `nice -n 10`.
# Reports go to tools/train/runs/<variant>-without-<lot>.{json,log,onnx} (git-ignored); the summary row
# (each direction, the worst, vsb-ostrava's dusk/night crops) is appended to tools/train/runs/lolo.md.
#
# In the arguments, {lot} stands for the lot left out, e.g. a distillation teacher of the same direction:
#   --teacher tools/train/runs/r3-geo-without-{lot}.pt
#
# Usage: tools/train/run_lolo.sh VARIANT [train.py arguments, e.g. --architecture resnet18-layer3 --data /tmp/demo-crops/demo]
set -euo pipefail
export OMP_WAIT_POLICY=PASSIVE

variant="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
crops_root="${CROPS_ROOT:-$(cd "$here/../../.." && pwd)/shared/data/crops}"
runs="$here/runs"
lots=(lot-a cnrpark-a vsb-ostrava)
read -r -a left_out <<< "${ONLY:-${lots[*]}}"  # ONLY="vsb-ostrava" runs that direction alone
mkdir -p "$runs"

run_direction() {
  local test_lot="$1"; shift
  local name="$variant-without-$test_lot" data=() arguments=()
  for lot in "${lots[@]}"; do [ "$lot" = "$test_lot" ] || data+=(--data "$crops_root/$lot"); done
  for argument in "$@"; do arguments+=("${argument//\{lot\}/$test_lot}"); done
  nice -n 10 /usr/bin/python3 "$here/train.py" --threads "${THREADS:-1}" "${data[@]}" --validate-on "$crops_root/$test_lot" \
      --output "$runs/$name.onnx" --report "$runs/$name.json" --checkpoint "$runs/$name.pt" "${arguments[@]}" > "$runs/$name.log" 2>&1
  grep VALIDATION "$runs/$name.log" | sed "s|^|$name: |"
}

for lot in "${left_out[@]}"; do run_direction "$lot" "$@" & done
wait
[ -n "${ONLY:-}" ] || /usr/bin/python3 "$here/lolo_table.py" "$variant" "$*" | tee -a "$runs/lolo.md"
