// RUN: ascend-opt -ascend-plan-memory %s | FileCheck %s

// Graph inputs, outputs and gm constants each own a 32-byte aligned slot
// padded to 32 bytes, in that order: x (40 bytes -> 64) at 0, y (6 -> 32) at
// 64, @w (512) at 96, @mask (5 x i1 = 5 -> 32) at 608. Globals outside gm get
// no offset. Nothing is an intermediate, so the workspace is empty.

!x = memref<1x10xf32, #tile.space<gm>>
!y = memref<3xf16, #tile.space<gm>>
!w = memref<16x16xf16, #tile.space<gm>>
!mask = memref<5xi1, #tile.space<gm>>

// CHECK-LABEL: module
// CHECK: memref.global "private" constant @w : memref<16x16xf16, #tile.space<gm>> = dense<1.000000e+00> {tile.offset = 96 : i64}
// CHECK: memref.global "private" constant @mask : memref<5xi1, #tile.space<gm>> = dense<true> {tile.offset = 608 : i64}
// CHECK: memref.global "private" @host : memref<4xf32> = dense<0.000000e+00>{{$}}
module attributes {tile.target = "ascend910"} {
  memref.global "private" constant @w : !w = dense<1.0>
  memref.global "private" constant @mask : !mask = dense<true>
  memref.global "private" @host : memref<4xf32> = dense<0.0>

  // CHECK: func.func @main(%{{.*}}: memref<1x10xf32, #tile.space<gm>> {tile.kind = "input", tile.name = "x", tile.offset = 0 : i64},
  // CHECK-SAME: %{{.*}}: memref<3xf16, #tile.space<gm>> {tile.kind = "output", tile.name = "y", tile.offset = 64 : i64})
  // CHECK-SAME: attributes {tile.gm_size = 640 : i64, tile.intermediates_size = 0 : i64, tile.workspace_size = 0 : i64}
  func.func @main(%x: !x {tile.name = "x", tile.kind = "input"},
                  %y: !y {tile.name = "y", tile.kind = "output"}) {
    %w = memref.get_global @w : !w
    %mask = memref.get_global @mask : !mask
    func.call @k(%x, %w, %mask, %y) : (!x, !w, !mask, !y) -> ()
    return
  }
  func.func private @k(%x: !x, %w: !w, %mask: !mask, %y: !y)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    return
  }
}
