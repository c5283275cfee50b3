#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example:
# ascend-opt parses and verifies the residual block in examples/ and prints
# it after canonicalization.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" ascend-opt >/dev/null
build=${BUILD_DIR:-$root/build}
"$build/bin/ascend-opt" "$root/examples/residual_block.mlir" --canonicalize
