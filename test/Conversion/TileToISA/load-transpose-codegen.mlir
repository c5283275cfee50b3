// isa emission of tile.load_transpose: one isa.load2d with `transpose`
// whose source stride is the blocks' distance in fractals (f32 blocks are
// two fractals), split into loads of at most 2047 f32 blocks.
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa | FileCheck %s

// Memory planning puts the f16 l1 buffer in the bytes of the f32 one, whose
// live range ended: sync insertion orders the rewrite after the transposing
// load that reads them.
// CHECK: isa.kernel @k block_dim 1
// CHECK: isa.load2d l0b[r0], l1[r0], count 4, src_stride 4, f32 transpose
// CHECK-NEXT: isa.set_flag mte1 -> mte3, 0
// CHECK: isa.wait_flag mte1 -> mte3, 0
// CHECK: isa.copy l1[r0], ub[r0 + 8192], nburst 1, len 32
// CHECK: isa.load2d l0a[r0], l1[r0], count 2, src_stride 1, f16 transpose

module attributes {tile.target = "ascend910"} {
  func.func @main(%y: memref<8xf32, #tile.space<gm>> {tile.name = "y", tile.kind = "output"}) {
    func.call @k(%y) : (memref<8xf32, #tile.space<gm>>) -> ()
    return
  }
  func.func private @k(%y: memref<8xf32, #tile.space<gm>>)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %z = memref.alloc() : memref<2048xf32, #tile.space<ub>>
    tile.vdup 0.0, %z : memref<2048xf32, #tile.space<ub>>
    %l1 = memref.alloc() : memref<2048xf32, #tile.space<l1>>
    tile.copy %z, %l1 : memref<2048xf32, #tile.space<ub>> to memref<2048xf32, #tile.space<l1>>
    // Every other 16 x 16 f32 block of L1.
    %src = memref.reinterpret_cast %l1 to offset: [0], sizes: [4, 16, 16], strides: [512, 16, 1] : memref<2048xf32, #tile.space<l1>> to memref<4x16x16xf32, strided<[512, 16, 1]>, #tile.space<l1>>
    %l0b = memref.alloc() : memref<4x2x16x8xf32, #tile.space<l0b>>
    tile.load_transpose %src, %l0b : memref<4x16x16xf32, strided<[512, 16, 1]>, #tile.space<l1>> to memref<4x2x16x8xf32, #tile.space<l0b>>
    %z16 = memref.alloc() : memref<512xf16, #tile.space<ub>>
    tile.vdup 0.0, %z16 : memref<512xf16, #tile.space<ub>>
    %h = memref.alloc() : memref<512xf16, #tile.space<l1>>
    tile.copy %z16, %h : memref<512xf16, #tile.space<ub>> to memref<512xf16, #tile.space<l1>>
    %hs = memref.reinterpret_cast %h to offset: [0], sizes: [2, 16, 16], strides: [256, 16, 1] : memref<512xf16, #tile.space<l1>> to memref<2x16x16xf16, strided<[256, 16, 1]>, #tile.space<l1>>
    %l0a = memref.alloc() : memref<2x1x16x16xf16, #tile.space<l0a>>
    tile.load_transpose %hs, %l0a : memref<2x16x16xf16, strided<[256, 16, 1]>, #tile.space<l1>> to memref<2x1x16x16xf16, #tile.space<l0a>>
    %z8 = memref.subview %z[0] [8] [1] : memref<2048xf32, #tile.space<ub>> to memref<8xf32, strided<[1]>, #tile.space<ub>>
    tile.copy %z8, %y : memref<8xf32, strided<[1]>, #tile.space<ub>> to memref<8xf32, #tile.space<gm>>
    return
  }
}
