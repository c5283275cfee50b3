// RUN: ascend-opt %s -split-input-file --ascend-fuse --ascend-lower-nn-to-tile | FileCheck %s

// Concat along the last axis: one move per input, rows of 40 and 24
// values loaded whole and stored 64 values apart; a fence between the two
// families orders MTE2 and MTE3 without the vector unit.
// CHECK-LABEL: func.func private @cat
// CHECK: %[[UB:.*]] = memref.alloc() : memref<80xf32, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x2x40xf32, strided<[1, 40, 1], offset: ?>, #tile.space<gm>> to memref<1x2x40xf32, strided<[80, 40, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x2x40xf32, strided<[80, 40, 1]>, #tile.space<ub>> to memref<1x2x40xf32, strided<[1, 64, 1], offset: ?>, #tile.space<gm>>
// CHECK: tile.barrier <mte2>
// CHECK: tile.barrier <mte3>
// CHECK: tile.copy {{.*}} : memref<8xf32, #tile.space<ub>> to memref<8xf32, #tile.space<l1>>
// CHECK: %[[OFF:.*]] = arith.addi %c40
// CHECK: memref.subview %{{.*}}[%[[OFF]], 0, 0] [1, 2, 24]
// CHECK: tile.copy {{.*}} to memref<1x2x24xf32, strided<[1, 64, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<2x40xf32> {nn.name = "a"}, %b: tensor<2x24xf32> {nn.name = "b"}) -> (tensor<2x64xf32> {nn.name = "y"}) {
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<2x40xf32>, tensor<2x24xf32>) -> tensor<2x64xf32> loc("cat"("Concat"))
  return %0 : tensor<2x64xf32>
}

// -----

// A transpose of the innermost axis: 16 rows of 20 values in, two
// 16 x 16 vnchwconv repeats, 20 pixels of 16 values out.
// CHECK-LABEL: func.func private @t
// CHECK: tile.copy {{.*}} : memref<1x16x20xf16, strided<[1, 20, 1], offset: ?>, #tile.space<gm>> to memref<1x16x20xf16, strided<[512, 32, 1]>, #tile.space<ub>>
// CHECK: tile.vnchwconv {{.*}} : memref<2x16x16xf16, strided<[16, 32, 1]>, #tile.space<ub>> to memref<2x16x16xf16, strided<[256, 16, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} : memref<1x20x16xf16, strided<[512, 16, 1]>, #tile.space<ub>> to memref<1x20x16xf16, strided<[1, 16, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<16x20xf16> {nn.name = "a"}) -> (tensor<20x16xf16> {nn.name = "y"}) {
  %0 = nn.transpose %a {perm = array<i64: 1, 0>} : (tensor<16x20xf16>) -> tensor<20x16xf16> loc("t"("Transpose"))
  return %0 : tensor<20x16xf16>
}

// -----

// Constant pad: the body is copied one column to the right, the pad
// columns are stored from a ub tile filled once.
// CHECK-LABEL: func.func private @p
// CHECK: tile.vdup 2.000000e+00, %[[FILL:[a-z_0-9]+]] : memref<24xf32, #tile.space<ub>>
// CHECK: tile.copy {{.*}} to memref<1x3x5xf32, strided<[24, 8, 1]>, #tile.space<ub>>
// CHECK: tile.copy {{.*}} to memref<1x3x5xf32, strided<[1, 8, 1], offset: ?>, #tile.space<gm>>
// CHECK: memref.reinterpret_cast %[[FILL]] to offset: [0], sizes: [1, 3, 1]
// CHECK: tile.copy {{.*}} to memref<1x3x1xf32, strided<[1, 8, 1], offset: ?>, #tile.space<gm>>
// CHECK: memref.reinterpret_cast %[[FILL]] to offset: [0], sizes: [1, 3, 2]
// CHECK: tile.copy {{.*}} to memref<1x3x2xf32, strided<[1, 8, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<3x5xf32> {nn.name = "a"}) -> (tensor<3x8xf32> {nn.name = "y"}) {
  %0 = nn.pad %a {pads = array<i64: 0, 1, 0, 2>, mode = "constant", value = 2.0 : f32} : (tensor<3x5xf32>) -> tensor<3x8xf32> loc("p"("Pad"))
  return %0 : tensor<3x8xf32>
}

// -----

// Expand of an i64 column: each value lands in its own block (copy_pad
// rows of one element), and the tile is stored once per broadcast column.
// CHECK-LABEL: func.func private @e
// CHECK: tile.copy {{.*}} : memref<1x3x1xi64, strided<[1, 1, 1], offset: ?>, #tile.space<gm>> to memref<1x3x1xi64, strided<[12, 4, 1]>, #tile.space<ub>>
// CHECK: scf.for %[[B:.*]] = %{{.*}} to %c4
// CHECK: arith.addi %{{.*}}, %[[B]]
// CHECK: tile.copy {{.*}} : memref<1x3x1xi64, strided<[12, 4, 1]>, #tile.space<ub>> to memref<1x3x1xi64, strided<[1, 4, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<3x1xi64> {nn.name = "a"}) -> (tensor<3x4xi64> {nn.name = "y"}) {
  %0 = nn.expand %a : (tensor<3x1xi64>) -> tensor<3x4xi64> loc("e"("Expand"))
  return %0 : tensor<3x4xi64>
}
