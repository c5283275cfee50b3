// RUN: ascend-opt -ascend-plan-memory -split-input-file %s | FileCheck %s

// Buffers with disjoint lifetimes share bytes: %u1 and %u2 are dead before
// %u3 and %u4 are first written, so ub needs 8192 bytes, not 16384. A buffer
// is live from its first use, not from its alloc.

!g = memref<2048xf16, #tile.space<gm>>
!u = memref<2048xf16, #tile.space<ub>>

// CHECK-LABEL: func.func private @two_phases
// CHECK: memref.alloc() {tile.offset = 0 : i64}
// CHECK: memref.alloc() {tile.offset = 4096 : i64}
// CHECK: memref.alloc() {tile.offset = 0 : i64}
// CHECK: memref.alloc() {tile.offset = 4096 : i64}
func.func private @two_phases(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %u1 = memref.alloc() : !u
  %u2 = memref.alloc() : !u
  %u3 = memref.alloc() : !u
  %u4 = memref.alloc() : !u
  tile.copy %in, %u1 : !g to !u
  tile.vrelu %u1, %u2 : !u
  tile.copy %u2, %out : !u to !g
  tile.copy %out, %u3 : !g to !u
  tile.vexp %u3, %u4 : !u
  tile.copy %u4, %out : !u to !g
  return
}

// -----

// Reuse is per kernel and per space: the l1 buffer does not compete with the
// ub buffers, and a second kernel starts again at 0.

!g = memref<2048xf16, #tile.space<gm>>
!u = memref<2048xf16, #tile.space<ub>>
!l1 = memref<2048xf16, #tile.space<l1>>

// CHECK-LABEL: func.func private @k1
// CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<2048xf16, #tile.space<l1>>
// CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<2048xf16, #tile.space<ub>>
// CHECK: memref.alloc() {tile.offset = 4096 : i64} : memref<2048xf16, #tile.space<ub>>
func.func private @k1(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %l1 = memref.alloc() : !l1
  %u1 = memref.alloc() : !u
  %u2 = memref.alloc() : !u
  tile.copy %in, %u1 : !g to !u
  tile.copy %in, %u2 : !g to !u
  tile.vadd %u1, %u2, %u1 : !u
  tile.copy %u1, %l1 : !u to !l1
  tile.copy %u1, %out : !u to !g
  return
}
// CHECK-LABEL: func.func private @k2
// CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<2048xf16, #tile.space<ub>>
func.func private @k2(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %u = memref.alloc() : !u
  tile.copy %in, %u : !g to !u
  tile.copy %u, %out : !u to !g
  return
}

// -----

// Functions without tile.kernel are not planned.

!u = memref<2048xf16, #tile.space<ub>>

// CHECK-LABEL: func.func @helper
// CHECK: memref.alloc() : memref<2048xf16, #tile.space<ub>>
func.func @helper() {
  %u = memref.alloc() : !u
  return
}

// -----

// A strided buffer spans from element 0 to its last element: 4x4 f16 with row
// stride 8 and offset 2 spans 2 + 3 * 8 + 3 + 1 = 30 elements, 60 bytes, so
// the second buffer live at the same time starts at 64, not 32.

!s = memref<4x4xf16, strided<[8, 1], offset: 2>, #tile.space<ub>>

// CHECK-LABEL: func.func private @strided
// CHECK: memref.alloc() {tile.offset = 0 : i64}
// CHECK: memref.alloc() {tile.offset = 64 : i64}
func.func private @strided() attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %a = memref.alloc() : !s
  %b = memref.alloc() : !s
  tile.vadd %a, %b, %a : !s
  return
}

// -----

// A memref chosen by arith.select aliases both operands: %a and %b stay live
// until the copy through %s, so %c, used in between, gets its own bytes.

!g = memref<256xf16, #tile.space<gm>>
!u = memref<256xf16, #tile.space<ub>>

// CHECK-LABEL: func.func private @select
// CHECK: memref.alloc() {tile.offset = 0 : i64}
// CHECK: memref.alloc() {tile.offset = 512 : i64}
// CHECK: memref.alloc() {tile.offset = 1024 : i64}
func.func private @select(%in: !g, %out: !g)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %true = arith.constant true
  %a = memref.alloc() : !u
  %b = memref.alloc() : !u
  %c = memref.alloc() : !u
  %s = arith.select %true, %a, %b : !u
  tile.copy %in, %c : !g to !u
  tile.copy %c, %out : !u to !g
  tile.copy %in, %s : !g to !u
  return
}
