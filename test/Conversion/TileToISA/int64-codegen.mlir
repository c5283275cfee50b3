// 64-bit tile vector ops to isa: 32 lanes per repeat, ui64 keeps its u64
// lanes (unsigned order), bitwise ops view 64-bit data as four 16-bit lanes
// per element, vconv covers 256 bytes of its 64-bit side per repeat. Run on
// the emulator against numpy.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: FileCheck %s < %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool eval %t/u.npy uint64 "np.random.default_rng(1).integers(0, 2**64 - 1, 64, dtype=np.uint64)"
// RUN: %npytool eval %t/v.npy uint64 "np.random.default_rng(2).integers(0, 2**64 - 1, 64, dtype=np.uint64)"
// RUN: %npytool eval %t/x.npy int64 "np.random.default_rng(3).integers(-2**63, 2**63 - 1, 64, dtype=np.int64)"
// RUN: %npytool eval %t/y.npy int64 "np.random.default_rng(4).integers(-2**63, 2**63 - 1, 64, dtype=np.int64)"
// RUN: ascend-run %t/p.plan --input u=%t/u.npy --input v=%t/v.npy --input x=%t/x.npy --input y=%t/y.npy --output-dir %t
// RUN: %npytool check %t/umax.npy "np.maximum(u, v)" u=%t/u.npy v=%t/v.npy --exact
// RUN: %npytool check %t/and.npy "x & y" x=%t/x.npy y=%t/y.npy --exact
// RUN: %npytool check %t/low.npy "x.astype(np.int32)" x=%t/x.npy --exact
// RUN: %npytool check %t/f.npy "x.astype(np.float32)" x=%t/x.npy --exact

// CHECK: isa.vmax ub[{{.*}}], ub[{{.*}}], ub[{{.*}}], ui64, repeat 2, mask 32, blk[1, 1, 1], rep[8, 8, 8]
// CHECK: isa.vand ub[{{.*}}], ub[{{.*}}], ub[{{.*}}], i16, repeat 2, mask 128, blk[1, 1, 1], rep[8, 8, 8]
// CHECK: isa.vconv ub[{{.*}}], ub[{{.*}}], i32, i64, repeat 2, mask 32, blk[1, 1], rep[4, 8]
// CHECK: isa.vconv ub[{{.*}}], ub[{{.*}}], f32, i64, repeat 2, mask 32, blk[1, 1], rep[4, 8]

!u_gm = memref<64xui64, #tile.space<gm>>
!u_ub = memref<64xui64, #tile.space<ub>>
!l_gm = memref<64xi64, #tile.space<gm>>
!l_ub = memref<64xi64, #tile.space<ub>>
!i_gm = memref<64xi32, #tile.space<gm>>
!i_ub = memref<64xi32, #tile.space<ub>>
!f_gm = memref<64xf32, #tile.space<gm>>
!f_ub = memref<64xf32, #tile.space<ub>>

module attributes {tile.target = "ascend910"} {
  func.func @main(%u: !u_gm {tile.name = "u", tile.kind = "input"},
                  %v: !u_gm {tile.name = "v", tile.kind = "input"},
                  %x: !l_gm {tile.name = "x", tile.kind = "input"},
                  %y: !l_gm {tile.name = "y", tile.kind = "input"},
                  %umax: !u_gm {tile.name = "umax", tile.kind = "output"},
                  %and: !l_gm {tile.name = "and", tile.kind = "output"},
                  %low: !i_gm {tile.name = "low", tile.kind = "output"},
                  %f: !f_gm {tile.name = "f", tile.kind = "output"}) {
    func.call @wide(%u, %v, %x, %y, %umax, %and, %low, %f)
        : (!u_gm, !u_gm, !l_gm, !l_gm, !u_gm, !l_gm, !i_gm, !f_gm) -> ()
    return
  }

  func.func private @wide(%u: !u_gm, %v: !u_gm, %x: !l_gm, %y: !l_gm,
                          %umax: !u_gm, %and: !l_gm, %low: !i_gm, %f: !f_gm)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %ub = memref.alloc() : !u_ub
    %vb = memref.alloc() : !u_ub
    %xb = memref.alloc() : !l_ub
    %yb = memref.alloc() : !l_ub
    %mb = memref.alloc() : !u_ub
    %ab = memref.alloc() : !l_ub
    %lb = memref.alloc() : !i_ub
    %fb = memref.alloc() : !f_ub
    tile.copy %u, %ub : !u_gm to !u_ub
    tile.copy %v, %vb : !u_gm to !u_ub
    tile.copy %x, %xb : !l_gm to !l_ub
    tile.copy %y, %yb : !l_gm to !l_ub
    tile.vmax %ub, %vb, %mb : !u_ub
    tile.vand %xb, %yb, %ab : !l_ub
    tile.vconv %xb, %lb : !l_ub to !i_ub
    tile.vconv %xb, %fb : !l_ub to !f_ub
    tile.copy %mb, %umax : !u_ub to !u_gm
    tile.copy %ab, %and : !l_ub to !l_gm
    tile.copy %lb, %low : !i_ub to !i_gm
    tile.copy %fb, %f : !f_ub to !f_gm
    return
  }
}
