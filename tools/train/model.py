"""The spot classifiers (a small CNN, and the ImageNet-pretrained ResNet18 cut after layer2 or layer3),
each with its input normalisation inside the graph, and the exported wrapper (calibrated probabilities
and the embedding the decision is made from).

Every classifier has `embed(crops) -> [N, D]` (the pooled features) and `head` (embedding -> logits).
"""
from pathlib import Path

import torch
from torch import nn

from convert_resnet18 import BGR_MEAN as RESNET_BGR_MEAN, cntk_resnet18

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

    def embed(self, crops: torch.Tensor) -> torch.Tensor:
        return self.features(self.normalise(crops))

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(crops))


class PretrainedResNetClassifier(nn.Module):
    """CNTK's ImageNet ResNet18 (tools/train/fetch_resnet18.sh) cut after `cut` ("layer2": 128-D
    embedding, "layer3": 256-D), global average pooling, dropout, linear. Input as SpotClassifier;
    normalisation as the pretrained graph: minus the BGR means, no division."""

    def __init__(self, cut: str, pretrained: Path = None, dropout: float = 0.2):
        super().__init__()
        resnet = cntk_resnet18()
        if pretrained is not None:
            resnet.load_state_dict(torch.load(pretrained))
        layers = [resnet.conv1, resnet.bn1, resnet.relu, resnet.maxpool, resnet.layer1, resnet.layer2]
        if cut == "layer3":
            layers.append(resnet.layer3)
        elif cut != "layer2":
            raise ValueError(f"unknown cut {cut}")
        self.register_buffer("mean", torch.tensor(RESNET_BGR_MEAN).view(1, 3, 1, 1))
        self.features = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
        width = 256 if cut == "layer3" else 128
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, 2))

    def embed(self, crops: torch.Tensor) -> torch.Tensor:
        return self.features(crops - self.mean)

    def forward(self, crops: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(crops))


class Exported(nn.Module):
    """What is exported: `crops` -> `probabilities` (softmax of logits / temperature, the calibration
    baked into the graph) and `embedding` (the features the head decides from)."""

    def __init__(self, classifier: nn.Module, temperature: float = 1.0):
        super().__init__()
        self.classifier = classifier
        self.temperature = temperature

    def forward(self, crops: torch.Tensor):
        embedding = self.classifier.embed(crops)
        return torch.softmax(self.classifier.head(embedding) / self.temperature, dim=1), embedding


def build_model(architecture: str, channels: int, per_crop_normalisation: bool, pretrained: Path) -> nn.Module:
    """`cnn` (SpotClassifier) or `resnet18-layer2` / `resnet18-layer3` (PretrainedResNetClassifier)."""
    if architecture == "cnn":
        return SpotClassifier(width=channels, per_crop_normalisation=per_crop_normalisation)
    if architecture.startswith("resnet18-"):
        return PretrainedResNetClassifier(architecture.removeprefix("resnet18-"), pretrained)
    raise ValueError(f"unknown architecture {architecture}")


def multiply_adds(model: nn.Module, height: int, width: int) -> int:
    """Multiply-adds of the convolutions and linear layers for one crop of height x width."""
    total = []

    def count(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            total.append(output.numel() * module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1])
        elif isinstance(module, nn.Linear):
            total.append(module.in_features * module.out_features)

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, height, width))
    model.train(was_training)
    for hook in hooks:
        hook.remove()
    return sum(total)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
