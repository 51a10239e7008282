"""ONNX export of the spot classifier, ONNX metadata, and a structural check of the file.

There is no `onnx` or `onnxruntime` Python package here, so metadata is appended to the
serialised ModelProto by hand (protobuf allows fields in any order), and the check walks
the protobuf wire format to read back input/output names, shapes and metadata.
"""
from pathlib import Path

import torch

from model import WithSoftmax

OPSET = 13
INPUT_NAME, OUTPUT_NAME = "crops", "probabilities"

# ModelProto / GraphProto / ValueInfoProto field numbers (onnx.proto3)
MODEL_GRAPH, MODEL_METADATA_PROPS = 7, 14
GRAPH_INPUT, GRAPH_OUTPUT, GRAPH_INITIALIZER = 11, 12, 5
VALUE_INFO_NAME, VALUE_INFO_TYPE = 1, 2
TYPE_TENSOR, TENSOR_SHAPE, SHAPE_DIM, DIM_VALUE, DIM_PARAM = 1, 2, 1, 1, 2


def export_onnx(classifier: torch.nn.Module, path: Path, width: int, height: int, metadata: dict) -> None:
    """Export `crops` [N,3,H,W] float32 BGR 0..255 -> `probabilities` [N,2], dynamic N."""
    exported = WithSoftmax(classifier).eval()
    example = torch.full((1, 3, height, width), 128.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        exported, example, str(path), opset_version=OPSET,
        input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
        dynamic_axes={INPUT_NAME: {0: "N"}, OUTPUT_NAME: {0: "N"}},
        do_constant_folding=True,
    )
    append_metadata(path, metadata)


# --- protobuf wire format -------------------------------------------------------------

def encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def encode_bytes_field(field: int, payload: bytes) -> bytes:
    return encode_varint(field << 3 | 2) + encode_varint(len(payload)) + payload


def append_metadata(path: Path, metadata: dict) -> None:
    """Append ModelProto.metadata_props entries (StringStringEntryProto: key=1, value=2)."""
    extra = b"".join(
        encode_bytes_field(MODEL_METADATA_PROPS,
                           encode_bytes_field(1, str(k).encode()) + encode_bytes_field(2, str(v).encode()))
        for k, v in metadata.items())
    with open(path, "ab") as f:
        f.write(extra)


def decode_varint(data: bytes, pos: int):
    result, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def parse_fields(data: bytes) -> list:
    """Top-level (field number, value) pairs of one message; length-delimited values as bytes."""
    fields, pos = [], 0
    while pos < len(data):
        tag, pos = decode_varint(data, pos)
        field, wire_type = tag >> 3, tag & 7
        if wire_type == 0:
            value, pos = decode_varint(data, pos)
        elif wire_type == 2:
            length, pos = decode_varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire_type == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire_type == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"unsupported wire type {wire_type}")
        fields.append((field, value))
    return fields


def first(fields: list, number: int):
    return next(value for field, value in fields if field == number)


def describe_value_info(value_info: bytes):
    """(name, [dims]) of a graph input/output; a dim is an int or a symbolic name."""
    fields = parse_fields(value_info)
    shape = parse_fields(first(parse_fields(first(parse_fields(first(fields, VALUE_INFO_TYPE)), TYPE_TENSOR)), TENSOR_SHAPE))
    dims = []
    for field, dim in shape:
        if field == SHAPE_DIM:
            dim_fields = dict(parse_fields(dim))
            dims.append(dim_fields.get(DIM_VALUE, dim_fields.get(DIM_PARAM, b"?").decode()))
    return first(fields, VALUE_INFO_NAME).decode(), dims


def inspect_onnx(path: Path) -> dict:
    """Read back graph inputs (minus initialisers), outputs, metadata and the file size."""
    model = parse_fields(Path(path).read_bytes())
    graph = parse_fields(first(model, MODEL_GRAPH))
    initialisers = {first(parse_fields(v), 8).decode() for f, v in graph if f == GRAPH_INITIALIZER}
    inputs = [describe_value_info(v) for f, v in graph if f == GRAPH_INPUT]
    metadata = {}
    for field, entry in model:
        if field == MODEL_METADATA_PROPS:
            entry_fields = dict(parse_fields(entry))
            metadata[entry_fields[1].decode()] = entry_fields[2].decode()
    return {
        "inputs": [i for i in inputs if i[0] not in initialisers],
        "outputs": [describe_value_info(v) for f, v in graph if f == GRAPH_OUTPUT],
        "metadata": metadata,
        "bytes": Path(path).stat().st_size,
    }


def check_export(classifier: torch.nn.Module, path: Path, width: int, height: int, sample: torch.Tensor) -> dict:
    """Check names, shapes, size, and that the traced graph computes what the module computes."""
    info = inspect_onnx(path)
    assert info["inputs"] == [(INPUT_NAME, ["N", 3, height, width])], info["inputs"]
    assert info["outputs"] == [(OUTPUT_NAME, ["N", 2])], info["outputs"]
    assert info["bytes"] < 1_000_000, f"model too large: {info['bytes']} bytes"
    exported = WithSoftmax(classifier).eval()
    with torch.no_grad():
        traced = torch.jit.trace(exported, sample[:1])
        difference = (traced(sample) - exported(sample)).abs().max().item()
    assert difference < 1e-5, f"traced graph differs by {difference}"
    info["max_trace_difference"] = difference
    return info
