"""Builds models/mobilenet_v2_features.onnx from nsfwjs's MobileNetV2 (exported by export_tfjs.cjs).

The ONNX graph is the whole Keras model plus one global average pool per chosen depth, so the
engine can read mood cues from low-level (texture, colour) to high-level (object) features.

Usage: python3 build_onnx.py <folder with model.json + weights.bin> <out.onnx>
Writes <out>.json beside the model: the input contract and each output's name and dims.
"""
import json
import os
import sys

import onnx
from onnx import helper, TensorProto

from keras_onnx import KerasToOnnx
from tfjs_weights import load_model_json, load_weights

INPUT_NAME = "input"
OPSET = 13  # everything used exists since 13; onnx 1.12 and any recent ONNX Runtime read it
BLOCKS = 16  # MobileNetV2 has blocks 0..16; block 0 has no expansion layer


def feature_layers(layer_names):
    """(output name, Keras layer) pairs whose outputs are pooled; the layer names are Keras's
    MobileNetV2 names, and a block's output is its residual sum when it has one."""
    pairs = [(f"pool_expand_{b}", f"block_{b}_expand_relu") for b in range(1, BLOCKS + 1)]
    pairs.append(("pool_block_0", "expanded_conv_project_BN"))
    for b in range(1, BLOCKS + 1):
        add = f"block_{b}_add"
        pairs.append((f"pool_block_{b}", add if add in layer_names else f"block_{b}_project_BN"))
    pairs.append(("pool_final", "out_relu"))
    missing = [layer for _, layer in pairs if layer not in layer_names]
    if missing:
        raise ValueError(f"not a Keras MobileNetV2 topology: layers {missing} are absent")
    return pairs


def build(folder, out_path):
    model_json = load_model_json(folder)
    model_config = model_json["modelTopology"]["model_config"]
    converter = KerasToOnnx(load_weights(folder, model_json))
    converter.convert(model_config, INPUT_NAME)

    outputs, described = [], []

    def expose(output_name, tensor, dims, layer, reduction):
        converter.nodes.append(tensor)
        outputs.append(helper.make_tensor_value_info(output_name, TensorProto.FLOAT, ["N", *dims]))
        described.append({"name": output_name, "dims": ["N", *dims], "layer": layer, "reduction": reduction})

    for output_name, layer in feature_layers(converter.tensors):
        tensor, (_, _, channels) = converter.tensors[layer]
        expose(output_name, helper.make_node("ReduceMean", [tensor], [output_name], name=output_name,
                                             axes=[2, 3], keepdims=0), [channels], layer, "mean over H, W")
    [[head, _, _]] = model_config["config"]["output_layers"]
    tensor, (classes,) = converter.tensors[head]
    expose("nsfw_probs", helper.make_node("Identity", [tensor], ["nsfw_probs"], name="nsfw_probs"),
           [classes], head, "none (softmax output of the original model)")

    source = model_json["userDefinedMetadata"]["source"]
    graph = helper.make_graph(converter.nodes, "mobilenet_v2_features", converter.inputs, outputs,
                              converter.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="ImageToMusic build_onnx.py",
                              doc_string=f"MobileNetV2 from {source['package']}@{source['version']} "
                                         f"{source['path']}, pooled features at several depths")
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, out_path)

    sidecar = {
        "model": os.path.basename(out_path),
        "source": source,
        "architecture": f"Keras {model_json['modelTopology']['keras_version']} MobileNetV2 1.0/224; "
                        "blocks 11-16 and the head fine-tuned by nsfwjs on 5 content classes",
        "opset": OPSET,
        "input": {
            "name": INPUT_NAME, "dtype": "float32", "dims": ["N", 224, 224, 3], "layout": "NHWC",
            "colour": "RGB", "range": [0, 1],
            "normalisation": "8-bit sample / 255, no mean or std; nsfwjs resizes to 224x224 bilinearly",
        },
        "outputs": described,
        "nsfw_classes": ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"],
    }
    with open(os.path.splitext(out_path)[0] + ".json", "w", encoding="utf-8") as f:
        json.dump(sidecar, f, indent=2)
    print(f"build_onnx: {len(converter.nodes)} nodes, {len(outputs)} outputs -> {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build_onnx.py <tfjs model folder> <out.onnx>")
    build(sys.argv[1], sys.argv[2])
