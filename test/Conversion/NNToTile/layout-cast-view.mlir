// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile | FileCheck %s
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t.mlir
// RUN: %npytool rand %t.x.npy 2x16x5x5 float32 --seed 4
// RUN: %npytool rand %t.w.npy 2x12x5x5 float32 --seed 5
// RUN: ascend-run %t.mlir --input x=%t.x.npy --input w=%t.w.npy --output-dir %t.out
// RUN: %npytool check %t.out/y.npy "np.exp(x.mean(axis=(2, 3)))" x=%t.x.npy --rtol 1e-5
// RUN: %npytool check %t.out/z.npy "np.exp(w.max(axis=(2, 3), keepdims=True))" w=%t.w.npy --rtol 1e-5

// A layout cast between nc1hwc0 and nchw of a [N, C, 1, 1] map with C a
// multiple of C0 moves no data: [N][C1][1][1][C0] is [N][C] in order, so the
// cast's result is a view of the pooled map. With 12 channels the nc1hwc0
// map has 4 padding channels per image and the cast stays a kernel.
// CHECK-LABEL: func.func @main
// CHECK: %[[P:.*]] = memref.alloc() : memref<2x2x1x1x8xf32, #tile.space<gm>>
// CHECK: call @gap(%{{.*}}, %[[P]])
// CHECK: %[[V:.*]] = memref.reinterpret_cast %[[P]] to offset: [0], sizes: [2, 16, 1, 1], strides: [16, 1, 1, 1]
// CHECK: %[[F:.*]] = memref.reinterpret_cast %[[V]] to offset: [0], sizes: [2, 16], strides: [16, 1]
// CHECK: call @exp(%[[F]], %{{.*}})
// CHECK: call @gmp(
// CHECK: call @gmp_{{[0-9]+}}(
// CHECK-NOT: func.func private @gap_
func.func @main(%x: tensor<2x16x5x5xf32> {nn.name = "x"}, %w: tensor<2x12x5x5xf32> {nn.name = "w"}) -> (tensor<2x16xf32> {nn.name = "y"}, tensor<2x12x1x1xf32> {nn.name = "z"}) {
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<2x16x5x5xf32> -> tensor<2x16x5x5xf32, #nn.layout<nc1hwc0>>
  %1 = nn.global_average_pool %0 : (tensor<2x16x5x5xf32, #nn.layout<nc1hwc0>>) -> tensor<2x16x1x1xf32, #nn.layout<nc1hwc0>> loc("gap")
  %2 = nn.layout_cast %1 from <nc1hwc0> to <nchw> : tensor<2x16x1x1xf32, #nn.layout<nc1hwc0>> -> tensor<2x16x1x1xf32> loc("gap")
  %3 = nn.reshape %2 : (tensor<2x16x1x1xf32>) -> tensor<2x16xf32>
  %4 = nn.exp %3 : tensor<2x16xf32> loc("exp")
  %6 = nn.layout_cast %w from <nchw> to <nc1hwc0> : tensor<2x12x5x5xf32> -> tensor<2x12x5x5xf32, #nn.layout<nc1hwc0>>
  %7 = nn.global_max_pool %6 : (tensor<2x12x5x5xf32, #nn.layout<nc1hwc0>>) -> tensor<2x12x1x1xf32, #nn.layout<nc1hwc0>> loc("gmp")
  %8 = nn.layout_cast %7 from <nc1hwc0> to <nchw> : tensor<2x12x1x1xf32, #nn.layout<nc1hwc0>> -> tensor<2x12x1x1xf32> loc("gmp")
  %9 = nn.exp %8 : tensor<2x12x1x1xf32> loc("exp2")
  return %4, %9 : tensor<2x16xf32>, tensor<2x12x1x1xf32>
}
