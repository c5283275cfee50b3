// Gathers with runtime i32 indices end to end against numpy, negative
// indices included: Gather along a middle, the first and the last axis
// (f32, f16, i32), GatherElements (indices as wide as the data, and
// narrower), GatherND with and without a batch dimension, and a Gather
// whose data rows do not fit in ub at once (column chunks, a ragged last
// one). The sanitizer checks every access on the way.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: FileCheck %s < %t/plan.mlir
// RUN: %npytool rand %t/x.npy 4x6x10 float32 --seed 1
// RUN: %npytool rand %t/i.npy 3x2 int32 --seed 2 --low -6 --high 6
// RUN: %npytool rand %t/h.npy 5x7 float16 --seed 3
// RUN: %npytool rand %t/j.npy 4 int32 --seed 4 --low -5 --high 5
// RUN: %npytool rand %t/n.npy 3x4x9 int32 --seed 5 --low -1000 --high 1000
// RUN: %npytool rand %t/k.npy 5 int32 --seed 6 --low -9 --high 9
// RUN: %npytool rand %t/e.npy 3x5 float32 --seed 7
// RUN: %npytool rand %t/ei.npy 3x4 int32 --seed 8 --low -5 --high 5
// RUN: %npytool rand %t/f.npy 4x6 float32 --seed 9
// RUN: %npytool rand %t/fi.npy 3x5 int32 --seed 10 --low -4 --high 4
// RUN: %npytool rand %t/d.npy 4x5x6 float32 --seed 11
// RUN: %npytool rand %t/di.npy 3x2 int32 --seed 12 --low -4 --high 4
// RUN: %npytool rand %t/b.npy 2x4x5 float32 --seed 13
// RUN: %npytool rand %t/bi.npy 2x3x1 int32 --seed 14 --low -4 --high 4
// RUN: %npytool rand %t/w.npy 64x1100 float32 --seed 15
// RUN: %npytool rand %t/wi.npy 20 int32 --seed 16 --low -64 --high 64
// RUN: ascend-run %t/plan.mlir --input x=%t/x.npy --input i=%t/i.npy --input h=%t/h.npy --input j=%t/j.npy --input n=%t/n.npy --input k=%t/k.npy --input e=%t/e.npy --input ei=%t/ei.npy --input f=%t/f.npy --input fi=%t/fi.npy --input d=%t/d.npy --input di=%t/di.npy --input b=%t/b.npy --input bi=%t/bi.npy --input w=%t/w.npy --input wi=%t/wi.npy --output-dir %t
// RUN: %npytool check %t/g_mid.npy "np.take(x, i, axis=1)" x=%t/x.npy i=%t/i.npy --exact
// RUN: %npytool check %t/g_first.npy "np.take(h, j, axis=0)" h=%t/h.npy j=%t/j.npy --exact
// RUN: %npytool check %t/g_last.npy "np.take(n, k, axis=2)" n=%t/n.npy k=%t/k.npy --exact
// RUN: %npytool check %t/ge.npy "np.take_along_axis(e, np.where(ei < 0, ei + 5, ei), axis=1)" e=%t/e.npy ei=%t/ei.npy --exact
// RUN: %npytool check %t/ge0.npy "np.take_along_axis(f[:, :5], np.where(fi < 0, fi + 4, fi), axis=0)" f=%t/f.npy fi=%t/fi.npy --exact
// RUN: %npytool check %t/gnd.npy "d[di[:, 0], di[:, 1]]" d=%t/d.npy di=%t/di.npy --exact
// RUN: %npytool check %t/gnd_b.npy "np.stack([b[0][bi[0, :, 0]], b[1][bi[1, :, 0]]])" b=%t/b.npy bi=%t/bi.npy --exact
// RUN: %npytool check %t/g_big.npy "np.take(w, wi, axis=0)" w=%t/w.npy wi=%t/wi.npy --exact

// CHECK: isa.vgather {{.*}}, f32, src_bytes
// CHECK: isa.vgather {{.*}}, f16, src_bytes
// CHECK: isa.vgather {{.*}}, i32, src_bytes

func.func @main(%x: tensor<4x6x10xf32> {nn.name = "x"}, %i: tensor<3x2xi32> {nn.name = "i"},
                %h: tensor<5x7xf16> {nn.name = "h"}, %j: tensor<4xi32> {nn.name = "j"},
                %n: tensor<3x4x9xi32> {nn.name = "n"}, %k: tensor<5xi32> {nn.name = "k"},
                %e: tensor<3x5xf32> {nn.name = "e"}, %ei: tensor<3x4xi32> {nn.name = "ei"},
                %f: tensor<4x6xf32> {nn.name = "f"}, %fi: tensor<3x5xi32> {nn.name = "fi"},
                %d: tensor<4x5x6xf32> {nn.name = "d"}, %di: tensor<3x2xi32> {nn.name = "di"},
                %b: tensor<2x4x5xf32> {nn.name = "b"}, %bi: tensor<2x3x1xi32> {nn.name = "bi"},
                %w: tensor<64x1100xf32> {nn.name = "w"}, %wi: tensor<20xi32> {nn.name = "wi"})
    -> (tensor<4x3x2x10xf32> {nn.name = "g_mid"}, tensor<4x7xf16> {nn.name = "g_first"},
        tensor<3x4x5xi32> {nn.name = "g_last"}, tensor<3x4xf32> {nn.name = "ge"},
        tensor<3x5xf32> {nn.name = "ge0"}, tensor<3x6xf32> {nn.name = "gnd"},
        tensor<2x3x5xf32> {nn.name = "gnd_b"}, tensor<20x1100xf32> {nn.name = "g_big"}) {
  %0 = nn.gather %x, %i {axis = 1 : i64} : (tensor<4x6x10xf32>, tensor<3x2xi32>) -> tensor<4x3x2x10xf32> loc("g_mid"("Gather"))
  %1 = nn.gather %h, %j {axis = 0 : i64} : (tensor<5x7xf16>, tensor<4xi32>) -> tensor<4x7xf16> loc("g_first"("Gather"))
  %2 = nn.gather %n, %k {axis = 2 : i64} : (tensor<3x4x9xi32>, tensor<5xi32>) -> tensor<3x4x5xi32> loc("g_last"("Gather"))
  %3 = nn.gather_elements %e, %ei {axis = 1 : i64} : (tensor<3x5xf32>, tensor<3x4xi32>) -> tensor<3x4xf32> loc("ge"("GatherElements"))
  %4 = nn.gather_elements %f, %fi {axis = 0 : i64} : (tensor<4x6xf32>, tensor<3x5xi32>) -> tensor<3x5xf32> loc("ge0"("GatherElements"))
  %5 = nn.gather_nd %d, %di {batch_dims = 0 : i64} : (tensor<4x5x6xf32>, tensor<3x2xi32>) -> tensor<3x6xf32> loc("gnd"("GatherND"))
  %6 = nn.gather_nd %b, %bi {batch_dims = 1 : i64} : (tensor<2x4x5xf32>, tensor<2x3x1xi32>) -> tensor<2x3x5xf32> loc("gnd_b"("GatherND"))
  %7 = nn.gather %w, %wi {axis = 0 : i64} : (tensor<64x1100xf32>, tensor<20xi32>) -> tensor<20x1100xf32> loc("g_big"("Gather"))
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<4x3x2x10xf32>, tensor<4x7xf16>, tensor<3x4x5xi32>, tensor<3x4xf32>, tensor<3x5xf32>, tensor<3x6xf32>, tensor<2x3x5xf32>, tensor<20x1100xf32>
}
