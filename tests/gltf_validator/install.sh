#!/usr/bin/env bash
# Installs the Khronos glTF-Validator (npm gltf-validator, pinned by package-lock.json) into
# ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/gltf-validator, outside the repository.
# Needs node + npm and the npm registry. Idempotent: does nothing when the installed
# node_modules was made from the same lock file (sha256 stamp).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/gltf-validator"
stamp="$dest/node_modules/.avatar-mirror-lock.sha256"

for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null || { echo "install.sh: '$tool' not found: install nodejs and npm first" >&2; exit 1; }
done

want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$dest/node_modules/gltf-validator/package.json" ]]; then
  echo "gltf-validator: glTF-Validator already installed in $dest (lock $want)"
  exit 0
fi

echo "gltf-validator: installing glTF-Validator into $dest"
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund)
echo "$want" >"$stamp"
echo "gltf-validator: installed $(node -p "require('$dest/node_modules/gltf-validator/package.json').version") (lock $want)"
