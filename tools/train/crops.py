"""Labelled crop folders and the model's input contract (shared by training and evaluation).

A crop folder holds `empty/*.jpg` (class 0, free) and `occupied/*.jpg` (class 1).
The contract (the C# side implements exactly the same):
  BGR uint8 crop -> rotate 90 deg clockwise if taller than wide -> cv2.resize to W x H with
  INTER_AREA -> float32 NCHW, B,G,R channel order, raw 0..255 values (normalisation is in the graph).
"""
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

CLASS_NAMES = ("empty", "occupied")  # index 0 = free, index 1 = occupied


@dataclass
class Crop:
    path: Path
    image: np.ndarray  # BGR uint8, already oriented (never taller than wide)
    label: int
    dataset: str


def spot_id(path: Path) -> int:
    """Spot / slot / bay id: the last `_`-separated field of the file name (vsb-ostrava's `s12` too)."""
    return int(path.stem.rsplit("_", 1)[1].removeprefix("s"))


def orient(image: np.ndarray) -> np.ndarray:
    """Contract step 1: a crop taller than wide is rotated 90 deg clockwise."""
    if image.shape[0] > image.shape[1]:
        return cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    return image


def to_model_input(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Contract: BGR uint8 crop -> float32 CHW (B,G,R), raw 0..255, size height x width."""
    resized = cv2.resize(orient(image), (width, height), interpolation=cv2.INTER_AREA)
    return resized.transpose(2, 0, 1).astype(np.float32)


def read_excluded(list_files) -> set:
    """Relative paths (`<dataset>/<class>/<file>`) listed in held-out files."""
    excluded = set()
    for list_file in list_files or []:
        excluded.update(line.strip() for line in Path(list_file).read_text().splitlines() if line.strip())
    return excluded


def load_crops(folder: Path, excluded: set = frozenset()) -> list:
    """All crops of a folder, minus those whose `<folder name>/<class>/<file>` is excluded."""
    folder = Path(folder)
    crops = []
    for label, class_name in enumerate(CLASS_NAMES):
        for path in sorted((folder / class_name).glob("*.jpg")):
            if f"{folder.name}/{class_name}/{path.name}" in excluded:
                continue
            image = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if image is None:
                raise IOError(f"cannot read {path}")
            crops.append(Crop(path, orient(image), label, folder.name))
    if not crops:
        raise ValueError(f"no crops found in {folder}/{{empty,occupied}}")
    return crops
