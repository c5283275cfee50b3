// RUN: ascend-opt -ascend-plan-memory %s | FileCheck %s

// On-chip offsets are aligned to the preset's alignment for each space and
// sizes padded to it: l0a 512 (256-byte buffers take 512-byte slots), ub 32
// (16-byte buffers take 32-byte slots), l0c 64 (12-byte buffers take 64).
// l1 (32) shows reuse: %l1a is dead once both of its copies to l0a are done,
// before %l1b is first written.

!ga = memref<16x8xf16, #tile.space<gm>>
!gb = memref<8x16xf16, #tile.space<gm>>
!gv = memref<8xf16, #tile.space<gm>>
!g3 = memref<3xf32, #tile.space<gm>>
!l1a = memref<16x8xf16, #tile.space<l1>>
!l1b = memref<8x16xf16, #tile.space<l1>>
!a = memref<16x8xf16, #tile.space<l0a>>
!b = memref<8x16xf16, #tile.space<l0b>>
!c = memref<16x16xf32, #tile.space<l0c>>
!c3 = memref<3xf32, #tile.space<l0c>>
!u3 = memref<3xf32, #tile.space<ub>>
!u = memref<8xf16, #tile.space<ub>>

// CHECK-LABEL: func.func private @k
func.func private @k(%ga: !ga, %gb: !gb, %gv: !gv, %g3: !g3)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<16x8xf16, #tile.space<l1>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<8x16xf16, #tile.space<l1>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<16x8xf16, #tile.space<l0a>>
  // CHECK: memref.alloc() {tile.offset = 512 : i64} : memref<16x8xf16, #tile.space<l0a>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<8x16xf16, #tile.space<l0b>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<16x16xf32, #tile.space<l0c>>
  // CHECK: memref.alloc() {tile.offset = 1024 : i64} : memref<3xf32, #tile.space<l0c>>
  // CHECK: memref.alloc() {tile.offset = 1088 : i64} : memref<3xf32, #tile.space<l0c>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<3xf32, #tile.space<ub>>
  // CHECK: memref.alloc() {tile.offset = 0 : i64} : memref<8xf16, #tile.space<ub>>
  // CHECK: memref.alloc() {tile.offset = 32 : i64} : memref<8xf16, #tile.space<ub>>
  // CHECK: memref.alloc() {tile.offset = 64 : i64} : memref<8xf16, #tile.space<ub>>
  %l1a = memref.alloc() : !l1a
  %l1b = memref.alloc() : !l1b
  %a1 = memref.alloc() : !a
  %a2 = memref.alloc() : !a
  %b = memref.alloc() : !b
  %c = memref.alloc() : !c
  %c1 = memref.alloc() : !c3
  %c2 = memref.alloc() : !c3
  %u3 = memref.alloc() : !u3
  %u1 = memref.alloc() : !u
  %u2 = memref.alloc() : !u
  %u0 = memref.alloc() : !u

  tile.copy %ga, %l1a : !ga to !l1a
  tile.copy %l1a, %a1 : !l1a to !a
  tile.copy %l1a, %a2 : !l1a to !a
  tile.copy %gb, %l1b : !gb to !l1b
  tile.copy %l1b, %b : !l1b to !b
  tile.mmad %a1, %b, %c : !a, !b, !c
  // %c1 and %c2 are live together, and while %c is.
  tile.copy %c1, %u3 : !c3 to !u3
  tile.copy %c2, %u3 : !c3 to !u3
  tile.copy %c1, %u3 : !c3 to !u3
  tile.mmad %a2, %b, %c {accumulate} : !a, !b, !c
  tile.copy %u3, %g3 : !u3 to !g3

  tile.copy %gv, %u1 : !gv to !u
  tile.copy %gv, %u2 : !gv to !u
  tile.vadd %u1, %u2, %u0 : !u
  tile.copy %u0, %gv : !u to !gv
  return
}
