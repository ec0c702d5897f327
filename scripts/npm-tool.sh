#!/usr/bin/env bash
# Installs one of the test suite's reference tools from its folder's package.json +
# package-lock.json into ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/NAME (never the repo),
# with `npm ci`. Idempotent: a stamp of the lock's sha256 skips an install that is already there.
#   npm-tool.sh NAME SOURCE_DIR CHECK_FILE [FILE...]
# CHECK_FILE (relative to the install folder) must exist after a good install; the FILEs of
# SOURCE_DIR are copied next to node_modules on every run.
set -euo pipefail
name="$1" src="$2" check="$3"
shift 3
dest="${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/$name"
stamp="$dest/node_modules/.avatar-mirror-lock.sha256"

for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null || { echo "$name: '$tool' not found: install nodejs and npm first (make setup)" >&2; exit 1; }
done

mkdir -p "$dest"
for file in "$@"; do cp "$src/$file" "$dest/"; done
want="$(sha256sum "$src/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$dest/$check" ]]; then
  echo "$name: already installed in $dest (lock $want)"
  exit 0
fi

echo "$name: installing into $dest"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund)
echo "$want" >"$stamp"
echo "$name: installed (lock $want)"
