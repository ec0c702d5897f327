#!/usr/bin/env bash
# The scan measure (issue 16, docs/avatar.md "Against a scan"): renders each textured scan of
# $AVATAR_MIRROR_TESTDATA/scans (.glb, .gltf, .obj, .ply) turning round in front of a fixed camera
# with Blender (render_turn.py, 36 frames), then builds and refines the avatar from the frames and
# scores it against the scan (am_scan_measure). The test data holds no scans yet, so it also runs
# on stand-ins of known shape and height: our own avatar of full_body/sith_002.png, made upright
# (the build's forward lean taken out) and scaled to 1.50, 1.68 and 1.90 m.
# Usage: bench/scan_turn/run.sh [BUILD_DIR]   (about a minute per scan; results in
# BUILD_DIR/scan_turn/NAME.txt, pictures in BUILD_DIR/scan_turn/NAME_pictures)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
testdata="${AVATAR_MIRROR_TESTDATA:-$here/../../../shared/testdata}"
out="$build/scan_turn"
mkdir -p "$out"
[ -x "$build/bench/am_scan_measure" ] || {
  echo "no $build/bench/am_scan_measure: build it (cmake --build $build --target am_scan_measure)" >&2
  exit 1
}
command -v blender > /dev/null || { echo "no blender: apt-get install blender" >&2; exit 1; }

blend() { blender -b --factory-startup --python "$@" > "$out/blender.log" 2>&1 ||
  { echo "blender failed on $*: see $out/blender.log" >&2; exit 1; }; }

measure() {  # NAME SCAN [render_turn options]
  local name="$1" scan="$2"
  shift 2
  rm -rf "${out:?}/$name"
  blend "$here/render_turn.py" -- "$scan" "$out/$name" --frames 36 "$@"
  echo "== $name"
  "$build/bench/am_scan_measure" --frames "$out/$name" --out "$out/${name}_pictures" |
    grep -v '\[info\]' | tee "$out/$name.txt"
}

shopt -s nullglob
for scan in "$testdata"/scans/*.{glb,gltf,obj,ply}; do
  measure "$(basename "${scan%.*}")" "$scan"
done

"$build/avatar-mirror" avatar "$testdata/full_body/sith_002.png" --out "$out/sith_002_avatar.glb" \
  --log-level warn
blend "$here/straighten.py" -- "$out/sith_002_avatar.glb" "$out/standin_sith_002.glb"
for stature in 1.50 1.68 1.90; do
  measure "standin_sith_002_$stature" "$out/standin_sith_002.glb" --height "$stature"
done
