// isa emission of the views and copies cube kernels use: a load2d that
// gathers fractals with a source stride, l0c -> ub narrowing to f16 and
// unrolled over fractal columns, a gm copy through memref.transpose, and
// tile.vdup.
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa | FileCheck %s

// CHECK: isa.kernel @k block_dim 1
// CHECK: isa.vdup ub[{{.*}}], 0.000000e+00, f16, repeat 2, mask 128, blk[1], rep[8]
// Two fractal rows (i1) of three fractals each, read every 2nd fractal.
// CHECK: isa.load2d l0a[r0], l1[r0], count 3, src_stride 2, f16
// CHECK: isa.load2d l0a[r0 + 1536], l1[r0 + 512], count 3, src_stride 2, f16
// Two fractal columns of l0c (2 fractals each) into ub rows of 4 fractals.
// CHECK: isa.l0c_to_ub ub[{{.*}}], l0c[r0], count 2, f16
// CHECK: isa.l0c_to_ub ub[r0 + 2048], l0c[r0 + 2048], count 2, f16
// Two fractal columns of 32 rows to a row-major [32, 32] f16 gm tensor.
// CHECK: isa.copy gm[{{.*}}], ub[{{.*}}], nburst 32, len 1, src_gap 0, dst_gap 1
// CHECK: isa.copy gm[{{.*}}], ub[{{.*}}], nburst 32, len 1, src_gap 0, dst_gap 1

module attributes {tile.target = "ascend910"} {
  func.func @main(%y: memref<32x32xf16, #tile.space<gm>> {tile.name = "y", tile.kind = "output"}) {
    func.call @k(%y) : (memref<32x32xf16, #tile.space<gm>>) -> ()
    return
  }
  func.func private @k(%y: memref<32x32xf16, #tile.space<gm>>)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %z = memref.alloc() : memref<256xf16, #tile.space<ub>>
    tile.vdup 0.0, %z : memref<256xf16, #tile.space<ub>>
    %l1 = memref.alloc() : memref<1536xf16, #tile.space<l1>>
    %l1a = memref.subview %l1[0] [256] [1] : memref<1536xf16, #tile.space<l1>> to memref<256xf16, strided<[1]>, #tile.space<l1>>
    tile.copy %z, %l1a : memref<256xf16, #tile.space<ub>> to memref<256xf16, strided<[1]>, #tile.space<l1>>
    %l1b = memref.subview %l1[256] [256] [1] : memref<1536xf16, #tile.space<l1>> to memref<256xf16, strided<[1], offset: 256>, #tile.space<l1>>
    tile.copy %z, %l1b : memref<256xf16, #tile.space<ub>> to memref<256xf16, strided<[1], offset: 256>, #tile.space<l1>>
    %l1c = memref.subview %l1[512] [1024] [1] : memref<1536xf16, #tile.space<l1>> to memref<1024xf16, strided<[1], offset: 512>, #tile.space<l1>>
    %zz = memref.alloc() : memref<1024xf16, #tile.space<ub>>
    tile.vdup 0.0, %zz : memref<1024xf16, #tile.space<ub>>
    tile.copy %zz, %l1c : memref<1024xf16, #tile.space<ub>> to memref<1024xf16, strided<[1], offset: 512>, #tile.space<l1>>
    // L1 as fractal columns [3][32 rows][16]; L0A as ZZ [2][3][16][16].
    %src = memref.reinterpret_cast %l1 to offset: [0], sizes: [2, 3, 16, 16], strides: [256, 512, 16, 1] : memref<1536xf16, #tile.space<l1>> to memref<2x3x16x16xf16, strided<[256, 512, 16, 1]>, #tile.space<l1>>
    %l0a = memref.alloc() : memref<2x3x16x16xf16, #tile.space<l0a>>
    tile.copy %src, %l0a : memref<2x3x16x16xf16, strided<[256, 512, 16, 1]>, #tile.space<l1>> to memref<2x3x16x16xf16, #tile.space<l0a>>
    %l0b = memref.alloc() : memref<48x32xf16, #tile.space<l0b>>
    %l1w = memref.reinterpret_cast %l1 to offset: [0], sizes: [1536], strides: [1] : memref<1536xf16, #tile.space<l1>> to memref<1536xf16, strided<[1]>, #tile.space<l1>>
    %l0bf = memref.reinterpret_cast %l0b to offset: [0], sizes: [1536], strides: [1] : memref<48x32xf16, #tile.space<l0b>> to memref<1536xf16, strided<[1]>, #tile.space<l0b>>
    tile.copy %l1w, %l0bf : memref<1536xf16, strided<[1]>, #tile.space<l1>> to memref<1536xf16, strided<[1]>, #tile.space<l0b>>
    %a = memref.reinterpret_cast %l0a to offset: [0], sizes: [32, 48], strides: [48, 1] : memref<2x3x16x16xf16, #tile.space<l0a>> to memref<32x48xf16, strided<[48, 1]>, #tile.space<l0a>>
    %c = memref.alloc() : memref<1024xf32, #tile.space<l0c>>
    %c2 = memref.reinterpret_cast %c to offset: [0], sizes: [32, 32], strides: [32, 1] : memref<1024xf32, #tile.space<l0c>> to memref<32x32xf32, strided<[32, 1]>, #tile.space<l0c>>
    tile.mmad %a, %l0b, %c2 : memref<32x48xf16, strided<[48, 1]>, #tile.space<l0a>>, memref<48x32xf16, #tile.space<l0b>>, memref<32x32xf32, strided<[32, 1]>, #tile.space<l0c>>
    // NZ [2][32][16] in l0c -> ub with a row stride of 64 rows.
    %ub = memref.alloc() : memref<2048xf16, #tile.space<ub>>
    %cv = memref.reinterpret_cast %c to offset: [0], sizes: [2, 512], strides: [512, 1] : memref<1024xf32, #tile.space<l0c>> to memref<2x512xf32, strided<[512, 1]>, #tile.space<l0c>>
    %uv = memref.reinterpret_cast %ub to offset: [0], sizes: [2, 512], strides: [1024, 1] : memref<2048xf16, #tile.space<ub>> to memref<2x512xf16, strided<[1024, 1]>, #tile.space<ub>>
    tile.copy %cv, %uv : memref<2x512xf32, strided<[512, 1]>, #tile.space<l0c>> to memref<2x512xf16, strided<[1024, 1]>, #tile.space<ub>>
    %u3 = memref.reinterpret_cast %ub to offset: [0], sizes: [2, 32, 16], strides: [1024, 16, 1] : memref<2048xf16, #tile.space<ub>> to memref<2x32x16xf16, strided<[1024, 16, 1]>, #tile.space<ub>>
    %g = memref.expand_shape %y [[0], [1, 2]] output_shape [32, 2, 16] : memref<32x32xf16, #tile.space<gm>> into memref<32x2x16xf16, #tile.space<gm>>
    %gt = memref.transpose %g (d0, d1, d2) -> (d1, d0, d2) : memref<32x2x16xf16, #tile.space<gm>> to memref<2x32x16xf16, strided<[16, 32, 1]>, #tile.space<gm>>
    tile.copy %u3, %gt : memref<2x32x16xf16, strided<[1024, 16, 1]>, #tile.space<ub>> to memref<2x32x16xf16, strided<[16, 32, 1]>, #tile.space<gm>>
    return
  }
}
