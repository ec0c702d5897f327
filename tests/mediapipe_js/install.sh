#!/usr/bin/env bash
# Installs the official MediaPipe Pose JS solution and playwright-core (pinned by
# package-lock.json) into ${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}/mediapipe_js, with
# run_pose.mjs and pose_page.html next to them. Running it needs Debian's chromium. Idempotent.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../../scripts/npm-tool.sh" mediapipe_js "$here" node_modules/@mediapipe/pose/pose.js \
  run_pose.mjs pose_page.html
