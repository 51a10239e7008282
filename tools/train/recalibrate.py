"""Re-export a trained model with a calibration temperature baked in, without training again:
the same result as re-running its train.py command with `--temperature T` (training is deterministic).

Reads the model's checkpoint (train.py --checkpoint) and its exported ONNX (input size, architecture,
metadata), writes OUT with `probabilities` = softmax(logits / T) and the same `embedding`.

Usage: recalibrate.py MODEL.onnx MODEL.pt TEMPERATURE OUT.onnx
"""
import sys
from pathlib import Path

import onnx
import torch

from export import check_export, export_onnx
from model import build_model


def main() -> None:
    exported, checkpoint, temperature, out = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])
    metadata = {p.key: p.value for p in onnx.load(str(exported)).metadata_props}
    width, height = int(metadata["input_width"]), int(metadata["input_height"])
    state = torch.load(checkpoint)
    channels = state["features.0.0.weight"].shape[0] if metadata["architecture"] == "cnn" else 0
    model = build_model(metadata["architecture"], channels, metadata["normalisation"] == "per-crop", None)
    model.load_state_dict(state)
    model.eval()
    metadata["temperature"] = f"{temperature:.3f}"
    export_onnx(model, out, width, height, metadata, temperature)
    sample = torch.rand(8, 3, height, width) * 255
    print(check_export(model, out, width, height, sample, temperature))


if __name__ == "__main__":
    main()
