"""The spot classifier: a small CNN with the input normalisation inside the graph."""
import torch
from torch import nn

# Per-channel statistics in B,G,R order on the raw 0..255 scale (ImageNet's, reordered to BGR).
BGR_MEAN = (103.53, 116.28, 123.675)
BGR_STD = (57.375, 57.12, 58.395)
CONTRAST_FLOOR = 10.0  # on the 0..255 scale, used by per-crop normalisation


def conv_bn_relu(in_channels: int, out_channels: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, 3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True),
    )


class SpotClassifier(nn.Module):
    """Input: float32 [N,3,H,W], B,G,R, raw 0..255. Output: logits [N,2] (0 = free, 1 = occupied).

    Global average pooling makes the network independent of H and W; the exported graph
    fixes them.
    """

    def __init__(self, width: int = 16, dropout: float = 0.2, per_crop_normalisation: bool = False):
        super().__init__()
        self.per_crop_normalisation = per_crop_normalisation
        self.register_buffer("mean", torch.tensor(BGR_MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(BGR_STD).view(1, 3, 1, 1))
        self.features = nn.Sequential(
            conv_bn_relu(3, width), nn.MaxPool2d(2),
            conv_bn_relu(width, 2 * width), conv_bn_relu(2 * width, 2 * width), nn.MaxPool2d(2),
            conv_bn_relu(2 * width, 4 * width), conv_bn_relu(4 * width, 4 * width), nn.MaxPool2d(2),
            conv_bn_relu(4 * width, 4 * width),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * width, 2))

    def normalise(self, crops: torch.Tensor) -> torch.Tensor:
        """Fixed BGR mean/std, or (per_crop_normalisation) each crop's own mean and contrast,
        which removes global exposure and contrast differences between cameras. The std floor
        keeps the sensor noise of a flat, empty bay from being blown up into texture."""
        if not self.per_crop_normalisation:
            return (crops - self.mean) / self.std
        centred = crops - crops.mean(dim=(1, 2, 3), keepdim=True)
        spread = torch.sqrt((centred * centred).mean(dim=(1, 2, 3), keepdim=True) + CONTRAST_FLOOR ** 2)
        return centred / spread

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(self.normalise(crops)))


class WithSoftmax(nn.Module):
    """What is exported: `crops` -> `probabilities` (softmax inside the graph)."""

    def __init__(self, classifier: nn.Module):
        super().__init__()
        self.classifier = classifier

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.classifier(crops), dim=1)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
