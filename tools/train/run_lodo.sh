#!/usr/bin/env bash
# Leave-one-dataset-out for one training variant: train on lot-a only -> measure on all of
# cnrpark-a, and train on cnrpark-a only -> measure on all of lot-a.
# Both run at once with one thread each (THREADS=n to change).
# Reports go to tools/train/runs/<variant>-{lot-a,cnrpark-a}-only.{json,log} (git-ignored).
#
# Usage: tools/train/run_lodo.sh VARIANT [extra train.py arguments, e.g. --width 48 --height 48]
set -euo pipefail
export OMP_WAIT_POLICY=PASSIVE

variant="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
crops_root="${CROPS_ROOT:-$(cd "$here/../../.." && pwd)/shared/data/crops}"
runs="$here/runs"
mkdir -p "$runs"

run_direction() {
  local train_on="$1" validate_on="$2"; shift 2
  local name="$variant-$train_on-only"
  /usr/bin/python3 "$here/train.py" --threads "${THREADS:-1}" --data "$crops_root/$train_on" --validate-on "$crops_root/$validate_on" \
      --output "$runs/$name.onnx" --report "$runs/$name.json" "$@" > "$runs/$name.log" 2>&1
  grep VALIDATION "$runs/$name.log" | sed "s|^|$name: |"
}

# the two directions run side by side, one thread each
run_direction lot-a cnrpark-a "$@" &
run_direction cnrpark-a lot-a "$@" &
wait
