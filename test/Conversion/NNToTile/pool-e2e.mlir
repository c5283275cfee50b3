// Pooling on nc1hwc0 end to end, against numpy: layout assignment packs the
// inputs, the pooling kernels run on the packed tensors, the results are
// unpacked. Covers row tiles with top/bottom padding over many cores (max
// 3x3/2 pad 1 on 1x64x56x56 f32), per-pixel divisors in f16 (average 3x3/1
// pad 1 without count_include_pad, C not a multiple of C0), dilation with
// asymmetric pads, and chunked global pooling (10000 pixels).
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-assign-layouts --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/a.npy 1x64x56x56 float32 --seed 1
// RUN: %npytool rand %t/b.npy 1x20x9x13 float16 --seed 2
// RUN: %npytool rand %t/c.npy 1x16x100x100 float32 --seed 3
// RUN: %npytool rand %t/d.npy 2x3x7x7 float16 --seed 4
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input c=%t/c.npy --input d=%t/d.npy --output-dir %t
// RUN: %npytool check %t/ma.npy "np.lib.stride_tricks.sliding_window_view(np.pad(a, ((0,0),(0,0),(1,1),(1,1)), constant_values=-np.inf), (3,3), axis=(2,3))[:,:,::2,::2].max(axis=(-1,-2))" a=%t/a.npy --exact
// RUN: %npytool check %t/vb.npy "np.lib.stride_tricks.sliding_window_view(np.pad(b.astype(np.float32), ((0,0),(0,0),(1,1),(1,1))), (3,3), axis=(2,3)).sum(axis=(-1,-2)) / np.lib.stride_tricks.sliding_window_view(np.pad(np.ones(b.shape, np.float32), ((0,0),(0,0),(1,1),(1,1))), (3,3), axis=(2,3)).sum(axis=(-1,-2))" b=%t/b.npy --rtol 1e-2 --atol 1e-2
// RUN: %npytool check %t/mb.npy "np.lib.stride_tricks.sliding_window_view(np.pad(b, ((0,0),(0,0),(2,0),(0,1)), constant_values=-np.inf), (5,5), axis=(2,3))[:,:,::2,::2,::2,::2].max(axis=(-1,-2))" b=%t/b.npy --exact
// RUN: %npytool check %t/gc.npy "c.mean(axis=(2,3), keepdims=True)" c=%t/c.npy --rtol 1e-5 --atol 1e-6
// RUN: %npytool check %t/gd.npy "d.max(axis=(2,3), keepdims=True)" d=%t/d.npy --exact

// The interior row tiles share one loop; one vector op per window position
// covers the tile's 7 output rows, striding 2 rows and 2 pixels over the
// padded 58-pixel input rows.
// CHECK-LABEL: func.func private @ma
// CHECK: tile.vdup -3.40
// CHECK: tile.vmax {{.*}} : memref<7x28x8xf32, strided<[912, 16, 1]>, #tile.space<ub>>, memref<7x28x8xf32, strided<[912, 16, 1], offset: 8>, #tile.space<ub>>, memref<7x28x8xf32, strided<[224, 8, 1]>, #tile.space<ub>>
// CHECK-LABEL: func.func private @vb
// CHECK: tile.vmul
// CHECK-LABEL: func.func private @gc
// CHECK: tile.vmuls {{.*}}, 1.000000e-04

!a = tensor<1x64x56x56xf32>
!b = tensor<1x20x9x13xf16>
!c = tensor<1x16x100x100xf32>
!d = tensor<2x3x7x7xf16>
func.func @main(%a: !a {nn.name = "a"}, %b: !b {nn.name = "b"}, %c: !c {nn.name = "c"}, %d: !d {nn.name = "d"})
    -> (tensor<1x64x28x28xf32> {nn.name = "ma"}, tensor<1x20x9x13xf16> {nn.name = "vb"},
        tensor<1x20x4x5xf16> {nn.name = "mb"}, tensor<1x16x1x1xf32> {nn.name = "gc"},
        tensor<2x3x1x1xf16> {nn.name = "gd"}) {
  %ma = nn.max_pool %a {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>}
      : (!a) -> tensor<1x64x28x28xf32> loc("ma"("MaxPool"))
  %vb = nn.average_pool %b {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>}
      : (!b) -> tensor<1x20x9x13xf16> loc("vb"("AveragePool"))
  %mb = nn.max_pool %b {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 2, 0, 0, 1>, dilations = array<i64: 2, 2>}
      : (!b) -> tensor<1x20x4x5xf16> loc("mb"("MaxPool"))
  %gc = nn.global_average_pool %c : (!c) -> tensor<1x16x1x1xf32> loc("gc"("GlobalAveragePool"))
  %gd = nn.global_max_pool %d : (!d) -> tensor<2x3x1x1xf16> loc("gd"("GlobalMaxPool"))
  return %ma, %vb, %mb, %gc, %gd : tensor<1x64x28x28xf32>, tensor<1x20x9x13xf16>, tensor<1x20x4x5xf16>, tensor<1x16x1x1xf32>, tensor<2x3x1x1xf16>
}
