#!/usr/bin/env bash
# Installs the official MediaPipe Pose and Face Mesh JS solutions and playwright-core (pinned by
# package-lock.json) into ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/mediapipe_js, with
# the run_*.mjs scripts and their pages next to them. Running them needs Debian's chromium.
# Idempotent.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../scripts/npm-tool.sh" mediapipe_js "$here" \
  node_modules/@mediapipe/face_mesh/face_mesh.js run_pose.mjs pose_page.html run_face_mesh.mjs \
  face_mesh_page.html
