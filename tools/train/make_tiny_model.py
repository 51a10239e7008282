"""Write the tiny test model SmartSpot.Tests/TestData/tiny-classifier.onnx (no training, no data).

Same contract as the real model (`crops` [N,3,H,W] float32 BGR 0..255 -> `probabilities` [N,2],
softmax inside, and `embedding` [N,D]; dynamic N) but H x W = 16 x 32, D = 3 and a hand-set rule:
    embedding  = the mean of each input channel (B, G, R; 0..255)
    brightness = mean of the embedding (= mean of all input values)
    logits     = [(128 - brightness) / 8, (brightness - 128) / 8]
so a dark crop is "free" (index 0) and a bright crop is "occupied" (index 1); exactly 128 gives 0.5/0.5.
Examples: all 0 -> [1.0000, 0.0000]; all 255 -> [0.0000, 1.0000]; all 136 -> [0.1192, 0.8808];
a pure blue crop (B=255, G=R=0) -> embedding [255, 0, 0], brightness 85 -> [1.0000, 0.0000].

Usage: /usr/bin/python3 tools/train/make_tiny_model.py [--output PATH]
"""
import argparse
from pathlib import Path

import torch
from torch import nn

from export import check_export, export_onnx
from model import Exported

HEIGHT, WIDTH = 16, 32
REPO_ROOT = Path(__file__).resolve().parents[2]


class BrightnessHead(nn.Module):
    """Logits from the mean of the channel means: bright = occupied, dark = free."""

    def forward(self, embedding: torch.Tensor) -> torch.Tensor:
        occupied = (embedding.mean(dim=1, keepdim=True) - 128.0) / 8.0
        return torch.cat([-occupied, occupied], dim=1)


class BrightnessClassifier(nn.Module):
    """Embedding = channel means; head = BrightnessHead."""

    def __init__(self):
        super().__init__()
        self.head = BrightnessHead()

    def embed(self, crops: torch.Tensor) -> torch.Tensor:
        return crops.mean(dim=(2, 3))

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(crops))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "SmartSpot.Tests/TestData/tiny-classifier.onnx")
    args = parser.parse_args()

    model = BrightnessClassifier().eval()
    metadata = {"input_width": WIDTH, "input_height": HEIGHT, "channel_order": "BGR", "pixel_range": "0-255",
                "classes": "free,occupied", "rule": "occupied when mean input value > 128; embedding = B,G,R channel means"}
    export_onnx(model, args.output, WIDTH, HEIGHT, metadata)
    blue = torch.zeros(3, HEIGHT, WIDTH)
    blue[0] = 255.0
    sample = torch.stack([torch.full((3, HEIGHT, WIDTH), v) for v in (0.0, 128.0, 136.0, 255.0)] + [blue])
    print(check_export(model, args.output, WIDTH, HEIGHT, sample))
    with torch.no_grad():
        probabilities, embedding = Exported(model)(sample)
    print("all-0, all-128, all-136, all-255, blue: probabilities", probabilities.numpy().round(4).tolist(),
          "embedding", embedding.numpy().round(2).tolist())


if __name__ == "__main__":
    main()
