// Windowed pooling over rows wider than ub, end to end against numpy: when
// one output row's window rows do not fit ub, a tile is one output row cut
// into even column chunks whose input span (window halo included) fits, the
// last chunk ragged. Covers max 3x3/1 pad 1 over 20000-pixel rows (f32),
// average 3x3/2 with ceil_mode and per-pixel divisors (count_include_pad
// off) over 6000-pixel rows, and average 2x5 with dilation, stride 3,
// asymmetric pads and count_include_pad in f16 (C not a multiple of C0).
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-assign-layouts --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/a.npy 1x16x4x20000 float32 --seed 1
// RUN: %npytool rand %t/b.npy 1x16x6x6000 float32 --seed 2
// RUN: %npytool rand %t/c.npy 1x20x3x9000 float16 --seed 3
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input c=%t/c.npy --output-dir %t
// RUN: %npytool check %t/ma.npy "np.lib.stride_tricks.sliding_window_view(np.pad(a, ((0,0),(0,0),(1,1),(1,1)), constant_values=-np.inf), (3,3), axis=(2,3)).max(axis=(-1,-2))" a=%t/a.npy --exact
// RUN: %npytool check %t/vb.npy "np.lib.stride_tricks.sliding_window_view(np.pad(b, ((0,0),(0,0),(1,2),(1,2))), (3,3), axis=(2,3))[:,:,::2,::2].sum(axis=(-1,-2)) / np.lib.stride_tricks.sliding_window_view(np.pad(np.ones(b.shape, np.float32), ((0,0),(0,0),(1,2),(1,2))), (3,3), axis=(2,3))[:,:,::2,::2].sum(axis=(-1,-2))" b=%t/b.npy --rtol 1e-5 --atol 1e-6
// RUN: %npytool check %t/vc.npy "np.lib.stride_tricks.sliding_window_view(np.pad(c.astype(np.float32), ((0,0),(0,0),(0,1),(2,1))), (2,9), axis=(2,3))[:,:,:,::3][...,::2].mean(axis=(-1,-2))" c=%t/c.npy --rtol 1e-2 --atol 1e-2

// 20000 output pixels, 3 window rows: at most 2038-pixel chunks fit ub,
// so 10 even chunks of 2000 (2002 input pixels with the halo).
// CHECK-LABEL: func.func private @ma
// CHECK: memref.alloc() : memref<3x2002x8xf32, #tile.space<ub>>
// CHECK: memref.alloc() : memref<1x2000x8xf32, #tile.space<ub>>
// CHECK: tile.vmax {{.*}} : memref<1x2000x8xf32, strided<[16016, 8, 1]>, #tile.space<ub>>, memref<1x2000x8xf32, strided<[16016, 8, 1], offset: 8>, #tile.space<ub>>, memref<1x2000x8xf32, strided<[16000, 8, 1]>, #tile.space<ub>>
// Stride 2 and a divisor table: 1019 pixels would fit, but 4 chunks of 751
// (the last 748, its ceil_mode overhang clipped into padding) give the 32
// cores one unit each; the table is read per chunk.
// CHECK-LABEL: func.func private @vb
// CHECK: memref.alloc() : memref<3x1503x8xf32, #tile.space<ub>>
// CHECK: memref.alloc() : memref<1x751x8xf32, #tile.space<ub>>
// CHECK: memref.alloc() : memref<1x751x8xf32, #tile.space<ub>>
// CHECK: tile.vmul {{.*}} : memref<1x751x8xf32
// CHECK: tile.vmul {{.*}} : memref<1x748x8xf32
// CHECK-LABEL: func.func private @vc
// CHECK: memref.alloc() : memref<2x1806x16xf16, #tile.space<ub>>
// CHECK: tile.vmuls {{.*}}, 1.000000e-01, {{.*}} : memref<1x600x16xf16
// CHECK: tile.vmuls {{.*}}, 1.000000e-01, {{.*}} : memref<1x599x16xf16

!a = tensor<1x16x4x20000xf32>
!b = tensor<1x16x6x6000xf32>
!c = tensor<1x20x3x9000xf16>
func.func @main(%a: !a {nn.name = "a"}, %b: !b {nn.name = "b"}, %c: !c {nn.name = "c"})
    -> (tensor<1x16x4x20000xf32> {nn.name = "ma"}, tensor<1x16x4x3001xf32> {nn.name = "vb"},
        tensor<1x20x3x2999xf16> {nn.name = "vc"}) {
  %ma = nn.max_pool %a {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>}
      : (!a) -> tensor<1x16x4x20000xf32> loc("ma"("MaxPool"))
  %vb = nn.average_pool %b {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, ceil_mode = true}
      : (!b) -> tensor<1x16x4x3001xf32> loc("vb"("AveragePool"))
  %vc = nn.average_pool %c {kernel_shape = array<i64: 2, 5>, strides = array<i64: 1, 3>, pads = array<i64: 0, 2, 1, 1>, dilations = array<i64: 1, 2>, count_include_pad = true}
      : (!c) -> tensor<1x20x3x2999xf16> loc("vc"("AveragePool"))
  return %ma, %vb, %vc : tensor<1x16x4x20000xf32>, tensor<1x16x4x3001xf32>, tensor<1x20x3x2999xf16>
}
