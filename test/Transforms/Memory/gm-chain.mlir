// RUN: ascend-opt -ascend-plan-memory -split-input-file %s | FileCheck %s

// A chain of four kernels x -> t0 -> t1 -> t2 -> y: each intermediate is live
// across the two launches that write and read it, so t0 and t2 ping-pong with
// t1 in two slots. The deallocs at the end do not extend any lifetime.
// x and y take [0, 8192); the workspace is 2 x 4096 bytes against 3 x 4096
// without reuse.

!t = memref<64x32xf16, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.gm_size = 16384 : i64, tile.intermediates_size = 12288 : i64, tile.workspace_size = 8192 : i64
// CHECK: memref.alloc() {tile.offset = 8192 : i64}
// CHECK: memref.alloc() {tile.offset = 12288 : i64}
// CHECK: memref.alloc() {tile.offset = 8192 : i64}
func.func @main(%x: !t {tile.kind = "input"}, %y: !t {tile.kind = "output"}) {
  %t0 = memref.alloc() : !t
  %t1 = memref.alloc() : !t
  %t2 = memref.alloc() : !t
  func.call @k(%x, %t0) : (!t, !t) -> ()
  func.call @k(%t0, %t1) : (!t, !t) -> ()
  func.call @k(%t1, %t2) : (!t, !t) -> ()
  func.call @k(%t2, %y) : (!t, !t) -> ()
  memref.dealloc %t0 : !t
  memref.dealloc %t1 : !t
  memref.dealloc %t2 : !t
  return
}
func.func private @k(%in: !t, %out: !t) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}

// -----

// Three residual blocks shrinking 64 -> 32 -> 16 KiB: in each block the
// input, the branch and the sum are live together, and each block's buffers
// reuse the bytes of the block before it. The workspace is the largest block
// (3 x 64 KiB = 196608 bytes, the most bytes ever live at once) against
// 344064 bytes without reuse. x (64 KiB) and y (2000 -> 2016 bytes) put the
// workspace at 67552.

!x = memref<32768xf16, #tile.space<gm>>
!m = memref<16384xf16, #tile.space<gm>>
!s = memref<8192xf16, #tile.space<gm>>
!y = memref<1000xf16, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.gm_size = 264160 : i64, tile.intermediates_size = 344064 : i64, tile.workspace_size = 196608 : i64
// CHECK: memref.alloc() {tile.offset = 67552 : i64} : memref<32768xf16
// CHECK: memref.alloc() {tile.offset = 133088 : i64} : memref<32768xf16
// CHECK: memref.alloc() {tile.offset = 198624 : i64} : memref<32768xf16
// CHECK: memref.alloc() {tile.offset = 67552 : i64} : memref<16384xf16
// CHECK: memref.alloc() {tile.offset = 100320 : i64} : memref<16384xf16
// CHECK: memref.alloc() {tile.offset = 133088 : i64} : memref<16384xf16
// CHECK: memref.alloc() {tile.offset = 67552 : i64} : memref<8192xf16
// CHECK: memref.alloc() {tile.offset = 83936 : i64} : memref<8192xf16
// CHECK: memref.alloc() {tile.offset = 100320 : i64} : memref<8192xf16
func.func @main(%x: !x {tile.kind = "input"}, %y: !y {tile.kind = "output"}) {
  %t0 = memref.alloc() : !x
  %t1 = memref.alloc() : !x
  %t2 = memref.alloc() : !x
  %t3 = memref.alloc() : !m
  %t4 = memref.alloc() : !m
  %t5 = memref.alloc() : !m
  %t6 = memref.alloc() : !s
  %t7 = memref.alloc() : !s
  %t8 = memref.alloc() : !s
  func.call @conv_x(%x, %t0) : (!x, !x) -> ()
  func.call @conv_x(%t0, %t1) : (!x, !x) -> ()
  func.call @add_x(%t1, %t0, %t2) : (!x, !x, !x) -> ()
  func.call @down_m(%t2, %t3) : (!x, !m) -> ()
  func.call @conv_m(%t3, %t4) : (!m, !m) -> ()
  func.call @add_m(%t4, %t3, %t5) : (!m, !m, !m) -> ()
  func.call @down_s(%t5, %t6) : (!m, !s) -> ()
  func.call @conv_s(%t6, %t7) : (!s, !s) -> ()
  func.call @add_s(%t7, %t6, %t8) : (!s, !s, !s) -> ()
  func.call @fc(%t8, %y) : (!s, !y) -> ()
  return
}
func.func private @conv_x(%in: !x, %out: !x) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @add_x(%a: !x, %b: !x, %out: !x) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @down_m(%in: !x, %out: !m) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @conv_m(%in: !m, %out: !m) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @add_m(%a: !m, %b: !m, %out: !m) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @down_s(%in: !m, %out: !s) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @conv_s(%in: !s, %out: !s) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @add_s(%a: !s, %b: !s, %out: !s) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @fc(%in: !s, %out: !y) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
