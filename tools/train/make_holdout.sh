#!/usr/bin/env bash
# Create folders of symlinks to the held-out crops, OUTSIDE the repository, so the held-out
# parts can be evaluated by `train.py --validate-on DIR` and by `smartspot eval --crops DIR`.
#
# Usage: tools/train/make_holdout.sh [CROPS_ROOT] [OUT_DIR]
#   CROPS_ROOT defaults to ../shared/data/crops beside the repository, OUT_DIR to /tmp/smartspot-holdout.
#   Result: OUT_DIR/lot-a/{empty,occupied}/*.jpg and OUT_DIR/cnrpark-a/{empty,occupied}/*.jpg
set -euo pipefail

crops_root="${1:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/crops}"
out_dir="${2:-/tmp/smartspot-holdout}"
splits_dir="$(cd "$(dirname "$0")" && pwd)/splits"

for list in "$splits_dir"/*-holdout.txt; do
  dataset="$(basename "$list" -holdout.txt)"
  rm -rf "${out_dir:?}/$dataset"
  mkdir -p "$out_dir/$dataset/empty" "$out_dir/$dataset/occupied"
  while read -r relative; do
    [ -n "$relative" ] || continue
    ln -s "$crops_root/$relative" "$out_dir/$relative"
  done < "$list"
  echo "$out_dir/$dataset: $(find "$out_dir/$dataset/empty" -name '*.jpg' | wc -l) empty," \
       "$(find "$out_dir/$dataset/occupied" -name '*.jpg' | wc -l) occupied"
done
