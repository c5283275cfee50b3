#!/usr/bin/env bash
# Installs every Debian package ascend-compiler needs. Idempotent: when all
# packages are present it prints nothing and touches nothing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build ccache g++ python3
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata
  libfmt-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libeigen3-dev
  python3-onnx python3-numpy
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exec "$(dirname "$0")/setup-ort.sh"
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
"$(dirname "$0")/setup-ort.sh"
