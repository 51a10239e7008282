"""ONNX export of a spot classifier (two outputs: calibrated probabilities and the embedding),
its metadata, and a check of the written file with Debian's `python3-onnx`."""
from pathlib import Path

import onnx
import torch

from model import Exported

OPSET = 13
INPUT_NAME, PROBABILITIES, EMBEDDING = "crops", "probabilities", "embedding"
MAX_BYTES = 20_000_000


def export_onnx(classifier: torch.nn.Module, path: Path, width: int, height: int, metadata: dict,
                temperature: float = 1.0) -> None:
    """Export `crops` [N,3,H,W] float32 BGR 0..255 -> `probabilities` [N,2] (softmax of logits /
    temperature) and `embedding` [N,D], dynamic N; `metadata` goes into the model's metadata_props."""
    exported = Exported(classifier, temperature).eval()
    example = torch.full((1, 3, height, width), 128.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        exported, example, str(path), opset_version=OPSET,
        input_names=[INPUT_NAME], output_names=[PROBABILITIES, EMBEDDING],
        dynamic_axes={INPUT_NAME: {0: "N"}, PROBABILITIES: {0: "N"}, EMBEDDING: {0: "N"}},
        do_constant_folding=True,
    )
    model = onnx.load(str(path))
    onnx.helper.set_model_props(model, {str(k): str(v) for k, v in metadata.items()})
    onnx.save(model, str(path))


def dims(value_info) -> list:
    return [d.dim_value if d.HasField("dim_value") else d.dim_param for d in value_info.type.tensor_type.shape.dim]


def inspect_onnx(path: Path) -> dict:
    """Graph inputs (minus initialisers), outputs, metadata and the file size."""
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    initialisers = {i.name for i in model.graph.initializer}
    return {
        "inputs": [(i.name, dims(i)) for i in model.graph.input if i.name not in initialisers],
        "outputs": [(o.name, dims(o)) for o in model.graph.output],
        "metadata": {p.key: p.value for p in model.metadata_props},
        "bytes": Path(path).stat().st_size,
    }


def check_export(classifier: torch.nn.Module, path: Path, width: int, height: int, sample: torch.Tensor,
                 temperature: float = 1.0) -> dict:
    """Names, shapes and size of the file, and that the traced graph computes what the module computes."""
    info = inspect_onnx(path)
    exported = Exported(classifier, temperature).eval()
    with torch.no_grad():
        embedding_width = exported(sample[:1])[1].shape[1]
        assert info["inputs"] == [(INPUT_NAME, ["N", 3, height, width])], info["inputs"]
        assert info["outputs"] == [(PROBABILITIES, ["N", 2]), (EMBEDDING, ["N", embedding_width])], info["outputs"]
        assert embedding_width <= 256, f"embedding too wide: {embedding_width}"
        assert info["bytes"] < MAX_BYTES, f"model too large: {info['bytes']} bytes"
        traced = torch.jit.trace(exported, sample[:1])
        difference = max((t - e).abs().max().item() for t, e in zip(traced(sample), exported(sample)))
    assert difference < 1e-4, f"traced graph differs by {difference}"
    info["max_trace_difference"] = difference
    return info
