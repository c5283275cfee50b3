// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// A 3x3 pad-1 conv with bias and relu, 8 -> 16 channels on a 6x6 f32 map
// (C0 = 8): the input and result stay in their stored NC1HWC0 shapes, the
// weights become one packed constant (9 K fractals x 1 N fractal x 128),
// the bias a row pre-broadcast over the tile's rows. Row tiles at the top
// and bottom edges get load3d's vertical padding; the middle ones none.
// CHECK-LABEL: func.func @main
// CHECK-SAME: memref<1x1x6x6x8xf32, #tile.space<gm>>
// CHECK: call @conv0_relu
// CHECK: func.func private @conv0_relu(%{{.*}}: memref<1x1x6x6x8xf32, #tile.space<gm>>, %{{.*}}: memref<1152xf32, #tile.space<gm>>, %{{.*}}: memref<{{[0-9]+}}xf32, #tile.space<gm>>, %{{.*}}: memref<1x2x6x6x8xf32, #tile.space<gm>>)
// CHECK: tile.block_idx
// CHECK: tile.img2col {{.*}}pads = array<i64: 1, 0, 1, 1>
// CHECK-SAME: to memref<{{[0-9]+}}x72xf32, {{.*}}#tile.space<l0a>>
// CHECK: tile.mmad {{.*}} : memref<{{[0-9]+}}x72xf32, {{.*}}#tile.space<l0a>>, memref<72x16xf32, {{.*}}#tile.space<l0b>>
// CHECK: tile.vadd
// CHECK: tile.vrelu
// CHECK: memref.expand_shape
// CHECK: tile.copy {{.*}}#tile.space<ub>> to memref<1x2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>>
// CHECK: tile.img2col {{.*}}pads = array<i64: {{[0-9]}}, 1, 1, 1>
func.func @main(%x: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>) -> tensor<1x16x6x6xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<16x8x3x3xf32>
  %b = nn.constant dense<0.25> : tensor<16xf32>
  %y = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x6x6xf32, #nn.layout<nc1hwc0>> loc("conv0")
  %r = nn.relu %y : tensor<1x16x6x6xf32, #nn.layout<nc1hwc0>> loc("relu")
  return %r : tensor<1x16x6x6xf32, #nn.layout<nc1hwc0>>
}

// -----

// Depthwise on 32 f32 channels: groups pack 8 to a super-group (one C0
// block of input and of output channels), 4 super-groups of 9 K fractals
// with block-diagonal weights: 4 x 9 x 128 packed values. Each unit reads
// one input channel block ([1, h, 8, 8] windows) and writes one output block.
// CHECK-LABEL: func.func private @dw
// CHECK-SAME: memref<4608xf32, #tile.space<gm>>
// CHECK: tile.img2col {{.*}} : memref<1x{{[0-9]+}}x8x8xf32, {{.*}}#tile.space<l1>> to memref<{{[0-9]+}}x72xf32, {{.*}}#tile.space<l0a>>
// CHECK: tile.copy {{.*}} : memref<1x1x{{[0-9]+}}x8xf32, {{.*}}#tile.space<ub>> to memref<1x1x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>>
func.func @main(%x: tensor<1x32x8x8xf32, #nn.layout<nc1hwc0>>) -> tensor<1x32x8x8xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<1.0> : tensor<32x1x3x3xf32>
  %y = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 32 : i64} : (tensor<1x32x8x8xf32, #nn.layout<nc1hwc0>>, tensor<32x1x3x3xf32>) -> tensor<1x32x8x8xf32, #nn.layout<nc1hwc0>> loc("dw")
  return %y : tensor<1x32x8x8xf32, #nn.layout<nc1hwc0>>
}

// -----

// Output rows of 3000 pixels are wider than L0A holds for one tile: tiles
// are pieces of one row (192 pixels here, 16 per row: 15 full and a ragged
// one of 120), each copying the input columns it reads (its pixels plus
// the 3x3 kernel's halo, clipped to the map) and giving load3d the
// clipped part as horizontal padding: the left piece pads left, the
// middle ones read 194 columns with no padding, the ragged right one pads
// right. With the top and bottom rows' vertical padding that makes six
// classes of units.
// CHECK-LABEL: func.func private @wide
// CHECK-SAME: tile.block_dim = 32
// CHECK: tile.copy {{.*}} to memref<1x2x193x8xf32, strided<[3088, 1544, 8, 1]>, #tile.space<l1>>
// CHECK: tile.img2col {{.*}}pads = array<i64: 1, 0, 1, 0>{{.*}} to memref<192x24xf32
// CHECK: tile.copy {{.*}} : memref<1x1x192x8xf32, {{.*}}#tile.space<ub>> to memref<1x1x192x8xf32, strided<[48000, 48000, 8, 1], offset: ?>, #tile.space<gm>>
// CHECK: tile.copy {{.*}} to memref<1x2x194x8xf32, strided<[3104, 1552, 8, 1]>, #tile.space<l1>>
// CHECK: tile.img2col {{.*}}pads = array<i64: 1, 0, 0, 0>{{.*}} to memref<192x24xf32
// CHECK: tile.copy {{.*}} to memref<1x2x121x8xf32, strided<[1936, 968, 8, 1]>, #tile.space<l1>>
// CHECK: tile.img2col {{.*}}pads = array<i64: 1, 0, 0, 1>{{.*}} to memref<128x24xf32
// CHECK: tile.copy {{.*}} : memref<1x1x120x8xf32, {{.*}}#tile.space<ub>> to memref<1x1x120x8xf32
// CHECK: tile.img2col {{.*}}pads = array<i64: 0, 1, 1, 0>
// CHECK: tile.img2col {{.*}}pads = array<i64: 0, 1, 0, 0>
// CHECK: tile.img2col {{.*}}pads = array<i64: 0, 1, 0, 1>
func.func @main(%x: tensor<1x8x2x3000xf32, #nn.layout<nc1hwc0>>) -> tensor<1x8x2x3000xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<8x8x3x3xf32>
  %y = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x8x2x3000xf32, #nn.layout<nc1hwc0>>, tensor<8x8x3x3xf32>) -> tensor<1x8x2x3000xf32, #nn.layout<nc1hwc0>> loc("wide")
  return %y : tensor<1x8x2x3000xf32, #nn.layout<nc1hwc0>>
}
