// Receives OSC datagrams on UDP and decodes them with osc.js (npm osc, installed by install.sh).
// Usage: node vmc_listen.mjs COUNT [TIMEOUT_MS=10000]
// Binds 127.0.0.1 on a free port and prints that port as the first stdout line; then, per
// datagram, one JSON line: {"bytes": n, "timetag": [seconds, fraction], "packets": [{"address",
// "args": [{"type", "value"}]}]} for a bundle (nested bundles keep this shape), or
// {"bytes", "address", "args"} for a bare message. Exits 0 after COUNT datagrams; exits 1 with a
// one-line error on stderr on a decode error or when COUNT datagrams did not come in time.
import { createRequire } from 'node:module';
import { createSocket } from 'node:dgram';
import { homedir } from 'node:os';
import { join } from 'node:path';

const home = process.env.AVATAR_MIRROR_HOME || join(homedir(), '.cache', 'avatar-mirror');
const require = createRequire(join(home, 'osc_js', 'package.json'));
const osc = require('osc');

const count = Number(process.argv[2]);
const timeoutMs = Number(process.argv[3] ?? 10000);
if (!Number.isInteger(count) || count < 1 || !(timeoutMs > 0)) {
  console.error('usage: node vmc_listen.mjs COUNT [TIMEOUT_MS]');
  process.exit(2);
}

const describe = (p) =>
  p.packets
    ? { timetag: p.timeTag.raw, packets: p.packets.map(describe) }
    : { address: p.address, args: p.args.map(({ type, value }) => ({ type, value })) };

const socket = createSocket('udp4');
let received = 0;
const fail = (message) => {
  console.error(message);
  process.exitCode = 1;
  clearTimeout(timer);
  socket.close();
};
const timer = setTimeout(
  () => fail(`vmc_listen: timeout: ${received} of ${count} datagrams after ${timeoutMs} ms`),
  timeoutMs);

socket.on('message', (datagram) => {
  if (received >= count) return;
  let packet;
  try {
    packet = osc.readPacket(new Uint8Array(datagram), { metadata: true });
  } catch (e) {
    return fail(`vmc_listen: datagram ${received}: osc.js decode error: ${e.message}`);
  }
  console.log(JSON.stringify({ bytes: datagram.length, ...describe(packet) }));
  if (++received === count) {
    clearTimeout(timer);
    socket.close();
  }
});
socket.on('error', (e) => fail(`vmc_listen: socket error: ${e.message}`));
socket.bind(0, '127.0.0.1', () => console.log(socket.address().port));
