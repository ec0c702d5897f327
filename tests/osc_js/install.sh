#!/usr/bin/env bash
# Installs osc.js (npm osc, pinned by package-lock.json), an OSC 1.0 decoder independent of ours,
# into ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/osc_js, with vmc_listen.mjs next to it.
# Used by tests/e2e/stream/test_vmc_osc_js.cpp. Idempotent.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../scripts/npm-tool.sh" osc_js "$here" node_modules/osc/package.json vmc_listen.mjs
