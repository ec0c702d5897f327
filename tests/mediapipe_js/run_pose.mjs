// Usage: node run_pose.mjs OUT.json IMAGE...
// Runs the official MediaPipe Pose JS solution (modelComplexity 1, CPU inference, no smoothing,
// pose.reset() before each image) in headless Chromium on each image and writes
// {"images": {"<path>": {"width", "height", "landmarks": [{x, y, z, visibility}] | null,
// "world_landmarks": [...] | null}}}, landmarks normalized to the image as MediaPipe gives them.
// Chromium: $CHROMIUM, else /usr/bin/chromium (Debian package chromium).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, ...images] = process.argv.slice(2);
if (!out || images.length === 0) {
  console.error('usage: node run_pose.mjs OUT.json IMAGE...');
  process.exit(2);
}

const types = {'.js': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm',
               '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png'};
const poseDir = path.join(here, 'node_modules', '@mediapipe', 'pose');
function fileFor(url) {
  const u = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (u === '/') return path.join(here, 'pose_page.html');
  if (u.startsWith('/pose/')) return path.join(poseDir, u.slice(6));
  const index = Number(u.slice('/image/'.length));
  return images[index];
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
  await page.evaluate(() => window.poseReady);
  const result = {images: {}};
  for (let i = 0; i < images.length; ++i) {
    result.images[images[i]] = await page.evaluate((url) => landmarksOf(url), `/image/${i}`);
  }
  fs.writeFileSync(out, JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
