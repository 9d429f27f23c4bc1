// ONNX Runtime's side of bench_vs_onnxruntime.py: a Node.js process that keeps its inference
// sessions warm while the Python script interleaves it with the engine and PyTorch. One JSON
// request per line on stdin, one JSON reply per line on stdout:
//   {"op": "load", "model": PATH, "threads": T, "key": K}   an InferenceSession with T intra-op
//                                                           threads (ORT's defaults otherwise:
//                                                           all graph optimisations, sequential
//                                                           execution, spinning worker threads)
//   {"op": "logits", "key": K, "input": PATH}               logits for a raw little-endian
//                                                           float32 input (the model's shape)
//   {"op": "time", "key": K, "input": PATH, "warmup": W, "iters": N}
//                                                           per-iteration wall times in ms
//   {"op": "version"}
// onnxruntime-node is found through NODE_PATH (the script installs it into a cache folder).
'use strict';

const fs = require('fs');
const readline = require('readline');
const ort = require('onnxruntime-node');

const sessions = new Map();  // key -> {session, inputName, outputName, dims}

function inputTensor(entry, path) {
    const bytes = fs.readFileSync(path);
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    const expected = entry.dims.reduce((a, b) => a * b, 1);
    if (floats.length !== expected)
        throw new Error(`${path}: ${floats.length} floats, the model takes ${expected}`);
    return new ort.Tensor('float32', Float32Array.from(floats), entry.dims);
}

async function handle(request) {
    switch (request.op) {
        case 'version':
            return {version: require('onnxruntime-node/package.json').version};
        case 'load': {
            const session = await ort.InferenceSession.create(request.model, {
                intraOpNumThreads: request.threads,
                interOpNumThreads: 1,
                executionMode: 'sequential',
                graphOptimizationLevel: 'all',
            });
            const dims = request.dims;
            sessions.set(request.key, {
                session,
                inputName: session.inputNames[0],
                outputName: session.outputNames[0],
                dims,
            });
            return {ok: true};
        }
        case 'logits': {
            const entry = sessions.get(request.key);
            const feeds = {[entry.inputName]: inputTensor(entry, request.input)};
            const out = await entry.session.run(feeds);
            return {logits: Array.from(out[entry.outputName].data)};
        }
        case 'time': {
            const entry = sessions.get(request.key);
            const feeds = {[entry.inputName]: inputTensor(entry, request.input)};
            for (let i = 0; i < request.warmup; ++i) await entry.session.run(feeds);
            const times = [];
            for (let i = 0; i < request.iters; ++i) {
                const start = process.hrtime.bigint();
                await entry.session.run(feeds);
                times.push(Number(process.hrtime.bigint() - start) / 1e6);
            }
            return {times};
        }
        default:
            throw new Error(`unknown op ${JSON.stringify(request.op)}`);
    }
}

const lines = readline.createInterface({input: process.stdin});
let queue = Promise.resolve();
lines.on('line', (line) => {
    queue = queue.then(async () => {
        let reply;
        try {
            reply = await handle(JSON.parse(line));
        } catch (e) {
            reply = {error: String(e && e.message ? e.message : e)};
        }
        process.stdout.write(JSON.stringify(reply) + '\n');
    });
});
