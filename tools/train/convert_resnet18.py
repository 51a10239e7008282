"""Convert CNTK's ImageNet ResNet18 (ONNX, from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18)
into torchvision's ResNet(BasicBlock, [2, 2, 2, 3]) and check it against the ONNX graph.

The graph: BGR, raw 0..255 minus the per-channel means of BGR_MEAN (the package's preprocessing model
subtracts them), no division by a standard deviation. It is CNTK's variant: layer4 has 3 blocks.
Its stride-2 convolutions and the stem's max pool pad at the start only, where torchvision pads both
sides; the results are identical when the map entering them has an even size (32x64 crops, 224x224).

The check runs the ONNX graph's own nodes (Conv with its pads, BatchNormalization, Relu, Add, MaxPool,
AveragePool) with torch functions and compares with the converted module (`onnx.reference` is not in
onnx 1.12). Usage: convert_resnet18.py RESNET18.onnx OUT.pt
"""
import sys
from pathlib import Path

import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper
from torchvision.models.resnet import BasicBlock, ResNet

BGR_MEAN = (103.06262, 115.902885, 123.15163)  # MeanImage of ResNetPreprocess.onnx, per channel
LAYERS = [2, 2, 2, 3]
TOLERANCE = 1e-5


def cntk_resnet18() -> ResNet:
    return ResNet(BasicBlock, LAYERS)


def attributes(node) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def conv_bn_pairs(graph) -> list:
    """(conv weight, batch-norm tensors) in graph order, each conv with the batch norm that reads it."""
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    norm_of = {n.input[0]: n for n in graph.node if n.op_type == "BatchNormalization"}
    pairs = []
    for node in graph.node:
        if node.op_type == "Conv":
            norm = norm_of[node.output[0]]
            scale, bias, mean, var = (weights[name] for name in norm.input[1:])
            pairs.append((weights[node.input[1]], scale, bias, mean, var))
    return pairs


def torch_targets(model: ResNet) -> list:
    """The (conv, bn) modules of the torchvision model in the order the ONNX graph holds them:
    stem, then per block [downsample,] conv1, conv2 (CNTK computes the shortcut first)."""
    targets = [(model.conv1, model.bn1)]
    for layer in (model.layer1, model.layer2, model.layer3, model.layer4):
        for block in layer:
            if block.downsample is not None:
                targets.append((block.downsample[0], block.downsample[1]))
            targets += [(block.conv1, block.bn1), (block.conv2, block.bn2)]
    return targets


def convert(onnx_path: Path) -> tuple:
    graph = onnx.load(str(onnx_path)).graph
    model = cntk_resnet18()
    pairs, targets = conv_bn_pairs(graph), torch_targets(model)
    assert len(pairs) == len(targets), (len(pairs), len(targets))
    with torch.no_grad():
        for (weight, scale, bias, mean, var), (conv, bn) in zip(pairs, targets):
            assert conv.weight.shape == weight.shape, (conv.weight.shape, weight.shape)
            conv.weight.copy_(weight)
            bn.weight.copy_(scale)
            bn.bias.copy_(bias)
            bn.running_mean.copy_(mean)
            bn.running_var.copy_(var)
    return model.eval(), graph


def run_graph(graph, image: torch.Tensor, stop_at: str = None) -> torch.Tensor:
    """Runs the ONNX graph node by node with torch functions, exactly as its attributes say."""
    values = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    values[graph.input[0].name] = image
    for node in graph.node:
        a, x = attributes(node), values[node.input[0]]
        if node.op_type == "Conv":
            top, left, bottom, right = a["pads"]
            y = F.conv2d(F.pad(x, (left, right, top, bottom)), values[node.input[1]], stride=a["strides"])
        elif node.op_type == "BatchNormalization":
            scale, bias, mean, var = (values[n] for n in node.input[1:])
            y = F.batch_norm(x, mean, var, scale, bias, training=False, eps=a["epsilon"])
        elif node.op_type == "Relu":
            y = F.relu(x)
        elif node.op_type == "Add":
            y = x + values[node.input[1]]
        elif node.op_type == "MaxPool":
            top, left, bottom, right = a["pads"]
            y = F.max_pool2d(F.pad(x, (left, right, top, bottom), value=float("-inf")), a["kernel_shape"], a["strides"])
        elif node.op_type == "AveragePool":
            y = F.avg_pool2d(x, a["kernel_shape"], a["strides"])
        else:
            raise ValueError(f"unexpected node {node.op_type}")
        values[node.output[0]] = y
        if node.output[0] == stop_at:
            return y
    return values[graph.output[0].name]


def layer3_output_name(graph) -> str:
    """The tensor that ends layer3: what layer4's first block reads, i.e. the input of the graph's
    third 1x1 (shortcut) convolution."""
    shortcuts = [n for n in graph.node if n.op_type == "Conv" and attributes(n)["kernel_shape"] == [1, 1]]
    return shortcuts[2].input[0]


def features_to_layer3(model: ResNet, x: torch.Tensor) -> torch.Tensor:
    x = model.maxpool(model.relu(model.bn1(model.conv1(x))))
    return model.layer3(model.layer2(model.layer1(x)))


def check(model: ResNet, graph) -> dict:
    """Max absolute difference module vs graph: whole network at 224x224, layer3 cut at 32x64."""
    generator = torch.Generator().manual_seed(0)
    mean = torch.tensor(BGR_MEAN).view(1, 3, 1, 1)
    differences = {}
    with torch.no_grad():
        image = torch.rand(2, 3, 224, 224, generator=generator) * 255 - mean
        expected = run_graph(graph, image).flatten(1)
        actual = model.avgpool(model.layer4(features_to_layer3(model, image))).flatten(1)
        differences["224x224 whole network"] = (expected - actual).abs().max().item() / expected.abs().max().item()
        crops = torch.rand(4, 3, 32, 64, generator=generator) * 255 - mean
        expected = run_graph(graph, crops, stop_at=layer3_output_name(graph))
        actual = features_to_layer3(model, crops)
        assert expected.shape == actual.shape == (4, 256, 2, 4), (expected.shape, actual.shape)
        differences["32x64 to layer3"] = (expected - actual).abs().max().item() / expected.abs().max().item()
    return differences


def main() -> None:
    onnx_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    model, graph = convert(onnx_path)
    differences = check(model, graph)
    for what, difference in differences.items():
        print(f"check {what}: max |graph - module| / max |graph| = {difference:.2e}")
        assert difference < TOLERANCE, f"{what}: conversion differs by {difference}"
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out)
    print(f"wrote {out} ({sum(p.numel() for p in model.parameters()):,} parameters)")


if __name__ == "__main__":
    main()
