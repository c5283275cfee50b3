// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// Runtime B ([K][N], rows of 32 floats = whole blocks), in 2 x 2 tiles of
// 16 x 16 on 4 blocks: per tile one strided copy of its group of 16 columns
// into L1 ([1][64][16]) from column 16 * j, one transposing load of its 4
// blocks into L0B, and one mmad.
// CHECK-LABEL: func.func private @mm(
// CHECK-SAME:  tile.block_dim = 4 : i32
// CHECK:       %[[COL:.*]] = arith.divsi %{{.*}}, %c16
// CHECK:       memref.subview %{{.*}}[0, %[[COL]], 0] [64, 1, 16]
// CHECK:       memref.transpose {{.*}} : memref<64x1x16xf32, {{.*}}#tile.space<gm>> to memref<1x64x16xf32
// CHECK-NEXT:  tile.copy {{.*}} to memref<1x64x16xf32, strided<[1024, 16, 1]>, #tile.space<l1>>
// CHECK:       tile.load_transpose {{.*}} : memref<4x16x16xf32, strided<[256, 16, 1]>, #tile.space<l1>> to memref<4x2x16x8xf32, strided<[256, 128, 8, 1]>, #tile.space<l0b>>
// CHECK:       tile.mmad {{.*}} : memref<16x64xf32, {{.*}}>, memref<64x16xf32, strided<[16, 1]>, #tile.space<l0b>>, memref<16x16xf32, strided<[16, 1]>, #tile.space<l0c>>
func.func @main(%a: tensor<32x64xf32>, %b: tensor<64x32xf32>) -> tensor<32x32xf32> {
  %0 = nn.kernel "mm" ins(%a, %b : tensor<32x64xf32>, tensor<64x32xf32>) -> tensor<32x32xf32> {
  ^bb0(%x: tensor<32x64xf32>, %y: tensor<64x32xf32>):
    %m = nn.matmul %x, %y : tensor<32x64xf32>, tensor<64x32xf32> -> tensor<32x32xf32>
    nn.yield %m : tensor<32x32xf32>
  }
  return %0 : tensor<32x32xf32>
}

// -----

// Gemm with transB and a runtime scalar C in f16: B^T is natural (fractal
// columns gathered per group of 16 columns of N); C is read once per column
// of N into row 0 of an L0B fractal row, times a column of ones in L0A, as
// the first product into L0C. N is split into 3 tiles of 16 columns on 3
// blocks: each tile loads its part of that row from L1 into L0B.
// CHECK-LABEL: func.func private @fc(
// CHECK-SAME:  tile.block_dim = 3 : i32
// CHECK:       tile.vdup 1.000000e+00, %[[ONES:.*]] : memref<256xf16, #tile.space<ub>>
// CHECK:       scf.for %{{.*}} = %c0 to %c48
// CHECK:         tile.copy %{{.*}}, %{{.*}} : memref<16xf16, strided<[1]>, #tile.space<gm>> to memref<16xf16, strided<[1], offset: ?>, #tile.space<l1>>
// CHECK:       scf.for
// CHECK:         tile.copy {{.*}} : memref<256xf16, strided<[1], offset: ?>, #tile.space<l1>> to memref<256xf16, strided<[1]>, #tile.space<l0b>>
// CHECK:         tile.mmad {{.*}} : memref<16x1xf16, {{.*}}>, memref<1x16xf16, {{.*}}>, memref<16x16xf32
// CHECK:         tile.copy {{.*}} : memref<1x2x16x16xf16, strided<[256, 256, 16, 1]>, #tile.space<l1>> to memref<1x2x16x16xf16, strided<[512, 256, 16, 1]>, #tile.space<l0b>>
// CHECK:         tile.mmad {{.*}} {accumulate} : memref<16x32xf16
func.func @main(%a: tensor<16x32xf16>, %b: tensor<48x32xf16>, %c: tensor<f16>) -> tensor<16x48xf16> {
  %0 = nn.kernel "fc" ins(%a, %b, %c : tensor<16x32xf16>, tensor<48x32xf16>, tensor<f16>) -> tensor<16x48xf16> {
  ^bb0(%x: tensor<16x32xf16>, %y: tensor<48x32xf16>, %z: tensor<f16>):
    %m = nn.gemm %x, %y, %z {trans_b = true} : (tensor<16x32xf16>, tensor<48x32xf16>, tensor<f16>) -> tensor<16x48xf16>
    nn.yield %m : tensor<16x48xf16>
  }
  return %0 : tensor<16x48xf16>
}

// -----

// Batched MatMul with N = 3 (rows of 12 bytes): B is staged by a one-block
// kernel into a zero-padded workspace; one block loops over the 4 batches in
// order, writes rows into a workspace (each row's block spilling into the
// next rows) and copies the result out flat at the end.
// CHECK-LABEL: func.func @main(
// CHECK:       call @bmm_stage_b(%arg1, %[[W:.*]]) : (memref<4x8x3xf32, #tile.space<gm>>, memref<112xf32, #tile.space<gm>>)
// CHECK:       call @bmm(%arg0, %[[W]], %{{.*}}, %arg2) : (memref<4x16x8xf32, #tile.space<gm>>, memref<112xf32, #tile.space<gm>>, memref<208xf32, #tile.space<gm>>, memref<4x16x3xf32, #tile.space<gm>>)
// CHECK-LABEL: func.func private @bmm_stage_b(
// CHECK:       tile.vdup 0.000000e+00
// CHECK-LABEL: func.func private @bmm(
// CHECK-SAME:  tile.block_dim = 1 : i32
// CHECK:       scf.for %[[BI:.*]] = %c0{{.*}} to %c4
// CHECK:         %[[U:.*]] = arith.addi %[[BI]]
// CHECK:         arith.muli %[[U]], %c16
// CHECK:         arith.muli %[[U]], %c8
// CHECK:         tile.load_transpose
// CHECK:         scf.for
// CHECK:           tile.copy {{.*}} : memref<1x1x16xf32, {{.*}}#tile.space<ub>> to memref<1x1x16xf32, {{.*}}#tile.space<gm>>
// CHECK:       tile.copy {{.*}} : memref<192xf32, {{.*}}#tile.space<gm>> to memref<192xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<192xf32, {{.*}}#tile.space<ub>> to memref<192xf32, {{.*}}#tile.space<gm>>
// CHECK-NEXT:  return
func.func @main(%a: tensor<4x16x8xf32>, %b: tensor<4x8x3xf32>) -> tensor<4x16x3xf32> {
  %0 = nn.kernel "bmm" ins(%a, %b : tensor<4x16x8xf32>, tensor<4x8x3xf32>) -> tensor<4x16x3xf32> {
  ^bb0(%x: tensor<4x16x8xf32>, %y: tensor<4x8x3xf32>):
    %m = nn.matmul %x, %y : tensor<4x16x8xf32>, tensor<4x8x3xf32> -> tensor<4x16x3xf32>
    nn.yield %m : tensor<4x16x3xf32>
  }
  return %0 : tensor<4x16x3xf32>
}
