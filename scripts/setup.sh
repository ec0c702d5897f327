#!/usr/bin/env bash
# Installs what Avatar Mirror needs and is missing: Debian packages (scripts/apt-packages.txt),
# Node.js/npm, and ONNX Runtime from its pinned npm tarball. Idempotent; offline when done.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"

install_apt_packages() {
  local wanted missing=()
  wanted=$(grep -vE '^\s*(#|$)' "$here/apt-packages.txt")
  command -v npm >/dev/null || wanted="$wanted nodejs npm"
  for p in $wanted; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "[1/2] Debian packages: all $(echo $wanted | wc -w) present"; return; fi
  say "[1/2] Debian packages: installing ${#missing[@]} missing: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q || die "apt-get update failed: check the network and /etc/apt/sources.list"
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
}

install_onnxruntime() {
  "$here/fetch-onnxruntime.sh"
}

install_apt_packages
install_onnxruntime
say "done: cache folder is $AM_HOME"
