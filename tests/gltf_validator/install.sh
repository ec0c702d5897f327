#!/usr/bin/env bash
# Installs the Khronos glTF-Validator (npm gltf-validator, pinned by package-lock.json) into
# ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/gltf-validator. Idempotent.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../scripts/npm-tool.sh" gltf-validator "$here" node_modules/gltf-validator/package.json
