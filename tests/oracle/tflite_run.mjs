// Runs a .tflite model with Google's LiteRT.js on raw float32 inputs and writes raw float32
// outputs: the reference our converted ONNX models are compared against.
//   node tests/oracle/tflite_run.mjs --model M.tflite --input IN0.f32 [--input IN1.f32 ...] --outdir DIR
//   node tests/oracle/tflite_run.mjs --model M.tflite --outdir DIR      (writes DIR/inputs.json only)
//   node tests/oracle/tflite_run.mjs --model M.tflite --batch RUNS.json (one load, many runs)
// Inputs: little-endian float32 in the model's own layout (NHWC), in the model's input order.
// Outputs: DIR/out<i>.f32 per output tensor in the model's output order, and DIR/outputs.json
// {"inputs": [{"name","shape","dtype"}], "outputs": [...]} with the TFLite tensor names.
// RUNS.json: {"runs": [{"inputs": ["a.f32", ...], "outdir": "DIR"}, ...]}, paths relative to cwd.
// On any error: exit status 1 and one line on stderr.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compileModel, loadRuntime, OracleError, tensorDetails } from "./litert_node.mjs";

const USAGE =
  "usage: node tests/oracle/tflite_run.mjs --model M.tflite [--input IN.f32 ...] --outdir DIR | --batch RUNS.json";

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        model: { type: "string" },
        input: { type: "string", multiple: true, default: [] },
        outdir: { type: "string" },
        batch: { type: "string" },
      },
    });
  } catch (error) {
    throw new OracleError(`${error.message}; ${USAGE}`);
  }
  const { model, input, outdir, batch } = parsed.values;
  if (!model) throw new OracleError(`--model is required; ${USAGE}`);
  if (Boolean(outdir) === Boolean(batch)) throw new OracleError(`give exactly one of --outdir or --batch; ${USAGE}`);
  if (batch && input.length > 0) throw new OracleError(`--input goes inside the --batch file, not beside it; ${USAGE}`);
  return { model, runs: batch ? readBatchFile(batch) : [{ inputs: input, outdir }] };
}

function readBatchFile(path) {
  if (!existsSync(path)) throw new OracleError(`batch file not found: ${path}`);
  let runs;
  try {
    runs = JSON.parse(readFileSync(path, "utf8")).runs;
  } catch (error) {
    throw new OracleError(`batch file ${path} is not valid JSON: ${error.message}`);
  }
  const valid = (run) => run && Array.isArray(run.inputs) && run.inputs.length > 0 && typeof run.outdir === "string";
  if (!Array.isArray(runs) || !runs.every(valid)) {
    throw new OracleError(`batch file ${path} must be {"runs": [{"inputs": ["a.f32", ...], "outdir": "DIR"}, ...]}`);
  }
  return runs;
}

function elementCount(shape) {
  return shape.reduce((count, dim) => count * dim, 1);
}

function readInput(path, detail, index) {
  if (detail.dtype !== "float32") {
    throw new OracleError(`input ${index} (${detail.name}) is ${detail.dtype}; only float32 inputs are supported`);
  }
  if (!existsSync(path)) throw new OracleError(`input file not found: ${path}`);
  const expected = elementCount(detail.shape) * 4;
  const actual = statSync(path).size;
  if (actual !== expected) {
    throw new OracleError(
      `input ${index} (${detail.name}) ${path} has ${actual} bytes; shape [${detail.shape}] float32 needs ${expected}`,
    );
  }
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function toFloat32(values) {
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

async function runOnce(litert, model, inputFiles) {
  const details = model.getInputDetails();
  if (inputFiles.length !== details.length) {
    throw new OracleError(`model has ${details.length} inputs but ${inputFiles.length} --input files were given`);
  }
  const tensors = inputFiles.map((file, i) => new litert.Tensor(readInput(file, details[i], i), details[i].shape));
  try {
    const outputs = await model.run(tensors);
    const values = outputs.map((tensor) => toFloat32(tensor.toTypedArray()));
    outputs.forEach((tensor) => tensor.delete());
    return values;
  } finally {
    tensors.forEach((tensor) => tensor.delete());
  }
}

function writeOutputs(outdir, values, signature) {
  mkdirSync(outdir, { recursive: true });
  values.forEach((array, i) => {
    writeFileSync(join(outdir, `out${i}.f32`), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  });
  writeFileSync(join(outdir, "outputs.json"), JSON.stringify(signature, null, 2) + "\n");
}

async function main() {
  const { model: modelPath, runs } = parseCommandLine(process.argv.slice(2));
  const litert = await loadRuntime();
  const model = await compileModel(litert, modelPath);
  const signature = { inputs: tensorDetails(model.getInputDetails()), outputs: tensorDetails(model.getOutputDetails()) };
  if (runs.length === 1 && runs[0].inputs.length === 0) {
    mkdirSync(runs[0].outdir, { recursive: true });
    writeFileSync(join(runs[0].outdir, "inputs.json"), JSON.stringify(signature, null, 2) + "\n");
    return;
  }
  for (const run of runs) {
    const start = performance.now();
    const values = await runOnce(litert, model, run.inputs);
    writeOutputs(run.outdir, values, signature);
    console.log(`${run.outdir}: ${values.length} outputs in ${(performance.now() - start).toFixed(1)} ms`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    const message = String(error?.message ?? error).split("\n")[0];
    process.stderr.write(`tflite_run: ${message}\n`);
    process.exit(1);
  },
);
