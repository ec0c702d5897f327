#!/usr/bin/env bash
# Installs the reference tools the test suite compares against, each pinned by its own
# package-lock.json, into the cache folder (never the repo): LiteRT.js (tests/oracle) and the
# Khronos glTF-Validator (tests/gltf_validator). Idempotent; offline once done.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for installer in "$root"/tests/*/install.sh; do
  bash "$installer"
done
