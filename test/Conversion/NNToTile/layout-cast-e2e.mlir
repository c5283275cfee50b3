// nchw <-> nc1hwc0 conversion kernels end to end: channel counts below,
// at and above C0 (padding channels must come out zero), H*W rows whose
// byte length is not a multiple of 32 (copy_pad), f32 and f16, several
// images, and chunked rows dealt over the cores. The packed results are
// graph outputs in their stored shape [N, C1, H, W, C0]; the sanitizer
// checks every access on the way.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s --check-prefix=TILE < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: FileCheck %s --check-prefix=ISA < %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/a.npy 1x3x5x7 float32 --seed 1
// RUN: %npytool rand %t/b.npy 2x20x3x3 float16 --seed 2
// RUN: %npytool rand %t/c.npy 1x24x17x19 float32 --seed 3
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input c=%t/c.npy --output-dir %t
// RUN: %npytool check %t/pa.npy "np.pad(a, ((0,0),(0,5),(0,0),(0,0))).reshape(1,1,8,5,7).transpose(0,1,3,4,2)" a=%t/a.npy --exact
// RUN: %npytool check %t/ra.npy "a" a=%t/a.npy --exact
// RUN: %npytool check %t/pb.npy "np.pad(b, ((0,0),(0,12),(0,0),(0,0))).reshape(2,2,16,3,3).transpose(0,1,3,4,2)" b=%t/b.npy --exact
// RUN: %npytool check %t/rb.npy "b" b=%t/b.npy --exact
// RUN: %npytool check %t/pc.npy "c.reshape(1,3,8,17,19).transpose(0,1,3,4,2)" c=%t/c.npy --exact
// RUN: %npytool check %t/rc.npy "c" c=%t/c.npy --exact

// TILE-LABEL: func.func private @pack_a
// TILE: tile.copy {{.*}} : memref<3x35xf32, strided<[35, 1], offset: ?>, #tile.space<gm>> to memref<3x35xf32, strided<[40, 1]>, #tile.space<ub>>
// TILE: tile.vnchwconv {{.*}} : memref<5x8x8xf32, strided<[8, 40, 1]>, #tile.space<ub>> to memref<5x8x8xf32, strided<[64, 8, 1]>, #tile.space<ub>>
// TILE-LABEL: func.func private @unpack_a
// TILE: tile.vdup 0.000000e+00
// TILE: tile.vnchwconv {{.*}} : memref<5x8x8xf32, strided<[64, 8, 1]>, #tile.space<ub>> to memref<5x8x8xf32, strided<[8, 40, 1]>, #tile.space<ub>>

// ISA-LABEL: isa.kernel @pack_a
// ISA: isa.copy_pad ub[{{.*}}], gm[{{.*}}], nburst 3, len 140, src_stride 140, dst_stride 160
// ISA: isa.vnchwconv {{.*}}, f32, repeat 5, stride[1, 5], rep[8, 1]
// ISA-LABEL: isa.kernel @unpack_a
// ISA: isa.vnchwconv {{.*}}, f32, repeat 5, stride[5, 1], rep[1, 8]
// ISA: isa.copy_pad gm[{{.*}}], ub[{{.*}}], nburst 3, len 140, src_stride 160, dst_stride 140

!a = tensor<1x3x5x7xf32>
!pa = tensor<1x3x5x7xf32, #nn.layout<nc1hwc0>>
!b = tensor<2x20x3x3xf16>
!pb = tensor<2x20x3x3xf16, #nn.layout<nc1hwc0>>
!c = tensor<1x24x17x19xf32>
!pc = tensor<1x24x17x19xf32, #nn.layout<nc1hwc0>>
func.func @main(%a: !a {nn.name = "a"}, %b: !b {nn.name = "b"}, %c: !c {nn.name = "c"})
    -> (!pa {nn.name = "pa"}, !a {nn.name = "ra"}, !pb {nn.name = "pb"},
        !b {nn.name = "rb"}, !pc {nn.name = "pc"}, !c {nn.name = "rc"}) {
  %pa = nn.layout_cast %a from <nchw> to <nc1hwc0> : !a -> !pa loc("pack_a"("X"))
  %ra = nn.layout_cast %pa from <nc1hwc0> to <nchw> : !pa -> !a loc("unpack_a"("X"))
  %pb = nn.layout_cast %b from <nchw> to <nc1hwc0> : !b -> !pb loc("pack_b"("X"))
  %rb = nn.layout_cast %pb from <nc1hwc0> to <nchw> : !pb -> !b loc("unpack_b"("X"))
  %pc = nn.layout_cast %c from <nchw> to <nc1hwc0> : !c -> !pc loc("pack_c"("X"))
  %rc = nn.layout_cast %pc from <nc1hwc0> to <nchw> : !pc -> !c loc("unpack_c"("X"))
  return %pa, %ra, %pb, %rb, %pc, %rc : !pa, !a, !pb, !b, !pc, !c
}
