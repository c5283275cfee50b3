#!/usr/bin/env bash
# Installs ONNX Runtime for Node.js (onnxruntime-node, CPU library included)
# into third_party/onnxruntime: the reference runtime that the model
# comparison tests (utils/compare_ort.py) check the emulator against.
# Needs nodejs and npm (Debian packages) and the npm registry; install
# scripts are skipped because the package already bundles its library.
# Idempotent and quiet when already installed. When the registry cannot be
# reached it warns and exits 0: the comparison tests then report
# UNSUPPORTED instead of running.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/third_party/onnxruntime
version=1.30.0
[ -f "$dest/node_modules/onnxruntime-node/package.json" ] && exit 0
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup-ort: installing nodejs npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
mkdir -p "$dest"
echo "setup-ort: installing onnxruntime-node@$version into $dest" >&2
if ! npm install --prefix "$dest" --ignore-scripts --no-audit --no-fund \
    --loglevel=error "onnxruntime-node@$version" >/dev/null; then
  echo "setup-ort: warning: could not install onnxruntime-node; model" \
       "comparisons against ONNX Runtime will be skipped" >&2
fi
