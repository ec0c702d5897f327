// Loads Google's LiteRT.js (@litertjs/core, pinned in package.json) under Node from the
// cache folder that install.sh fills, pinned to the litert_wasm_compat_internal.js build
// (bit-stable run to run), and compiles .tflite files for the CPU (WebAssembly + XNNPACK).
// Gives: oracleDir(), loadRuntime(), compileModel(runtime, path), tensorDetails(list).
// Guarantees: errors are thrown as OracleError with one line a user can act on.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export class OracleError extends Error {}

const CORE_ENTRY = join("node_modules", "@litertjs", "core", "dist", "index.js");
const COMPAT_GLUE = join("node_modules", "@litertjs", "core", "wasm", "litert_wasm_compat_internal.js");
const KNOWN_NOISE = [
  /^INFO: /,
  /NPU accelerator could not be loaded/,
  /Failed to create default WebGPU device/,
  /Sparsity tensors/,
];

export function oracleDir() {
  const home = process.env.AVATAR_MIRROR_HOME || join(homedir(), ".cache", "avatar-mirror");
  return join(home, "oracle");
}

// The Emscripten glue targets browsers; in a worker it is loaded with importScripts().
// Evaluate it as CommonJS instead so it uses Node's fs to find its .wasm next to it.
function installBrowserShim() {
  globalThis.self = globalThis;
  globalThis.importScripts = (url) => {
    const file = url.startsWith("file:") ? fileURLToPath(url) : url;
    const module = { exports: {} };
    const body = new Function("module", "exports", "require", "__filename", "__dirname", readFileSync(file, "utf8"));
    body(module, module.exports, createRequire(file), file, dirname(file));
    globalThis.ModuleFactory = module.exports;
  };
}

function isKnownNoise(args) {
  const text = args.map(String).join(" ");
  return KNOWN_NOISE.some((pattern) => pattern.test(text));
}

// LiteRT.js reports harmless browser-only conditions on the console; keep real messages.
function silenceKnownNoise() {
  for (const level of ["warn", "error", "log", "info"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      if (!isKnownNoise(args)) original(...args);
    };
  }
}

export async function loadRuntime() {
  const dir = oracleDir();
  const entry = join(dir, CORE_ENTRY);
  const glue = join(dir, COMPAT_GLUE);
  if (!existsSync(entry) || !existsSync(glue)) {
    throw new OracleError(`LiteRT.js is not installed in ${dir}: run tests/oracle/install.sh`);
  }
  installBrowserShim();
  silenceKnownNoise();
  const litert = await import(pathToFileURL(entry).href);
  await litert.loadLiteRt(glue);
  return litert;
}

function readModelBytes(path) {
  if (!existsSync(path)) throw new OracleError(`model file not found: ${path}`);
  const bytes = new Uint8Array(readFileSync(path));
  const magic = new TextDecoder().decode(bytes.subarray(4, 8));
  if (magic !== "TFL3") throw new OracleError(`not a TFLite flatbuffer (no TFL3 tag): ${path}`);
  return bytes;
}

export async function compileModel(litert, path) {
  const bytes = readModelBytes(path);
  try {
    return await litert.loadAndCompile(bytes, { accelerator: "wasm" });
  } catch (error) {
    throw new OracleError(`LiteRT.js could not load ${path}: ${error.message ?? error}`);
  }
}

export function tensorDetails(details) {
  return details.map((d) => ({ name: d.name, shape: Array.from(d.shape), dtype: d.dtype }));
}
