// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// Runtime weights, 3 -> 20 channels (f32, C0 = 8): the layout cast kernel
// packs W to nc1hwc0 [20][1][3][3][8]; the prelude kernel permutes its
// blocks into the conv kernel's gm order (here one N tile of 32 columns, 9
// taps: 32 x 9 x 8 = 2304 values, columns 20..31 zero) in a workspace the
// conv kernel reads like packed constant weights.
// CHECK-LABEL: func.func @main
// CHECK: call @w
// CHECK: %[[WS:.*]] = memref.alloc() : memref<2304xf32, #tile.space<gm>>
// CHECK: call @conv0_pack_w(%{{.*}}, %[[WS]]) : (memref<20x1x3x3x8xf32, #tile.space<gm>>, memref<2304xf32, #tile.space<gm>>) -> ()
// CHECK: call @conv0(%{{.*}}, %[[WS]], %{{.*}})
// CHECK: func.func private @conv0_pack_w
// Strided gm rows of one channel group's taps into ub [cols][taps * C0].
// CHECK: tile.copy {{.*}} : memref<20x72xf32, strided<[72, 1], offset: ?>, #tile.space<gm>> to memref<20x72xf32, {{.*}}#tile.space<ub>>
// The padding columns are zeros.
// CHECK: tile.vdup {{.*}} : memref<864xf32, strided<[1], offset: 1440>, #tile.space<ub>>
// Each tap's column blocks to the workspace rows of its K step.
// CHECK: tile.copy {{.*}} : memref<9x32x8xf32, strided<[8, 72, 1]>, #tile.space<ub>> to memref<9x32x8xf32, strided<[256, 8, 1], offset: ?>, #tile.space<gm>>
// CHECK: func.func private @conv0(
// CHECK-SAME: memref<2304xf32, #tile.space<gm>>
// CHECK: tile.img2col
// CHECK: tile.mmad
func.func @main(%x: tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>, %w: tensor<20x3x3x3xf32>) -> tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>> {
  %p = nn.layout_cast %w from <nchw> to <nc1hwc0> : tensor<20x3x3x3xf32> -> tensor<20x3x3x3xf32, #nn.layout<nc1hwc0>> loc("w")
  %y = nn.conv %x, %p {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>, tensor<20x3x3x3xf32, #nn.layout<nc1hwc0>>) -> tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>> loc("conv0")
  return %y : tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>>
}

// -----

// A runtime bias with constant weights: a prelude kernel broadcasts it into
// the bias tiles ([nt/16][mt][16] per N tile: 2 x 16 x 16 = 512 values for
// 4x4 output pixels) in a workspace; its padding columns 20..31 are zero.
// CHECK-LABEL: func.func @main
// CHECK: %[[WS:.*]] = memref.alloc() : memref<512xf32, #tile.space<gm>>
// CHECK: call @conv1_bias(%{{.*}}, %[[WS]]) : (memref<20xf32, #tile.space<gm>>, memref<512xf32, #tile.space<gm>>) -> ()
// CHECK: call @conv1(%{{.*}}, %{{.*}}, %[[WS]], %{{.*}})
// CHECK: func.func private @conv1_bias
// CHECK: tile.vdup
// CHECK: tile.copy {{.*}} : memref<20xf32, strided<[1], offset: ?>, #tile.space<gm>> to memref<20xf32, strided<[1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<16x16xf32, strided<[16, 1]>, #tile.space<ub>>, memref<1x16xf32, strided<[16, 1]>, #tile.space<ub>>, memref<16x16xf32, strided<[16, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<16x16xf32, strided<[16, 1]>, #tile.space<ub>>, memref<1x16xf32, strided<[16, 1], offset: 16>, #tile.space<ub>>, memref<16x16xf32, strided<[16, 1]>, #tile.space<ub>>
func.func @main(%x: tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>, %b: tensor<20xf32>) -> tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<20x3x3x3xf32>
  %y = nn.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>, tensor<20x3x3x3xf32>, tensor<20xf32>) -> tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>> loc("conv1")
  return %y : tensor<1x20x4x4xf32, #nn.layout<nc1hwc0>>
}
