// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file | FileCheck %s
// RUN: ascend-opt %s -ascend-lower-nn-to-tile=mixed-precision=true -split-input-file | FileCheck %s --check-prefix=MIXED

// A residual of the product's shape with rows of whole fractals (N = 32):
// the cube kernel takes it as an argument, zeroes its ub tile once, and per
// tile copies the tile's rows with one strided copy per fractal column into
// the result's ub layout [n1][mt][16], then adds it after the bias. The
// cost model takes 16 x 16 tiles (one fractal column) on 8 blocks.
// CHECK-LABEL: func.func @main
// CHECK:       call @fc_bias_res(%arg0, %{{.*}}, %arg1, %arg2)
// CHECK-LABEL: func.func private @fc_bias_res(
// CHECK-SAME:    %[[R:[a-z0-9]+]]: memref<2x32x32xf32, #tile.space<gm>>, %{{.*}}: memref<2x32x32xf32, #tile.space<gm>>)
// CHECK:       %[[RV:.*]] = memref.reinterpret_cast %[[R]] {{.*}} to memref<64x2x16xf32
// CHECK:       tile.vdup 0.000000e+00, %{{.*}} : memref<256xf32, #tile.space<ub>>
// CHECK:       memref.subview %[[RV]]
// CHECK-NEXT:  memref.transpose {{.*}} to memref<1x16x16xf32
// CHECK-NEXT:  tile.copy {{.*}} : memref<1x16x16xf32, strided<[16, 32, 1], offset: ?>, #tile.space<gm>> to memref<1x16x16xf32, strided<[256, 16, 1]>, #tile.space<ub>>
// CHECK:       tile.copy {{.*}} #tile.space<l0c>> to memref<1x256xf32
// CHECK:       tile.vadds
// CHECK:       tile.vadd
// MIXED-LABEL: func.func private @fc_bias_res(
// MIXED-SAME:    memref<2x32x32xf32, #tile.space<gm>>
// MIXED:       tile.vdup 0.000000e+00, %{{.*}} : memref<256xf32, #tile.space<ub>>
// MIXED:       tile.copy {{.*}} : memref<1x16x16xf32, strided<[16, 32, 1], offset: ?>, #tile.space<gm>> to memref<1x16x16xf32, strided<[256, 16, 1]>, #tile.space<ub>>
func.func @main(%a: tensor<2x32x8xf32>, %r: tensor<2x32x32xf32>) -> tensor<2x32x32xf32> {
  %w = nn.constant dense<1.0> : tensor<8x32xf32>
  %b = nn.constant dense<0.5> : tensor<32xf32>
  %0 = nn.kernel "fc_bias_res" ins(%a, %w, %b, %r : tensor<2x32x8xf32>, tensor<8x32xf32>, tensor<32xf32>, tensor<2x32x32xf32>) -> tensor<2x32x32xf32> {
  ^bb0(%x: tensor<2x32x8xf32>, %y: tensor<8x32xf32>, %c: tensor<32xf32>, %z: tensor<2x32x32xf32>):
    %m = nn.matmul %x, %y : tensor<2x32x8xf32>, tensor<8x32xf32> -> tensor<2x32x32xf32>
    %s = nn.add %m, %c : tensor<2x32x32xf32>, tensor<32xf32> -> tensor<2x32x32xf32>
    %t = nn.add %s, %z : tensor<2x32x32xf32>, tensor<2x32x32xf32> -> tensor<2x32x32xf32>
    nn.yield %t : tensor<2x32x32xf32>
  }
  return %0 : tensor<2x32x32xf32>
}

// -----

// Rows that are not whole fractals (N = 20): the residual is staged (a
// zero-padded copy, in f32 also in mixed precision) and each row is one copy
// of two fractals, the tail running into the next row.
// CHECK-LABEL: func.func @main
// CHECK:       call @fc_mul_stage_t0(%arg1, %[[S:[a-z0-9_]+]])
// CHECK:       call @fc_mul(%arg0, %{{.*}}, %[[S]], %{{.*}}, %arg2)
// CHECK-LABEL: func.func private @fc_mul_stage_t0(
// CHECK-LABEL: func.func private @fc_mul(
// CHECK:       scf.for
// CHECK:         tile.copy {{.*}} : memref<2x1x16xf32, {{.*}}#tile.space<gm>> to memref<2x1x16xf32, strided<[256, 16, 1], offset: ?>, #tile.space<ub>>
// CHECK:       tile.vmul
// MIXED-LABEL: func.func private @fc_mul_stage_t0(%{{.*}}: memref<16x20xf32, #tile.space<gm>>, %{{.*}}: memref<{{[0-9]+}}xf32, #tile.space<gm>>)
func.func @main(%a: tensor<16x8xf32>, %r: tensor<16x20xf32>) -> tensor<16x20xf32> {
  %w = nn.constant dense<1.0> : tensor<8x20xf32>
  %0 = nn.kernel "fc_mul" ins(%a, %w, %r : tensor<16x8xf32>, tensor<8x20xf32>, tensor<16x20xf32>) -> tensor<16x20xf32> {
  ^bb0(%x: tensor<16x8xf32>, %y: tensor<8x20xf32>, %z: tensor<16x20xf32>):
    %m = nn.matmul %x, %y : tensor<16x8xf32>, tensor<8x20xf32> -> tensor<16x20xf32>
    %s = nn.mul %z, %m : tensor<16x20xf32>, tensor<16x20xf32> -> tensor<16x20xf32>
    nn.yield %s : tensor<16x20xf32>
  }
  return %0 : tensor<16x20xf32>
}
