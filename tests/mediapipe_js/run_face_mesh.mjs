// Usage: node run_face_mesh.mjs OUT.json IMAGE...
// Runs the official MediaPipe Face Mesh JS solution (one face, CPU inference) in headless
// Chromium on each image, twice in a row after a reset (the second pass on the ROI of the
// first's landmarks), without and with refineLandmarks, and writes
// {"images": {"<path>": {"plain": P, "refined": P}}}, P = {width, height, first, second}, each
// pass's landmarks [{x, y, z}] normalized to the image (468 plain, 478 refined) or null.
// Chromium: $CHROMIUM, else /usr/bin/chromium (Debian package chromium).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, ...images] = process.argv.slice(2);
if (!out || images.length === 0) {
  console.error('usage: node run_face_mesh.mjs OUT.json IMAGE...');
  process.exit(2);
}

const types = {'.js': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm',
               '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png'};
const solutionDir = path.join(here, 'node_modules', '@mediapipe', 'face_mesh');
function fileFor(url) {
  const u = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (u === '/') return path.join(here, 'face_mesh_page.html');
  if (u.startsWith('/face_mesh/')) return path.join(solutionDir, u.slice('/face_mesh/'.length));
  return images[Number(u.slice('/image/'.length))];
}
const server = http.createServer((req, res) => {
  const file = fileFor(req.url);
  if (!file || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, {'Content-Type': types[path.extname(file).toLowerCase()] || 'application/octet-stream'});
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  const result = {images: {}};
  for (const image of images) result.images[image] = {};
  for (const [key, refine] of [['plain', false], ['refined', true]]) {
    for (let i = 0; i < images.length; ++i) {
      result.images[images[i]][key] =
          await page.evaluate(([url, r]) => twoPasses(url, r), [`/image/${i}`, refine]);
    }
  }
  fs.writeFileSync(out, JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
