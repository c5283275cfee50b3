#!/usr/bin/env bash
# Installs what is missing, configures (first time only) and builds with Ninja.
# BUILD_DIR (default: build) and BUILD_TYPE (default: Release) override.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
fi
# Two cores: more jobs only thrash memory on MLIR's heavy headers.
ninja -C "$build" -j"${JOBS:-2}" "$@"
