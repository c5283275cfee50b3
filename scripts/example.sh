#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example:
# generate an ONNX model, compile it for ascend910 with ascend-compile, run
# the plan on the emulator with ascend-run, compare the outputs with numpy
# and print the profile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/build.sh" ascend-compile ascend-run >/dev/null
work=${EXAMPLE_DIR:-$build/example}
mkdir -p "$work"
cd "$work"

/usr/bin/python3 "$root/examples/make_gated_activation.py" gated_activation.onnx
/usr/bin/python3 - <<'PY'
import numpy as np
rng = np.random.default_rng(0)
np.save("a.npy", rng.standard_normal((16, 2048)).astype(np.float32))
np.save("b.npy", rng.standard_normal((16, 2048)).astype(np.float32))
PY

echo "== compile: ascend-compile gated_activation.onnx -o gated_activation.plan"
start=$(date +%s%N)
"$build/bin/ascend-compile" gated_activation.onnx -o gated_activation.plan \
  --dump-dir phases
echo "   compiled in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "IR after each phase in $work/phases"
echo "== run: ascend-run gated_activation.plan --profile"
start=$(date +%s%N)
"$build/bin/ascend-run" gated_activation.plan --input a=a.npy --input b=b.npy \
  --output-dir outputs --profile --trace trace.json 2>&1
echo "   emulated in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "== check against numpy"
/usr/bin/python3 - <<'PY'
import numpy as np
a, b = np.load("a.npy"), np.load("b.npy")
out = np.load("outputs/out.npy")
ref = np.tanh(a) / (1 + np.exp(-b)) + 0.1 * np.maximum(a, 0)
print(f"out: shape {out.shape}, dtype {out.dtype}, first values {out.ravel()[:4]}")
print(f"max abs error vs numpy: {np.abs(out - ref).max():.3g}")
PY
echo "Timeline for chrome://tracing or ui.perfetto.dev: $work/trace.json"
