// Softmax and reductions at the tile level: rows copied into ub rows padded
// to 32-byte blocks, chunk folds with tile.vbcast_*, one value per row with
// tile.vreduce_*, tile.vbrcb blocks re-read along the row, middle axes
// folded by halving.
// RUN: ascend-opt %s --ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// Inner-axis softmax over rows of 100 f32 (rows padded to 104): max, x - max,
// exp, sum, one reciprocal per row, multiply. 12 rows over the cores: one
// row per tile.
// CHECK-LABEL: func.func private @sm(
// CHECK-SAME: attributes {tile.block_dim = 12 : i32, tile.kernel}
// CHECK: tile.vdup 0.0{{.*}} : memref<8xf32, #tile.space<ub>>
// CHECK: scf.for
// CHECK: tile.copy {{.*}} : memref<1x100xf32, strided<[100, 1], offset: ?>, #tile.space<gm>> to memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_max {{.*}} : memref<1x64xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x64xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x64xf32, strided<[64, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_max {{.*}} : memref<1x36xf32, strided<[64, 1]>, #tile.space<ub>>, memref<1x36xf32, strided<[104, 1], offset: 64>, #tile.space<ub>>, memref<1x36xf32, strided<[64, 1]>, #tile.space<ub>>
// CHECK: tile.vreduce_max {{.*}} : memref<1x64xf32, strided<[64, 1]>, #tile.space<ub>>, memref<1xf32, strided<[1]>, #tile.space<ub>>
// CHECK: tile.vbrcb {{.*}} : memref<8xf32, #tile.space<ub>>, memref<8x8xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_sub {{.*}} : memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>, memref<1x1xf32, strided<[8, 1]>, #tile.space<ub>>, memref<1x100xf32, strided<[104, 1]>, #tile.space<ub>>
// CHECK: tile.vexp
// CHECK: tile.vreduce_sum
// CHECK: tile.vrec
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_mul
// CHECK: tile.copy {{.*}} to memref<1x100xf32, strided<[100, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<12x100xf32>) -> tensor<12x100xf32> {
  %0 = nn.kernel "sm" ins(%a : tensor<12x100xf32>) -> tensor<12x100xf32> {
  ^bb0(%x: tensor<12x100xf32>):
    %s = nn.softmax %x {axis = 1 : i64} : (tensor<12x100xf32>) -> tensor<12x100xf32>
    nn.yield %s : tensor<12x100xf32>
  }
  return %0 : tensor<12x100xf32>
}

// -----

// 71 rows: two buffer sets (at least two tiles per core), so 2 rows per
// tile, 35 full tiles dealt in pairs (set 0, then set 1), an odd one left
// on set 0, and a ragged tile of one row on block 35 % 32 = 3.
// CHECK-LABEL: func.func private @rows(
// CHECK-SAME: tile.block_dim = 32
// CHECK-COUNT-2: memref.alloc() : memref<80xf32, #tile.space<ub>>
// CHECK: scf.for
// CHECK: tile.vreduce_sum %[[X0:.*]], %{{.*}} : memref<2x33xf32, strided<[40, 1]>, #tile.space<ub>>, memref<2xf32, strided<[1]>, #tile.space<ub>>
// CHECK: tile.vreduce_sum %[[X1:.*]], %{{.*}} : memref<2x33xf32, strided<[40, 1]>, #tile.space<ub>>, memref<2xf32, strided<[1]>, #tile.space<ub>>
// CHECK: scf.for
// CHECK: tile.vreduce_sum {{.*}} : memref<2x33xf32
// CHECK: scf.for
// CHECK: tile.vreduce_sum {{.*}} : memref<1x33xf32, strided<[40, 1]>, #tile.space<ub>>, memref<1xf32, strided<[1]>, #tile.space<ub>>
func.func @main(%a: tensor<71x33xf32>) -> tensor<71xf32> {
  %0 = nn.kernel "rows" ins(%a : tensor<71x33xf32>) -> tensor<71xf32> {
  ^bb0(%x: tensor<71x33xf32>):
    %s = nn.reduce_sum %x {axes = array<i64: 1>, keepdims = false} : (tensor<71x33xf32>) -> tensor<71xf32>
    nn.yield %s : tensor<71xf32>
  }
  return %0 : tensor<71xf32>
}

// -----

// Log-softmax keeps x - max and takes the exponentials into a second buffer.
// CHECK-LABEL: func.func private @lsm(
// CHECK: tile.vreduce_max
// CHECK: tile.vbcast_sub
// CHECK: tile.vexp {{.*}} : memref<16xf16, #tile.space<ub>>
// CHECK: tile.vreduce_sum
// CHECK: tile.vln
// CHECK: tile.vbcast_sub
func.func @main(%a: tensor<1x5xf16>) -> tensor<1x5xf16> {
  %0 = nn.kernel "lsm" ins(%a : tensor<1x5xf16>) -> tensor<1x5xf16> {
  ^bb0(%x: tensor<1x5xf16>):
    %s = nn.log_softmax %x {axis = 1 : i64} : (tensor<1x5xf16>) -> tensor<1x5xf16>
    nn.yield %s : tensor<1x5xf16>
  }
  return %0 : tensor<1x5xf16>
}

// -----

// Middle axis of [3, 4, 5]: per o, the 4 rows of 5 (padded to 8) fold into
// the first by halving (4 -> 2 -> 1), then the mean scales it.
// CHECK-LABEL: func.func private @mean(
// CHECK-SAME: tile.block_dim = 3
// CHECK: tile.copy {{.*}} : memref<1x4x5xf32, strided<[20, 5, 1], offset: ?>, #tile.space<gm>> to memref<1x4x5xf32, strided<[32, 8, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<2x5xf32, strided<[8, 1]>, #tile.space<ub>>, memref<2x5xf32, strided<[8, 1], offset: 16>, #tile.space<ub>>, memref<2x5xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_add {{.*}} : memref<1x5xf32, strided<[8, 1]>, #tile.space<ub>>, memref<1x5xf32, strided<[8, 1], offset: 8>, #tile.space<ub>>, memref<1x5xf32, strided<[8, 1]>, #tile.space<ub>>
// CHECK: tile.vmuls {{.*}} 2.500000e-01
// CHECK: tile.copy {{.*}} : memref<1x5xf32, strided<[8, 1]>, #tile.space<ub>> to memref<1x5xf32, strided<[5, 1], offset: ?>, #tile.space<gm>>
func.func @main(%a: tensor<3x4x5xf32>) -> tensor<3x1x5xf32> {
  %0 = nn.kernel "mean" ins(%a : tensor<3x4x5xf32>) -> tensor<3x1x5xf32> {
  ^bb0(%x: tensor<3x4x5xf32>):
    %s = nn.reduce_mean %x {axes = array<i64: 1>, keepdims = true} : (tensor<3x4x5xf32>) -> tensor<3x1x5xf32>
    nn.yield %s : tensor<3x1x5xf32>
  }
  return %0 : tensor<3x1x5xf32>
}

// -----

// Rows too long for ub: column chunks of whole repeats in a loop, each
// folded by halving (340 chunks of 64: 170, 85, 43, ...) into one repeat,
// reduced and combined into the row's value.
// CHECK-LABEL: func.func private @big(
// CHECK: tile.copy {{.*}} : memref<1x21760xf32, strided<[200000, 1], offset: ?>, #tile.space<gm>> to memref<1x21760xf32, strided<[21760, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_max {{.*}} : memref<1x10880xf32, strided<[21760, 1]>, #tile.space<ub>>, memref<1x10880xf32, strided<[21760, 1], offset: 10880>, #tile.space<ub>>, memref<1x10880xf32, strided<[10880, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_max {{.*}} : memref<1x5440xf32, strided<[10880, 1]>, #tile.space<ub>>, memref<1x5440xf32, strided<[10880, 1], offset: 5440>, #tile.space<ub>>, memref<1x5440xf32, strided<[10880, 1]>, #tile.space<ub>>
// CHECK: tile.vbcast_max {{.*}} : memref<1x2688xf32, strided<[10880, 1]>, #tile.space<ub>>, memref<1x2688xf32, strided<[10880, 1], offset: 2752>, #tile.space<ub>>, memref<1x2688xf32, strided<[10880, 1]>, #tile.space<ub>>
// CHECK: tile.vreduce_max
// CHECK: scf.for
// CHECK: tile.vreduce_max
// CHECK: tile.vbcast_max {{.*}} : memref<1x1xf32
// CHECK: tile.copy {{.*}} : memref<1x4160xf32, strided<[200000, 1], offset: ?>, #tile.space<gm>> to memref<1x4160xf32, strided<[21760, 1]>, #tile.space<ub>>
func.func @main(%a: tensor<2x200000xf32>) -> tensor<2xf32> {
  %0 = nn.kernel "big" ins(%a : tensor<2x200000xf32>) -> tensor<2xf32> {
  ^bb0(%x: tensor<2x200000xf32>):
    %s = nn.reduce_max %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x200000xf32>) -> tensor<2xf32>
    nn.yield %s : tensor<2xf32>
  }
  return %0 : tensor<2xf32>
}

// -----

// Softmax rows longer than ub stream in column chunks: max, then the sum of
// exp(x - max), then the result, each a pass over the chunks.
// CHECK-LABEL: func.func private @longsm(
// CHECK: tile.vreduce_max
// CHECK: scf.for
// CHECK: tile.vreduce_max
// CHECK: tile.vbcast_max {{.*}} : memref<1x1xf32
// CHECK: tile.vreduce_max
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_sub
// CHECK: tile.vexp
// CHECK: tile.vreduce_sum
// CHECK: scf.for
// CHECK: tile.vreduce_sum
// CHECK: tile.vbcast_add {{.*}} : memref<1x1xf32
// CHECK: tile.vrec
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_mul
// CHECK: tile.copy {{.*}} to memref<1x{{[0-9]+}}xf32, strided<[100000, 1], offset: ?>, #tile.space<gm>>
// CHECK: scf.for
// CHECK: tile.vbcast_mul
func.func @main(%a: tensor<2x100000xf32>) -> tensor<2x100000xf32> {
  %0 = nn.kernel "longsm" ins(%a : tensor<2x100000xf32>) -> tensor<2x100000xf32> {
  ^bb0(%x: tensor<2x100000xf32>):
    %s = nn.softmax %x {axis = 1 : i64} : (tensor<2x100000xf32>) -> tensor<2x100000xf32>
    nn.yield %s : tensor<2x100000xf32>
  }
  return %0 : tensor<2x100000xf32>
}
