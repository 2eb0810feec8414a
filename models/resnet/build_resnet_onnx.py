"""Merges ML.NET's ResNet18 package graphs into the one backbone the engine runs.

    python3 build_resnet_onnx.py ResNetPreprocess.onnx ResNet18.onnx OUT.onnx [SIZE]

Microsoft.ML.DnnImageFeaturizer.ResNet18 ships two ONNX graphs (opset 8, CNTK export, batch fixed at 1):
ResNetPreprocess turns planar RGB 0-255 into BGR minus a per-pixel ImageNet mean image, and ResNet18 maps that
to a 512-d pooled feature. The merged graph takes planar RGB 0-255 with a dynamic batch dimension and returns
globally average-pooled activations at the end of three stages, each flattened to [batch, channels]:

    pool_layer2  [batch, 128]   end of the second stage (mid-level texture and pattern)
    pool_layer3  [batch, 256]   end of the third stage (parts, materials)
    pool_final   [batch, 512]   the package's own pooled output (objects, scenes)

SIZE (default 224, the package's own) is the square input side. The network is fully convolutional up to its
last pooling, so another size needs two changes, both exact at 224: the 224x224 mean image is resampled to SIZE by
area averaging, and the package's fixed 7x7 AveragePool becomes a GlobalAveragePool. Otherwise nothing is retrained
or approximated: the nodes and weights are the package's, rewired.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

INPUT = "input"
# The stage-ending ReLUs (after each residual Add) in the CNTK export, found by walking its Add -> Relu pairs;
# the last stage ends in ReLU393, which the package's own 7x7 AveragePool reads.
TAPS = {"pool_layer2": ("ReLU315_Output_0", 128), "pool_layer3": ("ReLU347_Output_0", 256)}
FINAL = ("Pooling395_Output_0", 512)
MEAN_IMAGE = "MeanImage"
PACKAGE_SIZE = 224


def main(prep_path, resnet_path, out_path, size=PACKAGE_SIZE):
    prep, resnet = onnx.load(prep_path), onnx.load(resnet_path)
    prep_in = only_input(prep.graph)
    prep_out = prep.graph.output[0].name
    resnet_in = only_input(resnet.graph)
    produced = {o for n in resnet.graph.node for o in n.output}
    for name, _ in [*TAPS.values(), FINAL]:
        if name not in produced:
            sys.exit(f"{resnet_path} has no tensor {name}: not the ResNet18 graph this script was written for")

    nodes = []
    for node in prep.graph.node:
        nodes.append(rewired(node, {prep_in: INPUT}))
    for node in resnet.graph.node:
        if FINAL[0] in node.output:
            if node.op_type != "AveragePool":
                sys.exit(f"{FINAL[0]} comes from {node.op_type}, expected the package's AveragePool")
            nodes.append(helper.make_node("GlobalAveragePool", list(node.input), [FINAL[0]], name=node.name))
        else:
            nodes.append(rewired(node, {resnet_in: prep_out}))
    outputs = []
    for name, (tensor, channels) in TAPS.items():
        nodes.append(helper.make_node("GlobalAveragePool", [tensor], [name + "_nchw"]))
        nodes.append(helper.make_node("Flatten", [name + "_nchw"], [name], axis=1))
        outputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", channels]))
    nodes.append(helper.make_node("Flatten", [FINAL[0]], ["pool_final"], axis=1))
    outputs.append(helper.make_tensor_value_info("pool_final", TensorProto.FLOAT, ["batch", FINAL[1]]))

    graph = helper.make_graph(
        nodes, "resnet18_features",
        [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["batch", 3, size, size])],
        outputs,
        initializer=[*(resized_mean(i, size) for i in prep.graph.initializer), *resnet.graph.initializer])
    # The packages' value_info pins every intermediate to batch 1; without it ONNX Runtime infers shapes per run.
    # The IR version is helper's default, not the packages' 3, under which weights would also have to be inputs.
    model = helper.make_model(graph, producer_name="imagetomusic models/resnet/build_resnet_onnx.py",
                              opset_imports=[helper.make_opsetid("", max(o.version for o in resnet.opset_import if o.domain in ("", "ai.onnx")))])
    onnx.checker.check_model(model)
    onnx.save(model, out_path)


def resized_mean(initializer, size):
    if initializer.name != MEAN_IMAGE or size == PACKAGE_SIZE:
        return initializer
    mean = numpy_helper.to_array(initializer)
    if mean.shape != (1, 3, PACKAGE_SIZE, PACKAGE_SIZE):
        sys.exit(f"{MEAN_IMAGE} has shape {mean.shape}, expected (1, 3, {PACKAGE_SIZE}, {PACKAGE_SIZE})")
    weights = area_weights(PACKAGE_SIZE, size)
    resized = np.einsum("yi,ncij,xj->ncyx", weights, mean.astype(np.float64), weights).astype(np.float32)
    return numpy_helper.from_array(resized, MEAN_IMAGE)


def area_weights(source, target):
    """Rows: each target pixel's overlap with the source pixels, as fractions summing to 1."""
    weights = np.zeros((target, source))
    scale = source / target
    for t in range(target):
        start, end = t * scale, (t + 1) * scale
        for s in range(int(start), min(source, int(np.ceil(end)))):
            weights[t, s] = min(end, s + 1) - max(start, s)
    return weights / weights.sum(axis=1, keepdims=True)


def only_input(graph):
    weights = {i.name for i in graph.initializer}
    inputs = [i.name for i in graph.input if i.name not in weights]
    if len(inputs) != 1:
        sys.exit(f"expected one input, found {inputs}")
    return inputs[0]


def rewired(node, renames):
    copy = onnx.NodeProto()
    copy.CopyFrom(node)
    for i, name in enumerate(copy.input):
        copy.input[i] = renames.get(name, name)
    return copy


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:4], *(int(a) for a in sys.argv[4:]))
