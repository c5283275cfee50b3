// RUN: ascend-opt %s | ascend-opt | FileCheck %s
// RUN: ascend-opt %s --mlir-print-op-generic | ascend-opt | FileCheck %s

!gm = memref<32x64xf16, #tile.space<gm>>
!l1 = memref<32x64xf16, #tile.space<l1>>
!a = memref<32x64xf16, #tile.space<l0a>>
!b = memref<64x16xf16, #tile.space<l0b>>
!c = memref<32x16xf32, #tile.space<l0c>>
!ub = memref<32x64xf16, #tile.space<ub>>
!ub32 = memref<32x16xf32, #tile.space<ub>>

// CHECK-LABEL: func.func @copies
func.func @copies(%gm: !gm, %l1: !l1, %a: !a, %ub: !ub, %c: !c, %ub32: !ub32) {
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<gm>> to memref<32x64xf16, #tile.space<l1>>
  tile.copy %gm, %l1 : !gm to !l1
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<gm>> to memref<32x64xf16, #tile.space<ub>>
  tile.copy %gm, %ub : !gm to !ub
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<l1>> to memref<32x64xf16, #tile.space<l0a>>
  tile.copy %l1, %a : !l1 to !a
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x16xf32, #tile.space<l0c>> to memref<32x16xf32, #tile.space<ub>>
  tile.copy %c, %ub32 : !c to !ub32
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<ub>> to memref<32x64xf16, #tile.space<gm>>
  tile.copy %ub, %gm : !ub to !gm
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<ub>> to memref<32x64xf16, #tile.space<l1>>
  tile.copy %ub, %l1 : !ub to !l1
  // l0c -> ub may narrow the fp32 accumulator to f16.
  // CHECK: tile.copy %{{.*}}, %{{.*}} : memref<32x16xf32, #tile.space<l0c>> to memref<32x16xf16, #tile.space<ub>>
  %ub16 = memref.alloc() : memref<32x16xf16, #tile.space<ub>>
  tile.copy %c, %ub16 : !c to memref<32x16xf16, #tile.space<ub>>
  return
}

// CHECK-LABEL: func.func @vdup
func.func @vdup(%ub: !ub) {
  // CHECK: tile.vdup 0.000000e+00, %{{.*}} : memref<32x64xf16, #tile.space<ub>>
  tile.vdup 0.0, %ub : !ub
  return
}

// CHECK-LABEL: func.func @mmad
func.func @mmad(%a: !a, %b: !b, %c: !c, %a32: memref<16x8xf32, #tile.space<l0a>>,
                %b32: memref<8x16xf32, #tile.space<l0b>>, %c32: memref<16x16xf32, #tile.space<l0c>>) {
  // CHECK: tile.mmad %{{.*}}, %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<l0a>>, memref<64x16xf16, #tile.space<l0b>>, memref<32x16xf32, #tile.space<l0c>>
  tile.mmad %a, %b, %c : !a, !b, !c
  // CHECK: tile.mmad %{{.*}}, %{{.*}}, %{{.*}} {accumulate} :
  tile.mmad %a, %b, %c {accumulate} : !a, !b, !c
  // fp32 mode.
  // CHECK: tile.mmad {{.*}} memref<16x8xf32, #tile.space<l0a>>
  tile.mmad %a32, %b32, %c32 : memref<16x8xf32, #tile.space<l0a>>, memref<8x16xf32, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
  return
}

// CHECK-LABEL: func.func @load_transpose
func.func @load_transpose(%s16: memref<3x16x16xf16, #tile.space<l1>>, %d16: memref<3x1x16x16xf16, #tile.space<l0b>>,
                          %s32: memref<2x16x16xf32, #tile.space<l1>>, %d32: memref<2x2x16x8xf32, #tile.space<l0a>>) {
  // CHECK: tile.load_transpose %{{.*}}, %{{.*}} : memref<3x16x16xf16, #tile.space<l1>> to memref<3x1x16x16xf16, #tile.space<l0b>>
  tile.load_transpose %s16, %d16 : memref<3x16x16xf16, #tile.space<l1>> to memref<3x1x16x16xf16, #tile.space<l0b>>
  // f32: each 16 x 16 block becomes two 16 x 8 fractals.
  // CHECK: tile.load_transpose %{{.*}}, %{{.*}} : memref<2x16x16xf32, #tile.space<l1>> to memref<2x2x16x8xf32, #tile.space<l0a>>
  tile.load_transpose %s32, %d32 : memref<2x16x16xf32, #tile.space<l1>> to memref<2x2x16x8xf32, #tile.space<l0a>>
  return
}

// CHECK-LABEL: func.func @vconv
func.func @vconv(%a: memref<100xf32, #tile.space<ub>>, %b: memref<100xf16, #tile.space<ub>>) {
  // CHECK: tile.vconv %{{.*}}, %{{.*}} : memref<100xf32, #tile.space<ub>> to memref<100xf16, #tile.space<ub>>
  tile.vconv %a, %b : memref<100xf32, #tile.space<ub>> to memref<100xf16, #tile.space<ub>>
  return
}

// CHECK-LABEL: func.func @vector
func.func @vector(%x: !ub, %y: !ub, %z: !ub32) {
  // CHECK: tile.vadd %{{.*}}, %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<ub>>
  tile.vadd %x, %y, %x : !ub
  // CHECK: tile.vsub
  tile.vsub %x, %y, %y : !ub
  // CHECK: tile.vmul
  tile.vmul %x, %x, %x : !ub
  // CHECK: tile.vmax %{{.*}}, %{{.*}}, %{{.*}} : memref<32x16xf32, #tile.space<ub>>
  tile.vmax %z, %z, %z : !ub32
  // CHECK: tile.vrelu %{{.*}}, %{{.*}} : memref<32x64xf16, #tile.space<ub>>
  tile.vrelu %x, %y : !ub
  // CHECK: tile.vexp %{{.*}}, %{{.*}} : memref<32x16xf32, #tile.space<ub>>
  tile.vexp %z, %z : !ub32
  // CHECK: tile.vdiv
  tile.vdiv %z, %z, %z : !ub32
  // CHECK: tile.vmin
  tile.vmin %x, %y, %x : !ub
  // CHECK: tile.vln
  tile.vln %z, %z : !ub32
  // CHECK: tile.vabs
  tile.vabs %z, %z : !ub32
  // CHECK: tile.vsqrt
  tile.vsqrt %z, %z : !ub32
  // CHECK: tile.vrec
  tile.vrec %z, %z : !ub32
  // CHECK: tile.vrsqrt
  tile.vrsqrt %z, %z : !ub32
  // CHECK: tile.vadds %{{.*}}, 5.000000e-01, %{{.*}} : memref<32x16xf32, #tile.space<ub>>
  tile.vadds %z, 0.5, %z : !ub32
  // CHECK: tile.vmuls %{{.*}}, -1.000000e+00
  tile.vmuls %z, -1.0, %z : !ub32
  // CHECK: tile.vmaxs
  tile.vmaxs %x, 0.0, %x : !ub
  // CHECK: tile.vmins
  tile.vmins %x, 6.0, %x : !ub
  return
}

// Vector operands of one shape may differ in strides (pixel columns).
// CHECK-LABEL: func.func @strided_vector
func.func @strided_vector(%a: memref<4x8xf32, strided<[16, 1]>, #tile.space<ub>>,
                          %b: memref<4x8xf32, #tile.space<ub>>) {
  // CHECK: tile.vmax %{{.*}}, %{{.*}}, %{{.*}} : memref<4x8xf32, strided<[16, 1]>, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>
  tile.vmax %a, %b, %b : memref<4x8xf32, strided<[16, 1]>, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>
  // CHECK: tile.vmuls %{{.*}}, 2.000000e+00, %{{.*}} : memref<4x8xf32, strided<[16, 1]>, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>
  tile.vmuls %a, 2.0, %b : memref<4x8xf32, strided<[16, 1]>, #tile.space<ub>>, memref<4x8xf32, #tile.space<ub>>
  return
}

// CHECK-LABEL: func.func @nchwconv
func.func @nchwconv(%rows: memref<2x16x16xf16, strided<[16, 32, 1]>, #tile.space<ub>>,
                    %pixels: memref<2x16x16xf16, #tile.space<ub>>) {
  // CHECK: tile.vnchwconv %{{.*}}, %{{.*}} : memref<2x16x16xf16, strided<[16, 32, 1]>, #tile.space<ub>> to memref<2x16x16xf16, #tile.space<ub>>
  tile.vnchwconv %rows, %pixels : memref<2x16x16xf16, strided<[16, 32, 1]>, #tile.space<ub>> to memref<2x16x16xf16, #tile.space<ub>>
  return
}

// CHECK-LABEL: func.func @gather
func.func @gather(%table: memref<1024xf32, #tile.space<ub>>, %offsets: memref<100xi32, #tile.space<ub>>,
                  %dst: memref<100xf32, #tile.space<ub>>) {
  // CHECK: tile.vgather %{{.*}}, %{{.*}}, %{{.*}} : memref<1024xf32, #tile.space<ub>>, memref<100xi32, #tile.space<ub>>, memref<100xf32, #tile.space<ub>>
  tile.vgather %table, %offsets, %dst : memref<1024xf32, #tile.space<ub>>, memref<100xi32, #tile.space<ub>>, memref<100xf32, #tile.space<ub>>
  return
}

// Tiles are subviews of larger buffers inside scf loops.
// CHECK-LABEL: func.func @loop
func.func @loop(%gm: memref<128x64xf16, #tile.space<gm>>, %ub: !ub) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c128 = arith.constant 128 : index
  // CHECK: scf.for
  scf.for %i = %c0 to %c128 step %c32 {
    %tile = memref.subview %gm[%i, 0] [32, 64] [1, 1]
        : memref<128x64xf16, #tile.space<gm>> to memref<32x64xf16, strided<[64, 1], offset: ?>, #tile.space<gm>>
    // CHECK: tile.copy {{.*}} : memref<32x64xf16, strided<[64, 1], offset: ?>, #tile.space<gm>> to memref<32x64xf16, #tile.space<ub>>
    tile.copy %tile, %ub : memref<32x64xf16, strided<[64, 1], offset: ?>, #tile.space<gm>> to !ub
  }
  return
}

// CHECK-LABEL: func.func @sync
func.func @sync() -> index {
  // CHECK: %[[B:.*]] = tile.block_idx
  %b = tile.block_idx
  // CHECK: tile.set_flag <mte2> -> <v>, 0
  tile.set_flag <mte2> -> <v>, 0
  // CHECK: tile.wait_flag <mte2> -> <v>, 0
  tile.wait_flag <mte2> -> <v>, 0
  // CHECK: tile.barrier <v>
  tile.barrier <v>
  return %b : index
}

// CHECK-LABEL: func.func @img2col
func.func @img2col(%fmap: memref<2x6x6x8xf32, #tile.space<l1>>, %a: memref<48x144xf32, #tile.space<l0a>>) {
  // CHECK: tile.img2col %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, k1_start = 0 : i64, kernel = array<i64: 3, 3>, m_start = 0 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : memref<2x6x6x8xf32, #tile.space<l1>> to memref<48x144xf32, #tile.space<l0a>>
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<2x6x6x8xf32, #tile.space<l1>> to memref<48x144xf32, #tile.space<l0a>>
  return
}
