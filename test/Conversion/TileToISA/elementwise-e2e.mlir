// A two-kernel tile program (y = relu(exp(x)) + x), each kernel split over 4
// blocks and tiled by a loop, taken through memory planning, sync insertion
// and isa emission, then run on the emulator; the sanitizer checks the
// inserted syncs on the way.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: FileCheck %s < %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/x.npy 4096 float32 --seed 7
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t --profile 2> %t/profile.txt
// RUN: %npytool check %t/y.npy "np.maximum(np.exp(x), 0) + x" x=%t/x.npy --rtol 1e-6 --atol 1e-6

// CHECK: isa.plan "ascend910" gm_size
// CHECK-DAG: isa.tensor "x" input tensor<4096xf32> at
// CHECK-DAG: isa.tensor "y" output tensor<4096xf32> at
// CHECK: isa.kernel @exp_kernel block_dim 4 {
// CHECK: isa.get_block_idx
// CHECK: isa.loop
// CHECK: isa.copy ub[
// CHECK: isa.set_flag mte2 -> v
// CHECK: isa.wait_flag mte2 -> v
// CHECK: isa.vexp {{.*}}, f32, repeat 4, mask 64
// CHECK: isa.kernel @relu_add_kernel block_dim 4 {
// CHECK: isa.vrelu
// CHECK: isa.barrier v
// CHECK: isa.vadd

!gm = memref<4096xf32, #tile.space<gm>>
!tile_gm = memref<256xf32, strided<[1], offset: ?>, #tile.space<gm>>
!ub = memref<256xf32, #tile.space<ub>>

module attributes {tile.target = "ascend910"} {
  func.func @main(%x: !gm {tile.name = "x", tile.kind = "input"},
                  %y: !gm {tile.name = "y", tile.kind = "output"}) {
    %t = memref.alloc() : !gm
    func.call @exp_kernel(%x, %t) : (!gm, !gm) -> ()
    func.call @relu_add_kernel(%t, %x, %y) : (!gm, !gm, !gm) -> ()
    return
  }

  func.func private @exp_kernel(%in: !gm, %out: !gm)
      attributes {tile.kernel, tile.block_dim = 4 : i32} {
    %c0 = arith.constant 0 : index
    %c256 = arith.constant 256 : index
    %c1024 = arith.constant 1024 : index
    %b = tile.block_idx
    %base = arith.muli %b, %c1024 : index
    %buf = memref.alloc() : !ub
    %res = memref.alloc() : !ub
    scf.for %i = %c0 to %c1024 step %c256 {
      %off = arith.addi %base, %i : index
      %src = memref.subview %in[%off] [256] [1] : !gm to !tile_gm
      tile.copy %src, %buf : !tile_gm to !ub
      tile.vexp %buf, %res : !ub
      %dst = memref.subview %out[%off] [256] [1] : !gm to !tile_gm
      tile.copy %res, %dst : !ub to !tile_gm
    }
    return
  }

  func.func private @relu_add_kernel(%in: !gm, %skip: !gm, %out: !gm)
      attributes {tile.kernel, tile.block_dim = 4 : i32} {
    %c0 = arith.constant 0 : index
    %c256 = arith.constant 256 : index
    %c1024 = arith.constant 1024 : index
    %b = tile.block_idx
    %base = arith.muli %b, %c1024 : index
    %a = memref.alloc() : !ub
    %s = memref.alloc() : !ub
    %r = memref.alloc() : !ub
    scf.for %i = %c0 to %c1024 step %c256 {
      %off = arith.addi %base, %i : index
      %src = memref.subview %in[%off] [256] [1] : !gm to !tile_gm
      tile.copy %src, %a : !tile_gm to !ub
      %src2 = memref.subview %skip[%off] [256] [1] : !gm to !tile_gm
      tile.copy %src2, %s : !tile_gm to !ub
      tile.vrelu %a, %r : !ub
      tile.vadd %r, %s, %r : !ub
      %dst = memref.subview %out[%off] [256] [1] : !gm to !tile_gm
      tile.copy %r, %dst : !ub to !tile_gm
    }
    return
  }
}
