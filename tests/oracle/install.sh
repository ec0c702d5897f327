#!/usr/bin/env bash
# Installs the reference TFLite runtime (LiteRT.js, pinned by package-lock.json) into
# ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/oracle. Idempotent.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../scripts/npm-tool.sh" oracle "$here" node_modules/@litertjs/core/package.json
