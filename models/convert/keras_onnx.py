"""Converts a Keras functional model (TF.js topology + weights) into ONNX nodes.

The Keras graph is channels-last; ONNX convolutions are channels-first, so the image is
transposed once after the input and every 4-D tensor stays NCHW. Shapes are tracked in
Keras's order without the batch axis: (H, W, C) for images, (F,) for vectors.
"""
import numpy as np
from onnx import helper, numpy_helper, TensorProto


def _pair(value):
    return tuple(value) if isinstance(value, (list, tuple)) else (value, value)


def _padding_pairs(padding):
    """ZeroPadding2D's padding as ((top, bottom), (left, right)) from any of Keras's spellings."""
    if isinstance(padding, int):
        return (padding, padding), (padding, padding)
    return tuple(_pair(p) for p in padding)


def _conv_geometry(size, kernel, stride, dilation, padding):
    """(pad_before, pad_after, out_size) for one spatial axis, as TensorFlow computes them.
    'same' puts the odd pixel of padding after (bottom/right), unlike a symmetric split."""
    span = (kernel - 1) * dilation + 1
    if padding == "valid":
        return 0, 0, (size - span) // stride + 1
    if padding == "same":
        out = -(-size // stride)
        total = max((out - 1) * stride + span - size, 0)
        return total // 2, total - total // 2, out
    raise ValueError(f"unsupported padding {padding!r}")


class KerasToOnnx:
    def __init__(self, weights):
        self._weights = weights
        self._used = set()
        self.nodes, self.initializers, self.inputs = [], [], []
        self.tensors = {}  # Keras layer name -> (ONNX tensor name, Keras shape without batch)

    def convert(self, model_config, input_name):
        """Walks the layer list in order; each layer's inputs must already be converted."""
        self._input_name = input_name
        for layer in model_config["config"]["layers"]:
            cls, name, config = layer["class_name"], layer["name"], layer["config"]
            handler = getattr(self, "_layer_" + cls, None)
            if handler is None:
                raise NotImplementedError(f"layer {name}: class {cls} is not supported by keras_onnx.py")
            if config.get("data_format", "channels_last") != "channels_last":
                raise NotImplementedError(f"layer {name}: data_format {config['data_format']}")
            self.tensors[name] = handler(name, config, self._inbound(layer))
        unused = set(self._weights) - self._used
        if unused:
            raise ValueError(f"weights not consumed by any layer (topology misread?): {sorted(unused)}")

    def _inbound(self, layer):
        nodes = layer["inbound_nodes"]
        if len(nodes) > 1:
            raise NotImplementedError(f"layer {layer['name']} is shared (called {len(nodes)} times)")
        inbound = []
        for source, node_index, tensor_index, *_ in (nodes[0] if nodes else []):
            if (node_index, tensor_index) != (0, 0) or source not in self.tensors:
                raise ValueError(f"layer {layer['name']}: input {source}[{node_index}][{tensor_index}] "
                                 "is not an already converted single-output layer")
            inbound.append(self.tensors[source])
        return inbound

    # --- graph-building helpers ---

    def _param(self, layer, param):
        key = f"{layer}/{param}"
        if key not in self._weights:
            raise KeyError(f"weight {key} missing from the manifest")
        self._used.add(key)
        return self._weights[key]

    def _const(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def _node(self, op, inputs, output, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def _with_activation(self, name, activation, rank, op, inputs, **attrs):
        """Emits op followed by a Keras activation; the last node's output is the layer's tensor."""
        if activation == "linear":
            return self._node(op, inputs, name, **attrs)
        if activation == "relu":
            return self._node("Relu", [self._node(op, inputs, f"{name}/pre", **attrs)], name)
        if activation == "softmax" and rank == 1:
            return self._node("Softmax", [self._node(op, inputs, f"{name}/pre", **attrs)], name, axis=-1)
        raise NotImplementedError(f"layer {name}: activation {activation!r} on a rank-{rank} tensor")

    def _conv(self, name, config, x, shape, kernel_oihw, group):
        (h, w, _), (kh, kw) = shape, kernel_oihw.shape[2:]
        (sh, sw), (dh, dw) = _pair(config["strides"]), _pair(config["dilation_rate"])
        top, bottom, oh = _conv_geometry(h, kh, sh, dh, config["padding"])
        left, right, ow = _conv_geometry(w, kw, sw, dw, config["padding"])
        inputs = [x, self._const(f"{name}/W", kernel_oihw)]
        if config["use_bias"]:
            inputs.append(self._const(f"{name}/B", self._param(name, "bias")))
        out = self._with_activation(name, config["activation"], 3, "Conv", inputs, kernel_shape=[kh, kw],
                                    strides=[sh, sw], dilations=[dh, dw], pads=[top, left, bottom, right],
                                    group=group)
        return out, (oh, ow, kernel_oihw.shape[0])

    # --- _layer_<Keras class>(name, config, inbound) -> (tensor, shape), one per supported class ---

    def _layer_InputLayer(self, name, config, inbound):
        _, h, w, c = config["batch_input_shape"]
        self.inputs.append(helper.make_tensor_value_info(self._input_name, TensorProto.FLOAT, ["N", h, w, c]))
        return self._node("Transpose", [self._input_name], name, perm=[0, 3, 1, 2]), (h, w, c)

    def _layer_ZeroPadding2D(self, name, config, inbound):
        [(x, (h, w, c))] = inbound
        (top, bottom), (left, right) = _padding_pairs(config["padding"])
        pads = self._const(f"{name}/pads", np.array([0, 0, top, left, 0, 0, bottom, right], np.int64))
        return self._node("Pad", [x, pads], name), (h + top + bottom, w + left + right, c)

    def _layer_Conv2D(self, name, config, inbound):
        [(x, shape)] = inbound
        kernel = self._param(name, "kernel").transpose(3, 2, 0, 1)  # HWIO -> OIHW
        return self._conv(name, config, x, shape, kernel, group=1)

    def _layer_DepthwiseConv2D(self, name, config, inbound):
        [(x, shape)] = inbound
        kh, kw, c, m = (kernel := self._param(name, "depthwise_kernel")).shape
        # TF orders depthwise outputs channel-major (c * m + j); ONNX group conv does the same.
        kernel = kernel.reshape(kh, kw, c * m).transpose(2, 0, 1)[:, None, :, :]
        return self._conv(name, config, x, shape, kernel, group=c)

    def _layer_BatchNormalization(self, name, config, inbound):
        [(x, shape)] = inbound
        if config["axis"] not in (-1, len(shape)):
            raise NotImplementedError(f"layer {name}: BatchNormalization over axis {config['axis']}")
        channels = shape[-1]
        gamma = self._param(name, "gamma") if config["scale"] else np.ones(channels, np.float32)
        beta = self._param(name, "beta") if config["center"] else np.zeros(channels, np.float32)
        inputs = [x] + [self._const(f"{name}/{p}", v) for p, v in (
            ("gamma", gamma), ("beta", beta),
            ("mean", self._param(name, "moving_mean")), ("var", self._param(name, "moving_variance")))]
        return self._node("BatchNormalization", inputs, name, epsilon=config["epsilon"]), shape

    def _layer_ReLU(self, name, config, inbound):
        [(x, shape)] = inbound
        if config.get("negative_slope", 0) != 0 or config.get("threshold", 0) != 0:
            raise NotImplementedError(f"layer {name}: leaky or thresholded ReLU")
        if config.get("max_value") is None:
            return self._node("Relu", [x], name), shape
        bounds = [self._const(f"{name}/{k}", np.array(v, np.float32)) for k, v in
                  (("min", 0), ("max", config["max_value"]))]
        return self._node("Clip", [x, *bounds], name), shape

    def _layer_Add(self, name, config, inbound):
        (acc, shape), *rest = inbound
        for i, (x, other) in enumerate(rest):
            if other != shape:
                raise ValueError(f"layer {name}: adding shapes {shape} and {other}")
            acc = self._node("Add", [acc, x], name if i == len(rest) - 1 else f"{name}/{i}")
        return acc, shape

    def _layer_AveragePooling2D(self, name, config, inbound):
        [(x, (h, w, c))] = inbound
        if config["padding"] != "valid":
            raise NotImplementedError(f"layer {name}: pooling padding {config['padding']}")
        kh, kw = _pair(config["pool_size"])
        sh, sw = _pair(config["strides"] or config["pool_size"])
        out = self._node("AveragePool", [x], name, kernel_shape=[kh, kw], strides=[sh, sw])
        return out, ((h - kh) // sh + 1, (w - kw) // sw + 1, c)

    def _layer_Flatten(self, name, config, inbound):
        [(x, shape)] = inbound
        if len(shape) != 3:
            raise NotImplementedError(f"layer {name}: Flatten of a rank-{len(shape)} tensor")
        # Keras flattens in H, W, C order; go back to channels-last first.
        nhwc = self._node("Transpose", [x], f"{name}/nhwc", perm=[0, 2, 3, 1])
        return self._node("Flatten", [nhwc], name, axis=1), (int(np.prod(shape)),)

    def _layer_Dense(self, name, config, inbound):
        [(x, shape)] = inbound
        if len(shape) != 1:
            raise NotImplementedError(f"layer {name}: Dense on a rank-{len(shape)} tensor")
        kernel = self._param(name, "kernel")
        bias = self._param(name, "bias") if config["use_bias"] else np.zeros(kernel.shape[1], np.float32)
        inputs = [x, self._const(f"{name}/W", kernel), self._const(f"{name}/B", bias)]
        return self._with_activation(name, config["activation"], 1, "Gemm", inputs), (kernel.shape[1],)

    def _layer_Dropout(self, name, config, inbound):
        [tensor] = inbound
        return tensor  # inference: the identity, so the layer aliases its input
