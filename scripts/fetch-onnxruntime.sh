#!/usr/bin/env bash
# Puts ONNX Runtime 1.29.0 (CPU) from the pinned npm tarball into $AVATAR_MIRROR_HOME/onnxruntime-1.29.0
# as include/ and lib/ (with the soname libonnxruntime.so.1). Prints the folder on its last line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"

ORT_VERSION=1.29.0
ORT_NPM=com.github.asus4.onnxruntime@0.4.9
ORT_SHA=e59788788818fdde1b2e522e766a21ba0f7d8391de55737abf81e32cc801785d
dest="$AM_HOME/onnxruntime-$ORT_VERSION"
stamp="$dest/.complete-$ORT_SHA"

if [ -f "$stamp" ]; then
  say "[2/2] ONNX Runtime $ORT_VERSION: present in $dest"
else
  say "[2/2] ONNX Runtime $ORT_VERSION: fetching $ORT_NPM (150 MB, checked by sha256)"
  tgz=$(npm_fetch "$ORT_NPM" "$ORT_SHA")
  tmp=$(mktemp -d "$AM_HOME/.ort.XXXXXX")
  hdr='package/Plugins/iOS~/onnxruntime.xcframework/ios-arm64/onnxruntime.framework/Headers'
  lib='package/Plugins/Linux/x64'
  say "      extracting headers and Linux x64 libraries"
  tar -xzf "$tgz" -C "$tmp" "$hdr" "$lib/libonnxruntime.so" "$lib/libonnxruntime_providers_shared.so" \
    || die "could not extract ONNX Runtime from $tgz: delete it and run 'make setup' again"
  rm -rf "$dest"; mkdir -p "$dest/include" "$dest/lib"
  cp "$tmp/$hdr"/*.h "$dest/include/"
  cp "$tmp/$lib"/*.so "$dest/lib/"
  ln -sf libonnxruntime.so "$dest/lib/libonnxruntime.so.1"
  rm -rf "$tmp"
  touch "$stamp"
  say "      installed into $dest"
fi
