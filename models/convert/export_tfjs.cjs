// Turns nsfwjs's browserified model files into a plain TF.js layers-model folder
// (model.json + weights.bin) that build_onnx.py can read without a JavaScript engine.
//
// Usage: node export_tfjs.cjs <nsfwjs dist/models/mobilenet_v2 dir> <out dir>
'use strict';
const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error(`export_tfjs: ${message}`);
  process.exit(1);
}

// The package's name and version go into model.json so the ONNX sidecar can say where the
// weights came from; the model folder sits at <package>/dist/models/<name>.
function sourcePackage(modelDir) {
  for (let dir = modelDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version, license } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (name) return { package: name, version, license, path: path.relative(dir, modelDir) };
    }
  }
  fail(`no package.json with a name above ${modelDir}`);
}

const [modelDir, outDir] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!modelDir || !outDir) fail('usage: node export_tfjs.cjs <nsfwjs mobilenet_v2 dir> <out dir>');

const topologyFile = path.join(modelDir, 'model.min.js');
if (!fs.existsSync(topologyFile)) fail(`${topologyFile} not found`);
// Each .min.js is a UMD bundle whose CommonJS branch exports the value itself.
const { modelTopology, weightsManifest } = require(topologyFile);
if (!modelTopology || !Array.isArray(weightsManifest)) fail(`${topologyFile} has no modelTopology/weightsManifest`);

// nsfwjs maps shard path "group1-shard1of1" to the bundle "group1-shard1of1.min.js" and
// base64-decodes it; the shards of all groups are concatenated in manifest order.
const shards = weightsManifest.flatMap((group) => group.paths).map((shard) => {
  const file = path.join(modelDir, `${shard}.min.js`);
  if (!fs.existsSync(file)) fail(`weight shard ${file} not found`);
  const base64 = require(file);
  if (typeof base64 !== 'string') fail(`${file} does not export a base64 string`);
  return Buffer.from(base64, 'base64');
});
const weights = Buffer.concat(shards);

const modelJson = {
  format: 'layers-model',
  generatedBy: `keras v${modelTopology.keras_version}`,
  convertedBy: 'ImageToMusic export_tfjs.cjs',
  modelTopology,
  weightsManifest: [{ paths: ['weights.bin'], weights: weightsManifest.flatMap((group) => group.weights) }],
  userDefinedMetadata: { source: sourcePackage(modelDir) },
};

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'model.json'), JSON.stringify(modelJson));
fs.writeFileSync(path.join(outDir, 'weights.bin'), weights);
console.log(`export_tfjs: ${modelJson.weightsManifest[0].weights.length} tensors, ${weights.length} bytes → ${outDir}`);
