#!/usr/bin/env bash
# Installs the official MediaPipe Pose JS solution and playwright-core (pinned by
# package-lock.json) into ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/mediapipe_js, outside
# the repository, with run_pose.mjs next to them. Needs node + npm, the npm registry, and the
# Debian package chromium (/usr/bin/chromium) to run. Idempotent: does nothing when the installed
# node_modules was made from the same lock file (sha256 stamp).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/mediapipe_js"
stamp="$dest/node_modules/.avatar-mirror-lock.sha256"

for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null || { echo "install.sh: '$tool' not found: install nodejs and npm first" >&2; exit 1; }
done

mkdir -p "$dest"
cp "$here/run_pose.mjs" "$here/pose_page.html" "$dest/"
want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$dest/node_modules/@mediapipe/pose/pose.js" ]]; then
  echo "mediapipe_js: already installed in $dest (lock $want)"
  exit 0
fi

echo "mediapipe_js: installing @mediapipe/pose and playwright-core into $dest"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund)
echo "$want" >"$stamp"
echo "mediapipe_js: installed (lock $want)"
