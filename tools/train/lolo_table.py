"""One row of the leave-one-lot-out table from the reports of run_lolo.sh: the accuracy of each
direction (train on the other two lots, test on all crops of this one), the worst direction, and
vsb-ostrava's dusk/night crops (frames test13, test15, test18-23; see its SOURCE.md).

Usage: lolo_table.py VARIANT [DESCRIPTION]   (reads tools/train/runs/VARIANT-without-*.json)
"""
import json
import sys
from pathlib import Path

RUNS = Path(__file__).resolve().parent / "runs"
LOTS = ("lot-a", "cnrpark-a", "vsb-ostrava")
DARK_FRAMES = {f"test{n}" for n in (13, 15, 18, 19, 20, 21, 22, 23)}


def is_dark(crop: str) -> bool:
    """`empty/test13_s04.jpg` -> frame test13."""
    return crop.split("/", 1)[1].split("_", 1)[0] in DARK_FRAMES


def correct(crop: str, logits: list) -> bool:
    return (logits[1] > logits[0]) == crop.startswith("occupied/")


def row(variant: str) -> dict:
    figures = {}
    for lot in LOTS:
        validation = json.loads((RUNS / f"{variant}-without-{lot}.json").read_text())["validation"][0]
        figures[lot] = validation["accuracy"]
        if lot == "vsb-ostrava":
            dark = [correct(c, l) for c, l in validation["logits"].items() if is_dark(c)]
            figures["dark"] = (sum(dark), len(dark))
    return figures


def main() -> None:
    variant, description = sys.argv[1], " ".join(sys.argv[2:])
    f = row(variant)
    worst = min(f[lot] for lot in LOTS)
    right, total = f["dark"]
    print(f"| {variant} | {f['lot-a']:.1%} | {f['cnrpark-a']:.1%} | {f['vsb-ostrava']:.1%} | **{worst:.1%}** "
          f"| {right}/{total} = {right / total:.1%} | `{description}` |")


if __name__ == "__main__":
    main()
