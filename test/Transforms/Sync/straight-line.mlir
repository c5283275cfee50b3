// RUN: ascend-opt -ascend-insert-sync -split-input-file %s | FileCheck %s

// Straight-line kernels: one sync per unordered dependence, none between
// independent ops.

// Copy-in -> vector -> copy-out.
// CHECK-LABEL: func.func @chain
// CHECK:      tile.copy %arg0, %[[A:.*]] :
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.vrelu %[[A]], %[[B:.*]] :
// CHECK-NEXT: tile.set_flag <v> -> <mte3>, 0
// CHECK-NEXT: tile.wait_flag <v> -> <mte3>, 0
// CHECK-NEXT: tile.copy %[[B]], %arg1 :
// CHECK-NEXT: return
module {
  func.func @chain(%in: memref<16x16xf16, #tile.space<gm>>, %out: memref<16x16xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %a = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %b = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a, %b : memref<16x16xf16, #tile.space<ub>>
    tile.copy %b, %out : memref<16x16xf16, #tile.space<ub>> to memref<16x16xf16, #tile.space<gm>>
    return
  }
}

// -----

// Two independent chains: each gets its own flags, nothing orders one
// chain after the other.
// CHECK-LABEL: func.func @independent
// CHECK:      tile.copy %arg0
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, [[E0:[0-9]]]
// CHECK-NEXT: tile.copy %arg1
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, [[E1:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, [[E0]]
// CHECK-NEXT: tile.vrelu
// CHECK-NEXT: tile.set_flag <v> -> <mte3>, [[F0:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, [[E1]]
// CHECK-NEXT: tile.vexp
// CHECK-NEXT: tile.set_flag <v> -> <mte3>, [[F1:[0-9]]]
// CHECK-NEXT: tile.wait_flag <v> -> <mte3>, [[F0]]
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.wait_flag <v> -> <mte3>, [[F1]]
// CHECK-NEXT: tile.copy
// CHECK-NEXT: return
// CHECK-NOT: tile.barrier
module {
  func.func @independent(%in0: memref<16x16xf16, #tile.space<gm>>, %in1: memref<16x16xf16, #tile.space<gm>>,
                         %out0: memref<16x16xf16, #tile.space<gm>>, %out1: memref<16x16xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %a = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %b = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %c = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %d = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    tile.copy %in0, %a : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.copy %in1, %c : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a, %b : memref<16x16xf16, #tile.space<ub>>
    tile.vexp %c, %d : memref<16x16xf16, #tile.space<ub>>
    tile.copy %b, %out0 : memref<16x16xf16, #tile.space<ub>> to memref<16x16xf16, #tile.space<gm>>
    tile.copy %d, %out1 : memref<16x16xf16, #tile.space<ub>> to memref<16x16xf16, #tile.space<gm>>
    return
  }
}

// -----

// A vector op reading what the previous vector op wrote needs a barrier;
// the cube is self-ordered, so accumulating twice into one l0c needs none.
// CHECK-LABEL: func.func @same_pipe
// CHECK:      tile.vrelu
// CHECK-NEXT: tile.barrier <v>
// CHECK-NEXT: tile.vexp
// CHECK-NEXT: tile.mmad
// CHECK-NEXT: tile.mmad
// CHECK-NEXT: return
module {
  func.func @same_pipe() attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %x = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %y = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %a = memref.alloc() : memref<16x16xf16, #tile.space<l0a>>
    %b = memref.alloc() : memref<16x16xf16, #tile.space<l0b>>
    %c = memref.alloc() : memref<16x16xf32, #tile.space<l0c>>
    tile.vrelu %x, %y : memref<16x16xf16, #tile.space<ub>>
    tile.vexp %y, %y : memref<16x16xf16, #tile.space<ub>>
    tile.mmad %a, %b, %c : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
    tile.mmad %a, %b, %c {accumulate} : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
    return
  }
}

// -----

// Write after read: the second copy-in overwrites %a, which the vector op
// reads, so MTE2 waits for V.
// CHECK-LABEL: func.func @war
// CHECK:      tile.vrelu
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: tile.copy
// CHECK-NEXT: return
module {
  func.func @war(%in: memref<16x16xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %a = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %b = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a, %b : memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    return
  }
}

// -----

// Disjoint static tiles of one buffer do not conflict: the two copy-ins
// need no barrier and the first vector op waits for its own tile only once.
// The middle tile overlaps both halves.
// CHECK-LABEL: func.func @tiles
// CHECK:      tile.copy %arg0, %[[TOP:.*]] :
// CHECK-NEXT: tile.copy %arg0, %[[BOTTOM:.*]] :
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.vrelu %[[BOTTOM]], %[[BOTTOM]]
// CHECK-NEXT: tile.barrier <v>
// CHECK-NEXT: tile.vexp
// CHECK-NEXT: return
module {
  func.func @tiles(%in: memref<16x16xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %buf = memref.alloc() : memref<32x16xf16, #tile.space<ub>>
    %top = memref.subview %buf[0, 0] [16, 16] [1, 1] : memref<32x16xf16, #tile.space<ub>> to memref<16x16xf16, strided<[16, 1]>, #tile.space<ub>>
    %bottom = memref.subview %buf[16, 0] [16, 16] [1, 1] : memref<32x16xf16, #tile.space<ub>> to memref<16x16xf16, strided<[16, 1], offset: 256>, #tile.space<ub>>
    %middle = memref.subview %buf[8, 0] [16, 16] [1, 1] : memref<32x16xf16, #tile.space<ub>> to memref<16x16xf16, strided<[16, 1], offset: 128>, #tile.space<ub>>
    tile.copy %in, %top : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, strided<[16, 1]>, #tile.space<ub>>
    tile.copy %in, %bottom : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, strided<[16, 1], offset: 256>, #tile.space<ub>>
    tile.vrelu %bottom, %bottom : memref<16x16xf16, strided<[16, 1], offset: 256>, #tile.space<ub>>
    tile.vexp %middle, %middle : memref<16x16xf16, strided<[16, 1], offset: 128>, #tile.space<ub>>
    return
  }
}
