// Graph outputs that are graph inputs, or a value returned twice, get their
// own copy kernels; the plan runs and every output holds the right data.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/isa.mlir
// RUN: FileCheck %s < %t/isa.mlir
// RUN: %npytool rand %t/x.npy 300 float32 --seed 4
// RUN: ascend-run %t/isa.mlir --input x=%t/x.npy --output-dir %t
// RUN: %npytool check %t/same.npy "x" x=%t/x.npy --exact
// RUN: %npytool check %t/r1.npy "np.maximum(x, 0)" x=%t/x.npy --exact
// RUN: %npytool check %t/r2.npy "np.maximum(x, 0)" x=%t/x.npy --exact

// CHECK-DAG: isa.kernel @copy_output0
// CHECK-DAG: isa.kernel @copy_output2
// CHECK-DAG: isa.kernel @relu
func.func @main(%x: tensor<300xf32> {nn.name = "x"})
    -> (tensor<300xf32> {nn.name = "same"}, tensor<300xf32> {nn.name = "r1"},
        tensor<300xf32> {nn.name = "r2"}) {
  %r = nn.relu %x : tensor<300xf32> loc("relu")
  return %x, %r, %r : tensor<300xf32>, tensor<300xf32>, tensor<300xf32>
}
