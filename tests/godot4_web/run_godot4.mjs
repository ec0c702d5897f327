#!/usr/bin/env node
// run_godot4.mjs: runs Godot 4 projects in a real Godot 4.6 engine (the official web release
// template) inside headless Debian chromium, driven by playwright-core.
//   node run_godot4.mjs [--timeout SECONDS] [--port N] [--screenshot OUT.png] DIR[=PREFIX] ... [-- ARGS...]
// Takes project folders (packed as by pack_pck.mjs: DIR's files under res://PREFIX/; one of
// them holds project.godot) and user arguments (after --, for OS.get_cmdline_user_args()).
// Gives on stdout: `godot4_web: page origin http://127.0.0.1:PORT` before the game starts,
// then every console line of the page as is (Godot's print() lines among them); exits with
// the code the game passes to get_tree().quit(code). Exit 124 on timeout (default 60 s),
// 3 when the engine cannot start, 2 on bad usage. The page is served by our own HTTP server
// on 127.0.0.1 (--port 0, the default, picks a free port); --screenshot saves the page as it
// is when the run ends.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectProject, engineDir, packPck, toolDir } from './pack_pck.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.GODOT4_WEB_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
const VIEWPORT = { width: 640, height: 480 };
const say = (line) => process.stdout.write(`${line}\n`);

function parseArgs(argv) {
  const opts = { timeout: 60, port: 0, screenshot: null, specs: [], userArgs: [] };
  const usage = (why) => {
    say(`godot4_web: ${why}`);
    say('usage: node run_godot4.mjs [--timeout SECONDS] [--port N] [--screenshot OUT.png] DIR[=PREFIX] ... [-- ARGS...]');
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--') { opts.userArgs = argv.slice(i + 1); break; }
    if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--port') opts.port = Number(value());
    else if (a === '--screenshot') opts.screenshot = value();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.specs.push(a);
  }
  if (!opts.specs.length) usage('no project folder given');
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) usage('--port must be 0..65535');
  return opts;
}

// Serves the engine files, game.pck, page.html and config.json; nothing else.
function startServer(port, files) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'page.html';
    const file = files[name];
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body) : null;
    const size = body ? body.length : fs.statSync(file.path).size;
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': size, 'Cache-Control': 'no-store' });
    if (body) res.end(body);
    else fs.createReadStream(file.path).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let browser = null, page = null, server = null, tmp = null, done = false;

  const finish = async (code, line) => {
    if (done) return;
    done = true;
    if (line) say(line);
    if (opts.screenshot && page) await page.screenshot({ path: opts.screenshot }).catch((e) => say(`godot4_web: no screenshot: ${e.message.split('\n')[0]}`));
    await browser?.close().catch(() => {});
    server?.close();
    server?.closeAllConnections();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`godot4_web: exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.exit(code);
  };
  const cannotStart = (why) => finish(3, `godot4_web: engine did not start: ${String(why).split('\n')[0]}`);
  setTimeout(() => finish(124, `godot4_web: timed out after ${opts.timeout} s`), opts.timeout * 1000);

  let engine, chromium;
  try {
    engine = engineDir();
    ({ chromium } = createRequire(path.join(toolDir(), 'package.json'))('playwright-core'));
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run 'make setup'`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'godot4_web-'));
    const entries = collectProject(opts.specs);
    // Godot without a project exits 0 after an error line: catch that here.
    if (!entries.some((e) => e.path === 'project.godot')) throw new Error('no project.godot at res:// (give the project\'s own folder without =PREFIX)');
    packPck(entries, path.join(tmp, 'game.pck'));
  } catch (e) {
    return cannotStart(e.message);
  }

  // No audio device here: the dummy driver keeps the web audio worklet (and its errors) out.
  const engineArgs = ['--audio-driver', 'Dummy', ...(opts.userArgs.length ? ['--', ...opts.userArgs] : [])];
  const js = 'text/javascript';
  const files = {
    'page.html': { path: path.join(HERE, 'page.html'), type: 'text/html; charset=utf-8' },
    'config.json': { body: JSON.stringify({ args: engineArgs }), type: 'application/json' },
    'game.pck': { path: path.join(tmp, 'game.pck'), type: 'application/octet-stream' },
    'index.js': { path: path.join(engine, 'index.js'), type: js },
    'index.wasm': { path: path.join(engine, 'index.wasm'), type: 'application/wasm' },
    'index.audio.worklet.js': { path: path.join(engine, 'index.audio.worklet.js'), type: js },
    'index.audio.position.worklet.js': { path: path.join(engine, 'index.audio.position.worklet.js'), type: js },
  };
  try {
    server = await startServer(opts.port, files);
  } catch (e) {
    return cannotStart(`cannot serve on 127.0.0.1:${opts.port}: ${e.message}`);
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  say(`godot4_web: page origin ${origin}`);

  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: opts.timeout * 1000 });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (msg) => say(msg.text()));
    page.on('pageerror', (err) => say(`godot4_web: page error: ${err.message.split('\n')[0]}`));
    page.on('crash', () => finish(3, 'godot4_web: the page crashed'));
    await page.exposeFunction('godot4webExit', (code) => { setImmediate(() => finish(Number(code) | 0)); });
    await page.exposeFunction('godot4webFail', (why) => { setImmediate(() => cannotStart(why)); });
    await page.goto(`${origin}/page.html`);
  } catch (e) {
    if (!done) cannotStart(e.message);
  }
}

main();
