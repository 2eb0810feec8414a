// The conversion check's ground truth: runs nsfwjs's ORIGINAL MobileNetV2 files in TensorFlow.js
// (pure-JS CPU backend) and writes the same named outputs as models/mobilenet_v2_features.onnx.
// It reads nsfwjs's files itself and shares no code with models/convert, so a converter bug
// cannot hide in both.
//
// Usage: node reference_forward.cjs <nsfwjs mobilenet_v2 dir> <input.f32> <n> <out.json>
//   input.f32: raw little-endian float32 NHWC [n,224,224,3], RGB in [0,1]
//   out.json:  {outputName: [[...image 0...], [...image 1...], ...]}
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const SIZE = 224;
const BLOCKS = 16;

function fail(message) {
  console.error(`reference_forward: ${message}`);
  process.exit(1);
}

// Same spec as build_onnx.py's feature_layers, written out independently.
function outputLayers(layerNames) {
  const has = new Set(layerNames);
  const spec = [];
  for (let b = 1; b <= BLOCKS; b++) spec.push([`pool_expand_${b}`, `block_${b}_expand_relu`]);
  spec.push(['pool_block_0', 'expanded_conv_project_BN']);
  for (let b = 1; b <= BLOCKS; b++) {
    spec.push([`pool_block_${b}`, has.has(`block_${b}_add`) ? `block_${b}_add` : `block_${b}_project_BN`]);
  }
  spec.push(['pool_final', 'out_relu']);
  return spec;
}

// As nsfwjs's JSONHandler does: the manifest names shard "x", whose bundle "x.min.js" exports base64.
async function loadOriginal(modelDir) {
  const { modelTopology, weightsManifest } = require(path.join(modelDir, 'model.min.js'));
  const shards = weightsManifest.flatMap((g) => g.paths)
    .map((p) => Buffer.from(require(path.join(modelDir, `${p}.min.js`)), 'base64'));
  const bytes = Buffer.concat(shards);
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const weightSpecs = weightsManifest.flatMap((g) => g.weights);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
}

async function main() {
  const [modelDir, inputFile, countArg, outFile] = process.argv.slice(2);
  if (!outFile) fail('usage: node reference_forward.cjs <nsfwjs mobilenet_v2 dir> <input.f32> <n> <out.json>');
  const n = Number(countArg);
  const raw = fs.readFileSync(inputFile);
  const perImage = SIZE * SIZE * 3;
  if (!Number.isInteger(n) || n < 1 || raw.length !== n * perImage * 4) {
    fail(`${inputFile} has ${raw.length} bytes; ${n} images of ${SIZE}x${SIZE}x3 float32 need ${n * perImage * 4}`);
  }
  const pixels = new Float32Array(perImage * n);
  for (let i = 0; i < pixels.length; i++) pixels[i] = raw.readFloatLE(i * 4);

  await tf.setBackend('cpu');
  const model = await loadOriginal(modelDir);
  const spec = outputLayers(model.layers.map((l) => l.name));
  spec.push(['nsfw_probs', null]);
  const multi = tf.model({
    inputs: model.inputs,
    outputs: spec.map(([, layer]) => (layer ? model.getLayer(layer).output : model.outputs[0])),
  });

  const result = Object.fromEntries(spec.map(([name]) => [name, []]));
  for (let i = 0; i < n; i++) {
    // One image at a time keeps the early, large activations from piling up for big n.
    const values = tf.tidy(() => {
      const image = tf.tensor4d(pixels.subarray(i * perImage, (i + 1) * perImage), [1, SIZE, SIZE, 3]);
      return multi.predict(image).map((t) => (t.rank === 4 ? t.mean([1, 2]) : t).dataSync());
    });
    spec.forEach(([name], k) => result[name].push(Array.from(values[k])));
  }
  fs.writeFileSync(outFile, JSON.stringify(result));
}

main().catch((e) => fail(e.stack || String(e)));
