"""The spot classifier: a small CNN with the input normalisation inside the graph."""
import torch
from torch import nn

# Per-channel statistics in B,G,R order on the raw 0..255 scale (ImageNet's, reordered to BGR).
BGR_MEAN = (103.53, 116.28, 123.675)
BGR_STD = (57.375, 57.12, 58.395)


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

    def __init__(self, width: int = 16, dropout: float = 0.2):
        super().__init__()
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

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return self.head(self.features((crops - self.mean) / self.std))


class WithSoftmax(nn.Module):
    """What is exported: `crops` -> `probabilities` (softmax inside the graph)."""

    def __init__(self, classifier: nn.Module):
        super().__init__()
        self.classifier = classifier

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.classifier(crops), dim=1)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
