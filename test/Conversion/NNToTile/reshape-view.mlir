// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile | FileCheck %s
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t.mlir
// RUN: %npytool rand %t.x.npy 2x3x4 float32 --seed 3
// RUN: ascend-run %t.mlir --input x=%t.x.npy --output-dir %t.out
// RUN: %npytool check %t.out/y0.npy "np.exp(np.maximum(x, 0)).reshape(6, 4)" x=%t.x.npy --rtol 1e-6
// RUN: %npytool check %t.out/y1.npy "np.maximum(x, 0).reshape(24)" x=%t.x.npy --rtol 1e-6

// A reshape moves no data: its result is a view of the producer's buffer,
// and only a reshape that is a graph output gets a copy kernel.
// CHECK-LABEL: func.func @main
// CHECK: %[[H:.*]] = memref.alloc() : memref<2x3x4xf32, #tile.space<gm>>
// CHECK: call @relu({{.*}}, %[[H]])
// CHECK: %[[V:.*]] = memref.reinterpret_cast %[[H]] to offset: [0], sizes: [6, 4], strides: [4, 1]
// CHECK: call @exp(%[[V]], %{{.*}})
// CHECK: %[[W:.*]] = memref.reinterpret_cast %[[H]] to offset: [0], sizes: [24], strides: [1]
// CHECK: call @copy_output1(%[[W]], %{{.*}})
// CHECK-NOT: call
func.func @main(%x: tensor<2x3x4xf32> {nn.name = "x"}) -> (tensor<6x4xf32> {nn.name = "y0"}, tensor<24xf32> {nn.name = "y1"}) {
  %0 = nn.relu %x : tensor<2x3x4xf32>
  %1 = nn.reshape %0 : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %2 = nn.exp %1 : tensor<6x4xf32>
  %3 = nn.reshape %0 : (tensor<2x3x4xf32>) -> tensor<24xf32>
  return %2, %3 : tensor<6x4xf32>, tensor<24xf32>
}
