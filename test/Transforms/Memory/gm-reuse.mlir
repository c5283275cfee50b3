// RUN: ascend-opt -ascend-plan-memory -split-input-file %s | FileCheck %s

// Two intermediates with disjoint lifetimes (the calls using %a all come
// before the calls using %b) share bytes. x and y take [0, 2048), so the
// workspace starts at 2048.

!t = memref<256xf32, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.gm_size = 3072 : i64, tile.intermediates_size = 2048 : i64, tile.workspace_size = 1024 : i64
// CHECK: memref.alloc() {tile.offset = 2048 : i64}
// CHECK: memref.alloc() {tile.offset = 2048 : i64}
func.func @main(%x: !t {tile.kind = "input"}, %y: !t {tile.kind = "output"}) {
  %a = memref.alloc() : !t
  %b = memref.alloc() : !t
  func.call @k(%x, %a) : (!t, !t) -> ()
  func.call @k(%a, %y) : (!t, !t) -> ()
  func.call @k(%x, %b) : (!t, !t) -> ()
  func.call @k(%b, %y) : (!t, !t) -> ()
  memref.dealloc %a : !t
  memref.dealloc %b : !t
  return
}
func.func private @k(%in: !t, %out: !t) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}

// -----

// Lifetimes that overlap (both live at the second call) do not share.

!t = memref<256xf32, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.gm_size = 4096 : i64, tile.intermediates_size = 2048 : i64, tile.workspace_size = 2048 : i64
// CHECK: memref.alloc() {tile.offset = 2048 : i64}
// CHECK: memref.alloc() {tile.offset = 3072 : i64}
func.func @main(%x: !t {tile.kind = "input"}, %y: !t {tile.kind = "output"}) {
  %a = memref.alloc() : !t
  %b = memref.alloc() : !t
  func.call @k(%x, %a) : (!t, !t) -> ()
  func.call @k(%x, %b) : (!t, !t) -> ()
  func.call @k(%a, %y) : (!t, !t) -> ()
  func.call @k(%b, %y) : (!t, !t) -> ()
  return
}
func.func private @k(%in: !t, %out: !t) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}

// -----

// A launch that only touches a view of an intermediate still uses it: %a is
// live from the first to the third call (the view itself touches nothing)
// and cannot share with %b.

!t = memref<256xf32, #tile.space<gm>>
!h = memref<128xf32, strided<[1], offset: 128>, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.workspace_size = 2048 : i64
// CHECK: memref.alloc() {tile.offset = 2048 : i64}
// CHECK: memref.alloc() {tile.offset = 3072 : i64}
func.func @main(%x: !t {tile.kind = "input"}, %y: !t {tile.kind = "output"}) {
  %a = memref.alloc() : !t
  %b = memref.alloc() : !t
  %half = memref.subview %a[128] [128] [1] : !t to !h
  func.call @k(%x, %a) : (!t, !t) -> ()
  func.call @k(%x, %b) : (!t, !t) -> ()
  func.call @khalf(%half, %b) : (!h, !t) -> ()
  func.call @k(%b, %y) : (!t, !t) -> ()
  return
}
func.func private @k(%in: !t, %out: !t) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}
func.func private @khalf(%in: !h, %out: !t) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  return
}

// -----

// An intermediate no launch uses still gets a slot; sizes are padded to
// 32 bytes (3 x f16 = 6 bytes -> 32).

!x = memref<3xf16, #tile.space<gm>>

// CHECK-LABEL: func.func @main
// CHECK-SAME: tile.gm_size = 64 : i64, tile.intermediates_size = 32 : i64, tile.workspace_size = 32 : i64
// CHECK: memref.alloc() {tile.offset = 32 : i64}
func.func @main(%x: !x {tile.kind = "input"}) {
  %unused = memref.alloc() : !x
  return
}
