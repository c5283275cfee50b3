// RUN: ascend-opt -ascend-plan-memory -split-input-file %s | FileCheck %s

// A use inside a loop keeps a buffer allocated outside the loop live for the
// whole loop: %acc is only touched at the top of the body, %tmp only at the
// bottom, but %acc carries data from one iteration to the next, so the two
// must not share. Buffers allocated inside the body (%x, %y) hold nothing
// across iterations and share with each other as usual.

!g = memref<1024xf16, #tile.space<gm>>
!gs = memref<256xf16, strided<[1], offset: ?>, #tile.space<gm>>
!u = memref<256xf16, #tile.space<ub>>

// CHECK-LABEL: func.func private @loop
func.func private @loop(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %c0 = arith.constant 0 : index
  %c256 = arith.constant 256 : index
  %c1024 = arith.constant 1024 : index
  // CHECK: memref.alloc() {tile.offset = 0 : i64}
  // CHECK: memref.alloc() {tile.offset = 512 : i64}
  %acc = memref.alloc() : !u
  %tmp = memref.alloc() : !u
  // CHECK: scf.for
  scf.for %i = %c0 to %c1024 step %c256 {
    // CHECK: memref.alloc() {tile.offset = 1024 : i64}
    // CHECK: memref.alloc() {tile.offset = 1024 : i64}
    %x = memref.alloc() : !u
    %y = memref.alloc() : !u
    %src = memref.subview %in[%i] [256] [1] : !g to !gs
    %dst = memref.subview %out[%i] [256] [1] : !g to !gs
    tile.copy %src, %x : !gs to !u
    tile.vadd %acc, %x, %acc : !u
    tile.copy %src, %tmp : !gs to !u
    tile.vexp %tmp, %tmp : !u
    tile.copy %tmp, %dst : !u to !gs
    tile.copy %src, %y : !gs to !u
    tile.copy %y, %dst : !u to !gs
  }
  return
}

// -----

// A buffer that flows into loop-carried values (iter_args, scf.yield) is not
// tracked through them: it stays live for the whole kernel, so %b, used only
// before the loop, cannot take its bytes.

!g = memref<256xf16, #tile.space<gm>>
!u = memref<256xf16, #tile.space<ub>>

// CHECK-LABEL: func.func private @escape
// CHECK: memref.alloc() {tile.offset = 0 : i64}
// CHECK: memref.alloc() {tile.offset = 512 : i64}
func.func private @escape(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : !u
  %b = memref.alloc() : !u
  tile.copy %in, %b : !g to !u
  tile.copy %b, %out : !u to !g
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %a) -> (!u) {
    scf.yield %x : !u
  }
  tile.copy %r, %out : !u to !g
  return
}
