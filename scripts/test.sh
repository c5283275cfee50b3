#!/usr/bin/env bash
# Sets everything up, builds, and runs every test (lit + FileCheck suites and
# the GoogleTest unit tests, through lit). Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
"$root/scripts/build.sh" check-ascend
