// Validates a .glb/.gltf with the Khronos glTF-Validator installed by install.sh.
// Usage: node tests/gltf_validator/validate.mjs FILE
// Prints the issue counts and every error/warning; exits 0 when there are no errors.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const home = process.env.AVATAR_MIRROR_HOME || join(homedir(), '.cache', 'avatar-mirror');
const require = createRequire(join(home, 'gltf-validator', 'package.json'));
const validator = require('gltf-validator');

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs FILE.glb');
  process.exit(2);
}
const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), {
  maxIssues: 100,
});
const { numErrors, numWarnings, numInfos, numHints, messages } = report.issues;
console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ${numHints} hints`);
for (const m of messages)
  if (m.severity <= 1) console.log(`  [${m.severity === 0 ? 'error' : 'warning'}] ${m.code} ${m.pointer ?? ''}: ${m.message}`);
process.exit(numErrors === 0 ? 0 : 1);
