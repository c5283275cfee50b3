// The reference data-movement cases on 1x64x56x56 f32 feature maps: a
// transpose to NHWC (rows of 8 channels become 8-channel pixels through
// vnchwconv) and a concat of two maps along C (contiguous runs over all
// cores). Cycles and the HBM bound are in docs/data-movement.md.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: %npytool rand %t/a.npy 1x64x56x56 float32 --seed 1
// RUN: %npytool rand %t/b.npy 1x64x56x56 float32 --seed 2
// RUN: ascend-run %t/plan.mlir --input a=%t/a.npy --input b=%t/b.npy --output-dir %t --profile 2>&1 | FileCheck %s
// RUN: %npytool check %t/nhwc.npy "a.transpose(0, 2, 3, 1)" a=%t/a.npy --exact
// RUN: %npytool check %t/cat.npy "np.concatenate([a, b], axis=1)" a=%t/a.npy b=%t/b.npy --exact

// CHECK: nhwc 32 {{[0-9]+}}
// CHECK: cat 32 {{[0-9]+}}
func.func @main(%a: tensor<1x64x56x56xf32> {nn.name = "a"}, %b: tensor<1x64x56x56xf32> {nn.name = "b"})
    -> (tensor<1x56x56x64xf32> {nn.name = "nhwc"}, tensor<1x128x56x56xf32> {nn.name = "cat"}) {
  %t = nn.transpose %a {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x64x56x56xf32>) -> tensor<1x56x56x64xf32> loc("nhwc"("Transpose"))
  %c = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>) -> tensor<1x128x56x56xf32> loc("cat"("Concat"))
  return %t, %c : tensor<1x56x56x64xf32>, tensor<1x128x56x56xf32>
}
