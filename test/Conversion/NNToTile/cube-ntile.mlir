// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// N tiling, constant B: 4 x 8 x 5000 (f32). The cost model splits N into 31
// tiles of 160 columns and a ragged last tile of 40, dealt over 32 blocks as
// two families with a fence between them. The weights are packed per N tile
// (tile j at k1 * 160 * j * K0 values), so a tile's K step is one contiguous
// copy. Rows of 5000 floats are not whole blocks apart: a full tile writes
// each row as 10 fractals (exactly its 160 columns); the last tile writes 2
// fractals and a block of each row, and the row's final block through the
// block's workspace row.
// CHECK-LABEL: func.func @main
// CHECK:       call @wide(%arg0, %{{.*}}, %{{.*}}, %arg1) : (memref<4x8xf32, {{.*}}>, memref<40064xf32, {{.*}}>, memref<160256xf32, {{.*}}>, memref<4x5000xf32
// CHECK-LABEL: func.func private @wide(
// CHECK-SAME:  tile.block_dim = 32 : i32
// CHECK:       scf.for
// CHECK:         %[[T:.*]] = arith.muli %{{.*}}, %c160
// CHECK:         arith.muli %[[T]], %c8
// CHECK:         tile.copy {{.*}} : memref<1280xf32, {{.*}}#tile.space<gm>> to memref<1280xf32, {{.*}}#tile.space<l1>>
// CHECK:         tile.mmad {{.*}} : memref<4x8xf32, {{.*}}>, memref<8x160xf32, {{.*}}>, memref<4x160xf32
// CHECK:         tile.copy {{.*}} : memref<10x256xf32, {{.*}}#tile.space<l0c>> to memref<10x256xf32, {{.*}}#tile.space<ub>>
// CHECK:         scf.for %{{.*}} = %c0 to %c4
// CHECK:           tile.copy {{.*}} : memref<10x1x16xf32, {{.*}}#tile.space<ub>> to memref<10x1x16xf32, {{.*}}#tile.space<gm>>
// CHECK:       tile.mmad {{.*}} : memref<16x8xf32, {{.*}}>, memref<8x16xf32, {{.*}}>, memref<16x16xf32
// CHECK:       scf.for
// CHECK:         tile.copy {{.*}} : memref<384xf32, strided<[1], offset: 39680>, #tile.space<gm>> to memref<384xf32, {{.*}}#tile.space<l1>>
// CHECK:         tile.mmad {{.*}} : memref<4x8xf32, {{.*}}>, memref<8x48xf32, {{.*}}>, memref<4x48xf32
// CHECK:         scf.for %{{.*}} = %c0 to %c4
// CHECK:           tile.copy {{.*}} : memref<2x1x16xf32, {{.*}}#tile.space<ub>> to memref<2x1x16xf32, {{.*}}#tile.space<gm>>
// CHECK:           tile.copy {{.*}} : memref<1x1x8xf32, {{.*}}#tile.space<ub>> to memref<1x1x8xf32, {{.*}}#tile.space<gm>>
// CHECK:           tile.copy {{.*}} : memref<3x1x16xf32, {{.*}}#tile.space<ub>> to memref<3x1x16xf32, {{.*}}#tile.space<gm>>
// CHECK:           tile.copy {{.*}} : memref<8xf32, {{.*}}#tile.space<gm>> to memref<8xf32, #tile.space<ub>>
// CHECK:           tile.copy {{.*}} : memref<8xf32, #tile.space<ub>> to memref<8xf32, {{.*}}#tile.space<gm>>
func.func @main(%a: tensor<4x8xf32>) -> tensor<4x5000xf32> {
  %w = nn.constant dense<1.0> : tensor<8x5000xf32>
  %0 = nn.kernel "wide" ins(%a, %w : tensor<4x8xf32>, tensor<8x5000xf32>) -> tensor<4x5000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x5000xf32>):
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x5000xf32> -> tensor<4x5000xf32>
    nn.yield %m : tensor<4x5000xf32>
  }
  return %0 : tensor<4x5000xf32>
}

// -----

// N tiling, runtime B ([K][N]) with N = 4000: 25 tiles of 160 columns on 25
// blocks. A tile reads its 10 groups of 16 columns from column 160 * j with
// one strided copy, transposes them into L0B and multiplies group by group.
// CHECK-LABEL: func.func private @wide_rt(
// CHECK-SAME:  tile.block_dim = 25 : i32
// CHECK:       %[[COL:.*]] = arith.muli %{{.*}}, %c160
// CHECK:       %[[G:.*]] = arith.divsi %[[COL]], %c16
// CHECK:       memref.subview %{{.*}}[0, %[[G]], 0] [8, 10, 16]
// CHECK:       tile.load_transpose {{.*}} : memref<10x16x16xf32, {{.*}}> to memref<10x2x16x8xf32
// CHECK-COUNT-10: tile.mmad {{.*}} : memref<4x8xf32, {{.*}}>, memref<8x16xf32, {{.*}}>, memref<4x16xf32
// CHECK:       tile.vrelu {{.*}} : memref<2560xf32
// CHECK-NOT:   tile.mmad
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8x4000xf32>) -> tensor<4x4000xf32> {
  %0 = nn.kernel "wide_rt" ins(%a, %b : tensor<4x8xf32>, tensor<8x4000xf32>) -> tensor<4x4000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x4000xf32>):
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x4000xf32> -> tensor<4x4000xf32>
    %r = nn.relu %m : tensor<4x4000xf32>
    nn.yield %r : tensor<4x4000xf32>
  }
  return %0 : tensor<4x4000xf32>
}
