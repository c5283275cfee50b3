// RUN: ascend-opt -ascend-insert-sync -split-input-file %s | FileCheck %s

// Loops (back-edge protocol, double buffering, nesting), event-id
// exhaustion, and functions that are not kernels.

// Single buffer: the next iteration's copy-in overwrites %a, which this
// iteration's vector op reads. The back edge carries V -> MTE2: set before
// the loop, wait at the top of the body, set at its end, wait after it.
// CHECK-LABEL: func.func @single_buffer
// CHECK:      tile.set_flag <v> -> <mte2>, [[E:[0-9]]]
// CHECK-NEXT: scf.for
// CHECK:      tile.barrier <mte2>
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, [[E]]
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, [[F:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, [[F]]
// CHECK-NEXT: tile.barrier <v>
// CHECK-NEXT: tile.vadd
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, [[E]]
// CHECK-NEXT: }
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, [[E]]
// CHECK-NEXT: return
module {
  func.func @single_buffer(%in: memref<4x256xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %a = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    %acc = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    scf.for %i = %c0 to %c4 step %c1 {
      %src = memref.subview %in[%i, 0] [1, 256] [1, 1] : memref<4x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %src, %a : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.vadd %acc, %a, %acc : memref<1x256xf16, #tile.space<ub>>
    }
    return
  }
}

// -----

// Double buffering: ping and pong tiles alternate within the body, so the
// copy-in of pong does not wait for the vector op on ping.
// The copy-in of pong is issued before anything waits on ping's vector op.
// CHECK-LABEL: func.func @double_buffer
// CHECK-COUNT-2: tile.set_flag <v> -> <mte2>
// CHECK:      scf.for
// CHECK:      tile.wait_flag <v> -> <mte2>, [[P:[0-9]]]
// CHECK-NEXT: tile.copy %{{.*}}, %[[PING:alloc]] :
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, [[PINGIN:[0-9]]]
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, [[Q:[0-9]]]
// CHECK-NEXT: tile.copy %{{.*}}, %[[PONG:alloc_0]] :
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, [[PONGIN:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, [[PINGIN]]
// CHECK:      tile.vrelu %[[PING]],
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, [[P]]
// CHECK:      tile.wait_flag <mte2> -> <v>, [[PONGIN]]
// CHECK:      tile.vrelu %[[PONG]],
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, [[Q]]
// CHECK:      }
// CHECK-DAG:  tile.wait_flag <v> -> <mte2>, [[P]]
// CHECK-DAG:  tile.wait_flag <v> -> <mte2>, [[Q]]
// CHECK:      return
module {
  func.func @double_buffer(%in: memref<8x256xf16, #tile.space<gm>>, %out: memref<8x256xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c8 = arith.constant 8 : index
    %ping = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    %pong = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    %ping_out = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    %pong_out = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    scf.for %i = %c0 to %c8 step %c2 {
      %j = arith.addi %i, %c1 : index
      %src0 = memref.subview %in[%i, 0] [1, 256] [1, 1] : memref<8x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      %src1 = memref.subview %in[%j, 0] [1, 256] [1, 1] : memref<8x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      %dst0 = memref.subview %out[%i, 0] [1, 256] [1, 1] : memref<8x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      %dst1 = memref.subview %out[%j, 0] [1, 256] [1, 1] : memref<8x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %src0, %ping : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.copy %src1, %pong : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.vrelu %ping, %ping_out : memref<1x256xf16, #tile.space<ub>>
      tile.vrelu %pong, %pong_out : memref<1x256xf16, #tile.space<ub>>
      tile.copy %ping_out, %dst0 : memref<1x256xf16, #tile.space<ub>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %pong_out, %dst1 : memref<1x256xf16, #tile.space<ub>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
    }
    return
  }
}

// -----

// Nested loops: a weight tile loaded before the outer loop, an inner loop
// that accumulates into l0c, and a result moved out after each inner loop.
// The inner loop's back-edge protocols are set up around the outer loop, so
// the last set of one outer iteration is waited on by the next one.
// CHECK-LABEL: func.func @nested
// CHECK:      tile.copy %arg0
// CHECK-NEXT: tile.set_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: tile.wait_flag <mte2> -> <mte1>, 0
// CHECK-NEXT: tile.copy
// CHECK-DAG:  tile.set_flag <mte1> -> <mte2>, [[WAR:[0-9]]]
// CHECK-DAG:  tile.set_flag <m> -> <mte1>, [[MWAR:[0-9]]]
// CHECK:      scf.for
// CHECK:      scf.for
// CHECK-NEXT: tile.wait_flag <mte1> -> <mte2>, [[WAR]]
// CHECK-NEXT: tile.barrier <mte2>
// CHECK-NEXT: tile.copy %arg1
// CHECK-NEXT: tile.set_flag <mte2> -> <mte1>, [[RAW:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <mte1>, [[RAW]]
// CHECK-NEXT: tile.barrier <mte1>
// CHECK-NEXT: tile.wait_flag <m> -> <mte1>, [[MWAR]]
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte1> -> <mte2>, [[WAR]]
// CHECK-NEXT: tile.set_flag <mte1> -> <m>, [[A:[0-9]]]
// CHECK-NEXT: tile.wait_flag <mte1> -> <m>, [[A]]
// CHECK-NEXT: tile.mmad
// CHECK-NEXT: tile.set_flag <m> -> <mte1>, [[MWAR]]
// CHECK-NEXT: }
// CHECK-NEXT: tile.set_flag <m> -> <v>, [[C:[0-9]]]
// CHECK-NEXT: tile.wait_flag <m> -> <v>, [[C]]
// CHECK-NOT:  tile.barrier <m>
// CHECK:      tile.copy %{{.*}} : memref<16x16xf32, #tile.space<l0c>> to
// CHECK:      }
// CHECK-DAG:  tile.wait_flag <m> -> <mte1>, [[MWAR]]
// CHECK-DAG:  tile.wait_flag <mte1> -> <mte2>, [[WAR]]
// CHECK:      return
module {
  func.func @nested(%w: memref<16x16xf16, #tile.space<gm>>, %x: memref<16x16xf16, #tile.space<gm>>, %y: memref<16x16xf32, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %l1w = memref.alloc() : memref<16x16xf16, #tile.space<l1>>
    %l1x = memref.alloc() : memref<16x16xf16, #tile.space<l1>>
    %a = memref.alloc() : memref<16x16xf16, #tile.space<l0a>>
    %b = memref.alloc() : memref<16x16xf16, #tile.space<l0b>>
    %c = memref.alloc() : memref<16x16xf32, #tile.space<l0c>>
    %ub = memref.alloc() : memref<16x16xf32, #tile.space<ub>>
    tile.copy %w, %l1w : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<l1>>
    tile.copy %l1w, %b : memref<16x16xf16, #tile.space<l1>> to memref<16x16xf16, #tile.space<l0b>>
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %k = %c0 to %c4 step %c1 {
        tile.copy %x, %l1x : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<l1>>
        tile.copy %l1x, %a : memref<16x16xf16, #tile.space<l1>> to memref<16x16xf16, #tile.space<l0a>>
        tile.mmad %a, %b, %c {accumulate} : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
      }
      tile.copy %c, %ub : memref<16x16xf32, #tile.space<l0c>> to memref<16x16xf32, #tile.space<ub>>
      tile.copy %ub, %y : memref<16x16xf32, #tile.space<ub>> to memref<16x16xf32, #tile.space<gm>>
    }
    return
  }
}

// -----

// Five copy-ins all outstanding before their consumers need five
// MTE2 -> V flags; with four ids the first wait also covers the fifth.
// CHECK-LABEL: func.func @exhaustion
// CHECK:      tile.copy %arg0, %[[A0:alloc]] :
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 1
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 2
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 3
// CHECK-NEXT: tile.copy
// CHECK-NEXT: tile.set_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 0
// CHECK-NEXT: tile.vrelu %[[A0]]
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 1
// CHECK-NEXT: tile.vrelu
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 2
// CHECK-NEXT: tile.vrelu
// CHECK-NEXT: tile.wait_flag <mte2> -> <v>, 3
// CHECK-NEXT: tile.vrelu
// CHECK-NEXT: tile.vrelu
// CHECK-NEXT: return
module {
  func.func @exhaustion(%in: memref<16x16xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %a0 = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %a1 = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %a2 = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %a3 = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    %a4 = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a0 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a1 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a2 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a3 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a4 : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a0, %a0 : memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a1, %a1 : memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a2, %a2 : memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a3, %a3 : memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a4, %a4 : memref<16x16xf16, #tile.space<ub>>
    return
  }
}

// -----

// Functions without tile.kernel (the graph) are left alone.
// CHECK-LABEL: func.func @not_a_kernel
// CHECK-NOT:  tile.set_flag
// CHECK-NOT:  tile.wait_flag
// CHECK-NOT:  tile.barrier
// CHECK:      return
module {
  func.func @not_a_kernel(%in: memref<16x16xf16, #tile.space<gm>>) {
    %a = memref.alloc() : memref<16x16xf16, #tile.space<ub>>
    tile.copy %in, %a : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    tile.vrelu %a, %a : memref<16x16xf16, #tile.space<ub>>
    return
  }
}

// -----

// Loops dealt to blocks: their trip counts depend on the block index, so a
// block may skip them. What the second loop's flags tell MTE2 about V then
// does not hold after it, so the third loop's protocol cannot reuse the
// first one's event id (V may not have taken that flag yet).
// CHECK-LABEL: func.func @skippable
// CHECK:      tile.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: scf.for
// CHECK:      tile.wait_flag <v> -> <mte2>, 0
// CHECK:      tile.set_flag <v> -> <mte2>, 0
// CHECK-NEXT: }
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, 0
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: scf.for
// CHECK:      tile.wait_flag <v> -> <mte2>, 1
// CHECK:      tile.set_flag <v> -> <mte2>, 1
// CHECK-NEXT: }
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, 1
// CHECK-NEXT: tile.set_flag <v> -> <mte2>, 2
// CHECK-NEXT: scf.for
// CHECK:      tile.wait_flag <v> -> <mte2>, 2
// CHECK:      tile.set_flag <v> -> <mte2>, 2
// CHECK-NEXT: }
// CHECK-NEXT: tile.wait_flag <v> -> <mte2>, 2
  func.func @skippable(%in: memref<64x256xf16, #tile.space<gm>>) attributes {tile.kernel, tile.block_dim = 4 : i32} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %b = tile.block_idx
    %a = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    %acc = memref.alloc() : memref<1x256xf16, #tile.space<ub>>
    scf.for %i = %c0 to %b step %c1 {
      %src = memref.subview %in[%i, 0] [1, 256] [1, 1] : memref<64x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %src, %a : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.vadd %acc, %a, %acc : memref<1x256xf16, #tile.space<ub>>
    }
    scf.for %i = %c0 to %b step %c1 {
      %src = memref.subview %in[%i, 0] [1, 256] [1, 1] : memref<64x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %src, %a : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.vadd %acc, %a, %acc : memref<1x256xf16, #tile.space<ub>>
    }
    scf.for %i = %c0 to %b step %c1 {
      %src = memref.subview %in[%i, 0] [1, 256] [1, 1] : memref<64x256xf16, #tile.space<gm>> to memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>>
      tile.copy %src, %a : memref<1x256xf16, strided<[256, 1], offset: ?>, #tile.space<gm>> to memref<1x256xf16, #tile.space<ub>>
      tile.vadd %acc, %a, %acc : memref<1x256xf16, #tile.space<ub>>
    }
    return
  }
