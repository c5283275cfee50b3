// Integer and bool tile vector ops to isa: bytes (i1) go through 16-bit
// lanes for the bitwise ops and vdup, vcmp / vsel keep their lane type and
// mode, vconv carries its round mode and covers 256 bytes of the wider type
// per repeat. Run on the emulator against numpy.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s -ascend-plan-memory -ascend-insert-sync -ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: FileCheck %s < %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/m.npy 256 bool --seed 1
// RUN: %npytool rand %t/n.npy 256 bool --seed 2
// RUN: %npytool rand %t/x.npy 64 int32 --seed 3 --low -1000 --high 1000
// RUN: %npytool rand %t/y.npy 64 int32 --seed 4 --low -1000 --high 1000
// RUN: %npytool rand %t/z.npy 64 float32 --seed 5 --low -50 --high 50
// RUN: ascend-run %t/p.plan --input m=%t/m.npy --input n=%t/n.npy --input x=%t/x.npy --input y=%t/y.npy --input z=%t/z.npy --output-dir %t
// RUN: %npytool check %t/mand.npy "m & n" m=%t/m.npy n=%t/n.npy --exact
// RUN: %npytool check %t/mnot.npy "~m" m=%t/m.npy --exact
// RUN: %npytool check %t/sel.npy "np.minimum(x, y)" x=%t/x.npy y=%t/y.npy --exact
// RUN: %npytool check %t/fl.npy "np.floor(z)" z=%t/z.npy --exact

// CHECK: isa.vand ub[{{.*}}], ub[{{.*}}], ub[{{.*}}], i16, repeat 1, mask 128
// CHECK: isa.vdup ub[{{.*}}], 2.570000e+02, i16, repeat 1, mask 128
// CHECK: isa.vnot {{.*}}, i16, repeat 1, mask 128
// CHECK: isa.vcmp lt {{.*}}, i32, repeat 1, mask 64
// CHECK: isa.vsel {{.*}}, i32, repeat 1, mask 64
// CHECK: isa.vconv {{.*}}, i32, f32, round floor, repeat 1, mask 64, blk[1, 1], rep[8, 8]

!b_gm = memref<256xi1, #tile.space<gm>>
!b_ub = memref<256xi1, #tile.space<ub>>
!i_gm = memref<64xi32, #tile.space<gm>>
!i_ub = memref<64xi32, #tile.space<ub>>
!f_gm = memref<64xf32, #tile.space<gm>>
!f_ub = memref<64xf32, #tile.space<ub>>

module attributes {tile.target = "ascend910"} {
  func.func @main(%m: !b_gm {tile.name = "m", tile.kind = "input"},
                  %n: !b_gm {tile.name = "n", tile.kind = "input"},
                  %x: !i_gm {tile.name = "x", tile.kind = "input"},
                  %y: !i_gm {tile.name = "y", tile.kind = "input"},
                  %z: !f_gm {tile.name = "z", tile.kind = "input"},
                  %mand: !b_gm {tile.name = "mand", tile.kind = "output"},
                  %mnot: !b_gm {tile.name = "mnot", tile.kind = "output"},
                  %sel: !i_gm {tile.name = "sel", tile.kind = "output"},
                  %fl: !i_gm {tile.name = "fl", tile.kind = "output"}) {
    func.call @typed(%m, %n, %x, %y, %z, %mand, %mnot, %sel, %fl)
        : (!b_gm, !b_gm, !i_gm, !i_gm, !f_gm, !b_gm, !b_gm, !i_gm, !i_gm) -> ()
    return
  }

  func.func private @typed(%m: !b_gm, %n: !b_gm, %x: !i_gm, %y: !i_gm,
                           %z: !f_gm, %mand: !b_gm, %mnot: !b_gm,
                           %sel: !i_gm, %fl: !i_gm)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %mb = memref.alloc() : !b_ub
    %nb = memref.alloc() : !b_ub
    %andb = memref.alloc() : !b_ub
    %ones = memref.alloc() : !b_ub
    %notb = memref.alloc() : !b_ub
    %xb = memref.alloc() : !i_ub
    %yb = memref.alloc() : !i_ub
    %cb = memref.alloc() : !i_ub
    %sb = memref.alloc() : !i_ub
    %zb = memref.alloc() : !f_ub
    %fb = memref.alloc() : !i_ub
    tile.copy %m, %mb : !b_gm to !b_ub
    tile.copy %n, %nb : !b_gm to !b_ub
    tile.copy %x, %xb : !i_gm to !i_ub
    tile.copy %y, %yb : !i_gm to !i_ub
    tile.copy %z, %zb : !f_gm to !f_ub
    tile.vand %mb, %nb, %andb : !b_ub
    tile.vdup 1.0, %ones : !b_ub
    tile.vnot %mb, %notb : !b_ub
    tile.vand %notb, %ones, %notb : !b_ub
    tile.vcmp lt %xb, %yb, %cb : !i_ub
    tile.vsel %cb, %xb, %yb, %sb : !i_ub, !i_ub, !i_ub, !i_ub
    tile.vconv %zb, %fb round floor : !f_ub to !i_ub
    tile.copy %andb, %mand : !b_ub to !b_gm
    tile.copy %notb, %mnot : !b_ub to !b_gm
    tile.copy %sb, %sel : !i_ub to !i_gm
    tile.copy %fb, %fl : !i_ub to !i_gm
    return
  }
}
