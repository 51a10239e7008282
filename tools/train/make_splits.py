"""Write the held-out lists in tools/train/splits/ (deterministic, no randomness).

lot-a:      every spot keeps one label for the whole video, so we hold out whole SPOTS.
            Spot ids are sorted numerically per class and every 5th one is held out,
            which keeps the class ratio of the held-out part close to the training part.
cnrpark-a:  all crops come from one day (2015-07-03), so a split by day is impossible.
            Crops of one slot at nearby times are near-duplicates, so we hold out whole
            SLOTS: every 5th slot id in numeric order (slots 5, 10, 15, ...).
vsb-ostrava: one camera; every bay appears in every frame, so we hold out whole BAYS: every 5th
            bay id in numeric order (bays 4, 9, ..., 54: 11 of 56), all their frames (day, dusk, night).

Each list holds paths relative to the crops root, e.g. `lot-a/empty/00000004_12.jpg`.

Usage: /usr/bin/python3 tools/train/make_splits.py [--crops-root ../shared/data/crops]
"""
import argparse
from pathlib import Path

from crops import CLASS_NAMES, spot_id

SPLITS_DIR = Path(__file__).resolve().parent / "splits"


def held_out_spots_per_class(dataset_dir: Path) -> dict:
    """lot-a: every 5th spot id (sorted numerically) within each class."""
    held = {}
    for class_name in CLASS_NAMES:
        ids = sorted({spot_id(p) for p in (dataset_dir / class_name).glob("*.jpg")})
        held[class_name] = set(ids[4::5])
    return held


def held_out_slots(dataset_dir: Path) -> set:
    """cnrpark-a, vsb-ostrava: every 5th slot id over all classes (a slot changes label over time)."""
    ids = sorted({spot_id(p) for p in dataset_dir.glob("*/*.jpg")})
    return set(ids[4::5])


def write_list(name: str, paths: list) -> None:
    SPLITS_DIR.mkdir(exist_ok=True)
    target = SPLITS_DIR / f"{name}-holdout.txt"
    target.write_text("".join(f"{p}\n" for p in sorted(paths)))
    print(f"{target}: {len(paths)} crops")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--crops-root", type=Path, default=Path("../shared/data/crops"))
    args = parser.parse_args()

    lot_a = args.crops_root / "lot-a"
    held = held_out_spots_per_class(lot_a)
    write_list("lot-a", [str(p.relative_to(args.crops_root))
                         for c in CLASS_NAMES for p in (lot_a / c).glob("*.jpg") if spot_id(p) in held[c]])
    for class_name in CLASS_NAMES:
        print(f"  lot-a held-out {class_name} spots: {sorted(held[class_name])}")

    cnr = args.crops_root / "cnrpark-a"
    slots = held_out_slots(cnr)
    write_list("cnrpark-a", [str(p.relative_to(args.crops_root))
                             for p in cnr.glob("*/*.jpg") if spot_id(p) in slots])
    print(f"  cnrpark-a held-out slots: {sorted(slots)}")

    vsb = args.crops_root / "vsb-ostrava"
    bays = held_out_slots(vsb)
    write_list("vsb-ostrava", [str(p.relative_to(args.crops_root))
                               for p in vsb.glob("*/*.jpg") if spot_id(p) in bays])
    print(f"  vsb-ostrava held-out bays: {sorted(bays)}")


if __name__ == "__main__":
    main()
