#!/usr/bin/env bash
# The scan measure (issue 16, docs/avatar.md "Against a scan"): renders each textured scan of
# $AVATAR_MIRROR_TESTDATA/scans (.glb, .gltf, .obj, .ply) turning round in front of a fixed camera
# with Blender (render_turn.py, 36 frames), then builds and refines the avatar from the frames and
# scores it against the scan (am_scan_measure). The test data holds no scans yet, so it also runs
# on stand-ins of known shape and height, made upright (the build's forward lean taken out):
# the refined avatar of the woman of video/peoplesnapshot_female-1-casual.mp4 (its shape fitted
# to her silhouettes all the way round, by am_refine_measure --stride 8), and our single-view
# avatar of full_body/sith_002.png scaled to 1.50, 1.68 and 1.90 m.
# Usage: bench/scan_turn/run.sh [BUILD_DIR]   (about a minute per scan, 3 more for the woman's
# refinement; results in BUILD_DIR/scan_turn/NAME.txt, pictures in BUILD_DIR/scan_turn/NAME_pictures)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-build}" && pwd)"
testdata="${AVATAR_MIRROR_TESTDATA:-$here/../../../shared/testdata}"
out="$build/scan_turn"
mkdir -p "$out"
for tool in am_scan_measure am_refine_measure; do
  [ -x "$build/bench/$tool" ] || {
    echo "no $build/bench/$tool: build it (cmake --build $build --target $tool)" >&2
    exit 1
  }
done
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

"$build/bench/am_refine_measure" --stride 8 --out "$out/peoplesnapshot_refined" |
  grep -v '\[info\]' > "$out/peoplesnapshot_refined.txt"
blend "$here/straighten.py" -- "$out/peoplesnapshot_refined/refined.glb" \
  "$out/standin_peoplesnapshot.glb"
measure standin_peoplesnapshot "$out/standin_peoplesnapshot.glb"

"$build/avatar-mirror" avatar "$testdata/full_body/sith_002.png" --out "$out/sith_002_avatar.glb" \
  --log-level warn
blend "$here/straighten.py" -- "$out/sith_002_avatar.glb" "$out/standin_sith_002.glb"
for stature in 1.50 1.68 1.90; do
  measure "standin_sith_002_$stature" "$out/standin_sith_002.glb" --height "$stature"
done
