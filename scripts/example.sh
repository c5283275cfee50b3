#!/usr/bin/env bash
# Sets everything up, builds, and runs the main job on the bundled example:
# generate a small CNN as ONNX (examples/make_models.py cnn: conv, batch
# norm, relu, a residual block, max pooling, global average pooling, gemm,
# softmax), compile it for ascend910 with ascend-compile, run the plan on the
# emulator with ascend-run, print the outputs and the profile, and compare
# with ONNX Runtime when it is installed (scripts/setup-ort.sh).
# PRECISION (default: mixed) selects --precision.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
precision=${PRECISION:-mixed}
"$root/scripts/build.sh" ascend-compile ascend-run >/dev/null
work=${EXAMPLE_DIR:-$build/example}
mkdir -p "$work"
cd "$work"

/usr/bin/python3 "$root/examples/make_models.py" . cnn
/usr/bin/python3 -c "import numpy as np; np.save('x.npy', np.random.default_rng(1).standard_normal((1, 3, 32, 32)).astype(np.float32))"

echo "== compile: ascend-compile cnn.onnx -o cnn.plan --precision $precision"
rm -rf phases
start=$(date +%s%N)
"$build/bin/ascend-compile" cnn.onnx -o cnn.plan --precision "$precision" \
  --dump-dir phases
echo "   compiled in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "IR after each phase in $work/phases"
ops=$(grep -c " = nn\.[a-z_]* " phases/1-nn.mlir | tr -d ' ' || true)
consts=$(grep -c " = nn\.constant " phases/1-nn.mlir | tr -d ' ' || true)
kernels=$(grep -c "isa.kernel @" phases/4-isa.mlir | tr -d ' ' || true)
echo "   $((ops - consts)) graph ops after import -> $kernels kernel launches" \
  "after fusion, layout assignment and lowering"
echo "== run: ascend-run cnn.plan --input x=x.npy --profile"
start=$(date +%s%N)
"$build/bin/ascend-run" cnn.plan --input x=x.npy --output-dir outputs \
  --profile --trace trace.json 2>&1
echo "   emulated in $(( ($(date +%s%N) - start) / 1000000 )) ms"
/usr/bin/python3 -c "
import numpy as np
y = np.load('outputs/y.npy')
print('y (class probabilities):', np.array2string(y.ravel(), precision=4))"
if [ -f "$root/third_party/onnxruntime/node_modules/onnxruntime-node/package.json" ]; then
  echo "== check against ONNX Runtime"
  node "$root/utils/ort_run.js" cnn.onnx --input x=x.npy --output-dir ort
  /usr/bin/python3 -c "
import numpy as np
y = np.load('outputs/y.npy').astype(np.float64).ravel()
r = np.load('ort/y.npy').astype(np.float64).ravel()
cos = y @ r / np.linalg.norm(y) / np.linalg.norm(r)
print(f'max abs error {np.abs(y - r).max():.3g}, cosine similarity {cos:.7f}')"
fi
echo "Timeline for chrome://tracing or ui.perfetto.dev: $work/trace.json"
