#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example:
# generate an ONNX model (a two-layer MLP), compile it for ascend910 with
# ascend-compile, run the plan on the emulator with ascend-run, compare the
# output with numpy and print the profile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/build.sh" ascend-compile ascend-run >/dev/null
work=${EXAMPLE_DIR:-$build/example}
mkdir -p "$work"
cd "$work"

/usr/bin/python3 "$root/examples/make_mlp.py" mlp.onnx
/usr/bin/python3 -c "import numpy as np; np.save('x.npy', np.random.default_rng(1).standard_normal((64, 256)).astype(np.float32))"

echo "== compile: ascend-compile mlp.onnx -o mlp.plan"
start=$(date +%s%N)
"$build/bin/ascend-compile" mlp.onnx -o mlp.plan --dump-dir phases
echo "   compiled in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "IR after each phase in $work/phases"
echo "== run: ascend-run mlp.plan --input x=x.npy --profile"
start=$(date +%s%N)
"$build/bin/ascend-run" mlp.plan --input x=x.npy --output-dir outputs \
  --profile --trace trace.json 2>&1
echo "   emulated in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "== check against numpy"
/usr/bin/python3 - <<'PY'
import numpy as np
w = np.load("mlp.onnx.weights.npz")
x = np.load("x.npy").astype(np.float64)
y = np.load("outputs/y.npy").astype(np.float64)
h = np.maximum(x @ w["w1"] + w["b1"], 0)
ref = 1 / (1 + np.exp(-(h @ w["w2"] + w["b2"])))
cos = float((y * ref).sum() / np.linalg.norm(y) / np.linalg.norm(ref))
print(f"y: shape {y.shape}, dtype {y.dtype}, first values {y.ravel()[:4]}")
print(f"max abs error vs numpy: {np.abs(y - ref).max():.3g}, cosine similarity {cos:.7f}")
PY
echo "Timeline for chrome://tracing or ui.perfetto.dev: $work/trace.json"
