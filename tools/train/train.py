"""Train the SmartSpot spot classifier on folders of labelled crops and export it to ONNX.

Examples (run from the repository root, always with /usr/bin/python3):
  # shipped model: both data sets minus the held-out spots/slots, checked on the held-out parts
  /usr/bin/python3 tools/train/train.py --threads 2 --per-crop-normalisation --augmentations geometry,camera --epochs 15 \
      --data ../shared/data/crops/lot-a --data ../shared/data/crops/cnrpark-a \
      --exclude tools/train/splits/lot-a-holdout.txt --exclude tools/train/splits/cnrpark-a-holdout.txt \
      --validate-on /tmp/smartspot-holdout/lot-a --validate-on /tmp/smartspot-holdout/cnrpark-a \
      --output SmartSpot.Vision/Models/spot-classifier.onnx
  # leave-one-dataset-out: train on lot-a only, measure on all of cnrpark-a
  /usr/bin/python3 tools/train/train.py --per-crop-normalisation --augmentations geometry --data ../shared/data/crops/lot-a \
      --validate-on ../shared/data/crops/cnrpark-a --output tools/train/runs/lodo-lot-a.onnx
"""
import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, WeightedRandomSampler

from augment import AUGMENTATION_GROUPS, OCCUPIED, augment
from crops import CLASS_NAMES, load_crops, read_excluded, to_model_input
from export import check_export, export_onnx
from model import build_model, count_parameters, multiply_adds

DEFAULT_PRETRAINED = Path.home() / ".cache/smartspot/resnet18-imagenet.pt"  # tools/train/fetch_resnet18.sh
DISTILLATION_TAU = 2.0


class AugmentedCrops(Dataset):
    """Training crops, augmented on the fly and preprocessed per the input contract."""

    def __init__(self, crops: list, width: int, height: int, seed: int, augmentations: tuple):
        self.width, self.height = width, height
        self.images = [shrink_for_training(c.image, width, height) for c in crops]
        self.labels = [c.label for c in crops]
        self.augmentations = augmentations
        self.rng = np.random.default_rng(seed)
        self.occupied = [image for image, label in zip(self.images, self.labels) if label == OCCUPIED]

    def __len__(self) -> int:
        return len(self.images)

    def random_occupied(self) -> np.ndarray:
        return self.occupied[self.rng.integers(len(self.occupied))]

    def __getitem__(self, index: int):
        image, label = self.images[index], self.labels[index]
        if self.augmentations:
            image = augment(image, label, self.rng, self.random_occupied, self.augmentations)
        return torch.from_numpy(to_model_input(image, self.width, self.height)), label


def shrink_for_training(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Speed: augmenting a 150x150 crop for a 32x64 input wastes time, so training crops are
    first reduced (INTER_AREA, aspect kept) until no side exceeds twice the model input."""
    scale = min(1.0, 2 * width / image.shape[1], 2 * height / image.shape[0])
    if scale == 1.0:
        return image
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def balanced_sampler(crops: list, seed: int) -> WeightedRandomSampler:
    """Every (data set, class) pair gets the same share of each epoch."""
    counts = Counter((c.dataset, c.label) for c in crops)
    weights = [1.0 / counts[(c.dataset, c.label)] for c in crops]
    return WeightedRandomSampler(weights, num_samples=len(crops), replacement=True,
                                 generator=torch.Generator().manual_seed(seed))


def parse_groups(text: str) -> tuple:
    groups = tuple(g for g in text.split(",") if g and g != "none")
    unknown = set(groups) - set(AUGMENTATION_GROUPS)
    if unknown:
        raise SystemExit(f"unknown augmentation groups: {sorted(unknown)}")
    return groups


def make_reproducible(seed: int, threads: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)


def distillation_loss(logits: torch.Tensor, teacher_logits: torch.Tensor) -> torch.Tensor:
    """KL divergence from the teacher's softened answer to the student's (Hinton et al. 2015), scaled by tau^2."""
    teacher = torch.softmax(teacher_logits / DISTILLATION_TAU, dim=1)
    student = torch.log_softmax(logits / DISTILLATION_TAU, dim=1)
    return nn.functional.kl_div(student, teacher, reduction="batchmean") * DISTILLATION_TAU ** 2


def train(model: nn.Module, loader: DataLoader, epochs: int, learning_rate: float,
          teacher: nn.Module = None, distil_weight: float = 0.0) -> None:
    """With a teacher, the loss mixes its softened answers on the same augmented crops (distil_weight)
    with the labels (1 - distil_weight)."""
    optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate,
                                                   epochs=epochs, steps_per_epoch=len(loader))
    loss_function = nn.CrossEntropyLoss(label_smoothing=0.05)
    for epoch in range(1, epochs + 1):
        model.train()
        started, total_loss, correct, seen = time.time(), 0.0, 0, 0
        for inputs, labels in loader:
            optimiser.zero_grad()
            logits = model(inputs)
            loss = loss_function(logits, labels)
            if teacher is not None:
                with torch.no_grad():
                    teacher_logits = teacher(inputs)
                loss = (1 - distil_weight) * loss + distil_weight * distillation_loss(logits, teacher_logits)
            loss.backward()
            optimiser.step()
            schedule.step()
            total_loss += loss.item() * len(labels)
            correct += (logits.argmax(1) == labels).sum().item()
            seen += len(labels)
        print(f"epoch {epoch:2d}/{epochs}  loss {total_loss / seen:.4f}  "
              f"train acc (augmented) {correct / seen:.4f}  {time.time() - started:.0f}s", flush=True)


@torch.no_grad()
def evaluate(model: nn.Module, folder: Path, width: int, height: int) -> dict:
    """Accuracy on a crop folder, preprocessed exactly per the contract, no augmentation."""
    model.eval()
    crops = load_crops(folder)
    inputs = torch.from_numpy(np.stack([to_model_input(c.image, width, height) for c in crops]))
    labels = np.array([c.label for c in crops])
    logits = np.concatenate([model(batch).numpy() for batch in inputs.split(256)])
    predictions = logits.argmax(1)
    confusion = [[int(((labels == t) & (predictions == p)).sum()) for p in range(2)] for t in range(2)]
    per_class = {CLASS_NAMES[t]: confusion[t][t] / max(1, sum(confusion[t])) for t in range(2)}
    errors = [f"{CLASS_NAMES[c.label]}/{c.path.name}" for c, p in zip(crops, predictions) if p != c.label]
    return {"folder": str(folder), "crops": len(crops), "accuracy": float((labels == predictions).mean()),
            "per_class_accuracy": per_class, "confusion_true_by_predicted": confusion, "errors": errors,
            "logits": {f"{CLASS_NAMES[c.label]}/{c.path.name}": [round(float(v), 4) for v in row]
                       for c, row in zip(crops, logits)}}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", required=True,
                        help="crop folder with empty/ and occupied/ (repeatable)")
    parser.add_argument("--exclude", type=Path, action="append",
                        help="held-out list (lines `<data folder name>/<class>/<file>`) to leave out of training (repeatable)")
    parser.add_argument("--validate-on", type=Path, action="append", default=[],
                        help="crop folder to measure accuracy on after training (repeatable)")
    parser.add_argument("--output", type=Path, required=True, help="ONNX file to write")
    parser.add_argument("--width", type=int, default=64, help="model input width W")
    parser.add_argument("--height", type=int, default=32, help="model input height H")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--learning-rate", type=float, help="peak learning rate (default 3e-3 for cnn, 1e-3 for the pretrained resnet)")
    parser.add_argument("--architecture", default="cnn", choices=["cnn", "resnet18-layer2", "resnet18-layer3"],
                        help="cnn: the small CNN (--channels); resnet18-*: the ImageNet ResNet18 cut after layer2/layer3")
    parser.add_argument("--pretrained", type=Path, default=DEFAULT_PRETRAINED,
                        help="converted ImageNet ResNet18 weights (tools/train/fetch_resnet18.sh)")
    parser.add_argument("--temperature", type=float, default=1.0,
                        help="calibration: the exported probabilities are softmax(logits / T) (tools/train/calibrate.py)")
    parser.add_argument("--channels", type=int, default=16, help="cnn: channels of the first conv layer")
    parser.add_argument("--teacher", type=Path, help="distillation: state_dict (--checkpoint of a train.py run) of the teacher")
    parser.add_argument("--teacher-architecture", default="resnet18-layer3", help="distillation: the teacher's --architecture")
    parser.add_argument("--distil-weight", type=float, default=0.7, help="distillation: weight of the teacher's answers against the labels")
    parser.add_argument("--per-crop-normalisation", action="store_true",
                        help="normalise each crop by its own mean and contrast (inside the graph)")
    parser.add_argument("--augmentations", default=",".join(AUGMENTATION_GROUPS),
                        help=f"comma-separated augmentation groups out of {','.join(AUGMENTATION_GROUPS)}, or 'none'")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--report", type=Path, help="write the validation figures (and misclassified files) as JSON here")
    parser.add_argument("--checkpoint", type=Path, help="also save the PyTorch state_dict here (for analysis)")
    return parser.parse_args()


def main() -> None:
    args = parse_arguments()
    make_reproducible(args.seed, args.threads)

    excluded = read_excluded(args.exclude)
    crops = [c for folder in args.data for c in load_crops(folder, excluded)]
    print("training crops:", dict(Counter((c.dataset, CLASS_NAMES[c.label]) for c in crops)))

    if args.architecture.startswith("resnet18") and not args.pretrained.exists():
        raise SystemExit(f"{args.pretrained} is missing: run tools/train/fetch_resnet18.sh first")
    model = build_model(args.architecture, args.channels, args.per_crop_normalisation, args.pretrained)
    learning_rate = args.learning_rate or (3e-3 if args.architecture == "cnn" else 1e-3)
    macs = multiply_adds(model, args.height, args.width)
    print(f"model: {count_parameters(model)} parameters, {macs / 1e6:.1f} M multiply-adds per crop, input {args.height}x{args.width} (HxW)")
    dataset = AugmentedCrops(crops, args.width, args.height, args.seed, parse_groups(args.augmentations))
    loader = DataLoader(dataset, batch_size=args.batch_size, sampler=balanced_sampler(crops, args.seed), num_workers=0)
    teacher = None
    if args.teacher:
        teacher = build_model(args.teacher_architecture, args.channels, False, None)
        teacher.load_state_dict(torch.load(args.teacher))
        teacher.eval()
        print(f"distilling from {args.teacher} ({args.teacher_architecture}), weight {args.distil_weight}")
    train(model, loader, args.epochs, learning_rate, teacher, args.distil_weight)
    model.eval()
    if args.checkpoint:
        torch.save(model.state_dict(), args.checkpoint)

    metadata = {"input_width": args.width, "input_height": args.height, "channel_order": "BGR",
                "augmentations": args.augmentations, "architecture": args.architecture,
                "temperature": args.temperature, "epochs": args.epochs,
                "normalisation": "per-crop" if args.per_crop_normalisation else
                "fixed BGR mean/std" if args.architecture == "cnn" else "minus BGR mean",
                "pixel_range": "0-255", "classes": "free,occupied", "seed": args.seed,
                "trained_on": ",".join(str(d) for d in args.data)}
    export_onnx(model, args.output, args.width, args.height, metadata, args.temperature)
    sample = torch.stack([dataset[i][0] for i in range(8)])
    print("export:", check_export(model, args.output, args.width, args.height, sample, args.temperature))

    results = [evaluate(model, folder, args.width, args.height) for folder in args.validate_on]
    for r in results:
        print(f"VALIDATION {r['folder']}: accuracy {r['accuracy']:.4f} on {r['crops']} crops, "
              f"per class {r['per_class_accuracy']}, confusion (rows true, cols predicted) {r['confusion_true_by_predicted']}")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps({"arguments": {k: str(v) for k, v in vars(args).items()},
                                           "multiply_adds": macs, "validation": results}, indent=2))


if __name__ == "__main__":
    main()
