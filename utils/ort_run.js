#!/usr/bin/env node
// Runs an ONNX model on ONNX Runtime (CPU, onnxruntime-node) as the
// reference for the emulator: reads every input from an .npy file and
// writes DIR/<output name>.npy for every graph output.
//
//   node utils/ort_run.js MODEL.onnx --input NAME=FILE.npy... --output-dir DIR
//
// onnxruntime-node is installed by scripts/setup-ort.sh into
// third_party/onnxruntime (or found through NODE_PATH).
'use strict';
const fs = require('fs');
const path = require('path');

function loadOrt() {
  const local = path.join(__dirname, '..', 'third_party', 'onnxruntime',
                          'node_modules', 'onnxruntime-node');
  try {
    return require(local);
  } catch (e) {
    return require('onnxruntime-node');
  }
}

// numpy dtype descr -> [ort type, TypedArray, element size]
const DTYPES = {
  '<f4': ['float32', Float32Array, 4],
  '<f2': ['float16', Uint16Array, 2],
  '<f8': ['float64', Float64Array, 8],
  '<i8': ['int64', BigInt64Array, 8],
  '<i4': ['int32', Int32Array, 4],
  '|b1': ['bool', Uint8Array, 1],
};

function readNpy(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 10 || buf.toString('latin1', 0, 6) !== '\x93NUMPY')
    throw new Error(`${file}: not an .npy file`);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header);
  const order = /'fortran_order':\s*(True|False)/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !order || !shape)
    throw new Error(`${file}: malformed .npy header`);
  if (order[1] === 'True')
    throw new Error(`${file}: Fortran-order arrays are not supported`);
  const type = DTYPES[descr[1]];
  if (!type) throw new Error(`${file}: unsupported dtype ${descr[1]}`);
  const dims = shape[1].split(',').map(s => s.trim()).filter(s => s.length)
                   .map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const offset = start + headerLen;
  if (buf.length - offset < count * type[2])
    throw new Error(`${file}: truncated data`);
  const bytes = buf.slice(offset, offset + count * type[2]);
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return {type: type[0], data: new type[1](copy), dims};
}

function writeNpy(file, tensor) {
  const entry = Object.entries(DTYPES).find(([, t]) => t[0] === tensor.type);
  if (!entry) throw new Error(`output type ${tensor.type} is not supported`);
  const dims = tensor.dims.join(', ') + (tensor.dims.length === 1 ? ',' : '');
  let header = `{'descr': '${entry[0]}', 'fortran_order': False, ` +
               `'shape': (${dims}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const data = Buffer.from(tensor.data.buffer, tensor.data.byteOffset,
                           tensor.data.byteLength);
  fs.writeFileSync(file,
                   Buffer.concat([head, Buffer.from(header, 'latin1'), data]));
}

async function main(argv) {
  const usage = 'usage: ort_run.js MODEL.onnx --input NAME=FILE.npy... ' +
                '--output-dir DIR';
  let model, outDir;
  const inputs = {};
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--input' && i + 1 < argv.length) {
      const eq = argv[++i].indexOf('=');
      if (eq <= 0) throw new Error(`bad --input '${argv[i]}': ${usage}`);
      inputs[argv[i].slice(0, eq)] = argv[i].slice(eq + 1);
    } else if (argv[i] === '--output-dir' && i + 1 < argv.length) {
      outDir = argv[++i];
    } else if (!model && !argv[i].startsWith('--')) {
      model = argv[i];
    } else {
      throw new Error(`unexpected argument '${argv[i]}': ${usage}`);
    }
  }
  if (!model || !outDir) throw new Error(usage);
  const ort = loadOrt();
  const session = await ort.InferenceSession.create(model);
  const feeds = {};
  for (const name of session.inputNames) {
    if (!(name in inputs))
      throw new Error(`${model}: no --input for graph input '${name}'`);
    const t = readNpy(inputs[name]);
    feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
  }
  const results = await session.run(feeds);
  fs.mkdirSync(outDir, {recursive: true});
  for (const name of session.outputNames)
    writeNpy(path.join(outDir, `${name}.npy`), results[name]);
}

main(process.argv.slice(2)).catch(e => {
  console.error(`ort_run.js: error: ${e.message}`);
  process.exit(1);
});
