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
