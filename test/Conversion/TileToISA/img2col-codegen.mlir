// isa emission of tile.img2col (one isa.load3d whose window comes from the
// fmap and dst types) and of scalar registers: a value's register is free
// again after its last use, so straight-line code computing many addresses
// (20 copies with two dynamic offsets each: 60 values) fits in a handful of
// registers.
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa | FileCheck %s

// CHECK: isa.kernel @k block_dim 2
// CHECK-NOT: r{{(8|9|[1-3][0-9])}}{{\b}}
// CHECK: isa.load3d l0a[r0], l1[r0], fmap[4, 6, 2], kernel[3, 3], stride[1, 1], pad[1, 0, 1, 1], dilation[1, 1], m[0, 2], k[9, 9], f32

module attributes {tile.target = "ascend910"} {
  func.func @main(%x: memref<2x2x6x6x8xf32, #tile.space<gm>> {tile.name = "x", tile.kind = "input"}) {
    func.call @k(%x) : (memref<2x2x6x6x8xf32, #tile.space<gm>>) -> ()
    return
  }
  func.func private @k(%x: memref<2x2x6x6x8xf32, #tile.space<gm>>)
      attributes {tile.kernel, tile.block_dim = 2 : i32} {
    %b = tile.block_idx
    %x4 = memref.reinterpret_cast %x to offset: [0], sizes: [4, 6, 6, 8], strides: [288, 48, 8, 1] : memref<2x2x6x6x8xf32, #tile.space<gm>> to memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>>
    %l1 = memref.alloc() : memref<2x4x6x8xf32, #tile.space<l1>>
    %a = memref.alloc() : memref<32x72xf32, #tile.space<l0a>>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    scf.for %i = %c0 to %c2 step %c1 {
      %row = arith.muli %b, %c2 : index
      %y0 = arith.addi %i, %c0 : index
      %w0 = memref.subview %x4[%row, %y0, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w0, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y1 = arith.addi %i, %c1 : index
      %w1 = memref.subview %x4[%row, %y1, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w1, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y2 = arith.addi %i, %c0 : index
      %w2 = memref.subview %x4[%row, %y2, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w2, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y3 = arith.addi %i, %c1 : index
      %w3 = memref.subview %x4[%row, %y3, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w3, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y4 = arith.addi %i, %c0 : index
      %w4 = memref.subview %x4[%row, %y4, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w4, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y5 = arith.addi %i, %c1 : index
      %w5 = memref.subview %x4[%row, %y5, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w5, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y6 = arith.addi %i, %c0 : index
      %w6 = memref.subview %x4[%row, %y6, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w6, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y7 = arith.addi %i, %c1 : index
      %w7 = memref.subview %x4[%row, %y7, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w7, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y8 = arith.addi %i, %c0 : index
      %w8 = memref.subview %x4[%row, %y8, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w8, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y9 = arith.addi %i, %c1 : index
      %w9 = memref.subview %x4[%row, %y9, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w9, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y10 = arith.addi %i, %c0 : index
      %w10 = memref.subview %x4[%row, %y10, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w10, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y11 = arith.addi %i, %c1 : index
      %w11 = memref.subview %x4[%row, %y11, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w11, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y12 = arith.addi %i, %c0 : index
      %w12 = memref.subview %x4[%row, %y12, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w12, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y13 = arith.addi %i, %c1 : index
      %w13 = memref.subview %x4[%row, %y13, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w13, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y14 = arith.addi %i, %c0 : index
      %w14 = memref.subview %x4[%row, %y14, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w14, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y15 = arith.addi %i, %c1 : index
      %w15 = memref.subview %x4[%row, %y15, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w15, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y16 = arith.addi %i, %c0 : index
      %w16 = memref.subview %x4[%row, %y16, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w16, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y17 = arith.addi %i, %c1 : index
      %w17 = memref.subview %x4[%row, %y17, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w17, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y18 = arith.addi %i, %c0 : index
      %w18 = memref.subview %x4[%row, %y18, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w18, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
      %y19 = arith.addi %i, %c1 : index
      %w19 = memref.subview %x4[%row, %y19, 0, 0] [2, 4, 6, 8] [1, 1, 1, 1] : memref<4x6x6x8xf32, strided<[288, 48, 8, 1]>, #tile.space<gm>> to memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>>
      tile.copy %w19, %l1 : memref<2x4x6x8xf32, strided<[288, 48, 8, 1], offset: ?>, #tile.space<gm>> to memref<2x4x6x8xf32, #tile.space<l1>>
    }
    tile.img2col %l1, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 0, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 9} : memref<2x4x6x8xf32, #tile.space<l1>> to memref<32x72xf32, #tile.space<l0a>>
    return
  }
}
