"""Reads a TF.js layers-model folder (model.json + weights.bin) and dequantises its weights."""
import json
import os

import numpy as np

# Storage types TF.js quantises float32 weights into; anything else is refused.
_QUANTISED = {"uint8": np.uint8, "uint16": np.uint16}


def load_model_json(folder):
    with open(os.path.join(folder, "model.json"), encoding="utf-8") as f:
        return json.load(f)


def load_weights(folder, model_json):
    """Returns {"layer/param": float32 array}, dequantised as TF.js's io_utils.decodeWeights does."""
    groups = model_json["weightsManifest"]
    paths = [p for g in groups for p in g["paths"]]
    if paths != ["weights.bin"]:
        raise ValueError(f"expected one shard weights.bin (export_tfjs.cjs output), got {paths}")
    with open(os.path.join(folder, "weights.bin"), "rb") as f:
        data = f.read()

    weights, offset = {}, 0
    for spec in (w for g in groups for w in g["weights"]):
        name, shape, q = spec["name"], spec["shape"], spec.get("quantization")
        if spec["dtype"] != "float32" or q is None or q.get("dtype") not in _QUANTISED:
            raise ValueError(f"{name}: only float32 weights quantised to {list(_QUANTISED)} are supported, got {spec}")
        count = int(np.prod(shape, dtype=np.int64))
        stored = np.frombuffer(data, dtype=_QUANTISED[q["dtype"]], count=count, offset=offset)
        offset += stored.nbytes
        # TF.js computes v * scale + min in double precision, then stores it in a Float32Array.
        weights[name] = (stored.astype(np.float64) * q["scale"] + q["min"]).astype(np.float32).reshape(shape)
    if offset != len(data):
        raise ValueError(f"weights.bin has {len(data)} bytes but the manifest describes {offset}")
    return weights
