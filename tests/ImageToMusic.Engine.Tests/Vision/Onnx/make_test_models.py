"""Writes the small ONNX models the OnnxSession tests run: python3 make_test_models.py OUT_DIR.
Weights are exact in float32 (small multiples of 1/4) so the tests can assert results exactly."""
import sys, os
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
OPSET = [helper.make_opsetid("", 13)]

def save(graph, name):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="imagetomusic-tests")
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name))

def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)

# linear.onnx: y = MatMul(x, W) + b, x [batch, 3] -> y [batch, 2]
W = np.array([[0.5, -1.0], [2.0, 0.25], [-1.5, 3.0]], dtype=np.float32)
b = np.array([0.25, -2.0], dtype=np.float32)
save(helper.make_graph(
    [helper.make_node("MatMul", ["x", "W"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["y"])],
    "linear", [f32("x", ["batch", 3])], [f32("y", ["batch", 2])],
    [numpy_helper.from_array(W, "W"), numpy_helper.from_array(b, "b")]), "linear.onnx")

# two_outputs.onnx: doubled = x * 2 [batch, 4]; sum = ReduceSum(x, axis 1, keepdims) [batch, 1]
save(helper.make_graph(
    [helper.make_node("Mul", ["x", "two"], ["doubled"]),
     helper.make_node("ReduceSum", ["x", "axes"], ["sum"], keepdims=1)],
    "two_outputs", [f32("x", ["batch", 4])], [f32("doubled", ["batch", 4]), f32("sum", ["batch", 1])],
    [numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two"),
     numpy_helper.from_array(np.array([1], dtype=np.int64), "axes")]), "two_outputs.onnx")

# mixed_types.onnx: scores = x + 0 (float) and best = ArgMax(x, axis 1) (int64)
save(helper.make_graph(
    [helper.make_node("Add", ["x", "zero"], ["scores"]),
     helper.make_node("ArgMax", ["x"], ["best"], axis=1, keepdims=0)],
    "mixed_types", [f32("x", ["batch", 4])],
    [f32("scores", ["batch", 4]), helper.make_tensor_value_info("best", TensorProto.INT64, ["batch"])],
    [numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero")]), "mixed_types.onnx")

# wide.onnx (leak tests): y = MatMul(x, I/4 + 1/8) with x [batch, 256]; a 256 KB weight and a 256 KB output at batch 256
Wide = (np.eye(256, dtype=np.float32) * 0.25 + 0.125).astype(np.float32)
save(helper.make_graph(
    [helper.make_node("MatMul", ["x", "W"], ["y"])],
    "wide", [f32("x", ["batch", 256])], [f32("y", ["batch", 256])],
    [numpy_helper.from_array(Wide, "W")]), "wide.onnx")
