// ArgMax, ArgMin and Hardmax end to end against numpy, with many ties
// (rounded data) to check first and last index selection. i32 indices:
// the importer's cast to int64 is a separate elementwise kernel. Covers the
// inner axis (rows longer than a repeat, row tiles over the cores with a
// ragged tail, keepdims = false), the middle and outer axes (K rows folded
// per column chunk, K = 300), and f16 data; tiles that ub limits: single
// 9000-element rows, column chunks of 8 (and a ragged 4) for K = 1000.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool eval %t/a.npy float32 "np.round(np.random.default_rng(1).uniform(-4, 4, (37, 100)))"
// RUN: %npytool eval %t/b.npy float16 "np.round(np.random.default_rng(2).uniform(-2, 2, (3, 5, 20)))"
// RUN: %npytool rand %t/c.npy 4x300x2 float32 --seed 3
// RUN: %npytool eval %t/d.npy float32 "np.round(np.random.default_rng(4).uniform(-2, 2, (1000, 7)))"
// RUN: %npytool eval %t/e.npy float32 "np.round(np.random.default_rng(5).uniform(-9, 9, (1000, 100)))"
// RUN: %npytool rand %t/f.npy 40x9000 float32 --seed 6
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input c=%t/c.npy --input d=%t/d.npy --input e=%t/e.npy --input f=%t/f.npy --output-dir %t
// RUN: %npytool check %t/amax.npy "a.argmax(1)[:, None]" a=%t/a.npy --exact
// RUN: %npytool check %t/amin_last.npy "99 - np.flip(a, 1).argmin(1)[:, None]" a=%t/a.npy --exact
// RUN: %npytool check %t/ahard.npy "np.eye(100)[a.argmax(1)]" a=%t/a.npy --exact
// RUN: %npytool check %t/bmax.npy "b.argmax(1)[:, None, :]" b=%t/b.npy --exact
// RUN: %npytool check %t/bmax_last.npy "2 - np.flip(b, 0).argmax(0)" b=%t/b.npy --exact
// RUN: %npytool check %t/bhard.npy "np.moveaxis(np.eye(5)[b.argmax(1)], -1, 1)" b=%t/b.npy --exact
// RUN: %npytool check %t/cmin.npy "c.argmin(1)[:, None, :]" c=%t/c.npy --exact
// RUN: %npytool check %t/dmax.npy "d.argmax(1)" d=%t/d.npy --exact
// RUN: %npytool check %t/dmin_last.npy "6 - np.flip(d, 1).argmin(1)" d=%t/d.npy --exact
// RUN: %npytool check %t/emax_last.npy "999 - np.flip(e, 0).argmax(0)[None, :]" e=%t/e.npy --exact
// RUN: %npytool check %t/fhard.npy "np.eye(9000)[f.argmax(1)]" f=%t/f.npy --exact

// Inner axis: the positions 0..99 are built once (a transposed block of
// 0..7, doubled), then every row tile takes its max, compares it with the
// data, selects positions and keeps the smallest.
// CHECK-LABEL: func.func private @amax
// CHECK: tile.vnchwconv
// CHECK: tile.vadds {{.*}}, 8.000000e+00
// CHECK: tile.vadds {{.*}}, 6.400000e+01
// CHECK: scf.for
// CHECK: tile.vreduce_max
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_max
// CHECK: tile.vcmp eq
// CHECK: tile.vsel
// CHECK: tile.vreduce_min
// CHECK: tile.vconv {{.*}} round rint {{.*}} to memref<2xi32
// select_last_index fills -1 and keeps the largest position.
// CHECK-LABEL: func.func private @amin_last
// CHECK: tile.vdup -1.0
// CHECK: tile.vreduce_min
// CHECK: tile.vsel
// CHECK: tile.vreduce_max
// Hardmax compares the positions with the broadcast index.
// CHECK-LABEL: func.func private @ahard
// CHECK: tile.vreduce_min
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_sub
// CHECK: tile.vcmp eq
// Middle axis: positions as one block per row, spread over the columns;
// the K rows fold by halving.
// CHECK-LABEL: func.func private @bmax
// CHECK: tile.vbrcb {{.*}} : memref<16xf16, {{.*}}>, memref<16x16xf16
// CHECK: tile.vbcast_max {{.*}} memref<5x1xf16
// CHECK: scf.for
// CHECK: tile.vbcast_max
// CHECK: tile.vsel
// CHECK: tile.vbcast_min
// CHECK-LABEL: func.func private @emax_last
// CHECK-SAME: tile.block_dim = 13
// CHECK-LABEL: func.func private @fhard
// CHECK-SAME: tile.block_dim = 32
// CHECK: tile.vreduce_max {{.*}} : memref<1x64xf32

func.func @main(%a: tensor<37x100xf32> {nn.name = "a"}, %b: tensor<3x5x20xf16> {nn.name = "b"},
                %c: tensor<4x300x2xf32> {nn.name = "c"}, %d: tensor<1000x7xf32> {nn.name = "d"},
                %e: tensor<1000x100xf32> {nn.name = "e"}, %f: tensor<40x9000xf32> {nn.name = "f"})
    -> (tensor<37x1xi32> {nn.name = "amax"}, tensor<37x1xi32> {nn.name = "amin_last"},
        tensor<37x100xf32> {nn.name = "ahard"}, tensor<3x1x20xi32> {nn.name = "bmax"},
        tensor<5x20xi32> {nn.name = "bmax_last"}, tensor<3x5x20xf16> {nn.name = "bhard"},
        tensor<4x1x2xi32> {nn.name = "cmin"}, tensor<1000xi32> {nn.name = "dmax"},
        tensor<1000xi32> {nn.name = "dmin_last"}, tensor<1x100xi32> {nn.name = "emax_last"},
        tensor<40x9000xf32> {nn.name = "fhard"}) {
  %amax = nn.argmax %a {axis = 1 : i64} : (tensor<37x100xf32>) -> tensor<37x1xi32> loc("amax"("ArgMax"))
  %amin = nn.argmin %a {axis = 1 : i64, select_last_index = true} : (tensor<37x100xf32>) -> tensor<37x1xi32> loc("amin_last"("ArgMin"))
  %ahard = nn.hardmax %a {axis = 1 : i64} : (tensor<37x100xf32>) -> tensor<37x100xf32> loc("ahard"("Hardmax"))
  %bmax = nn.argmax %b {axis = 1 : i64} : (tensor<3x5x20xf16>) -> tensor<3x1x20xi32> loc("bmax"("ArgMax"))
  %bmaxl = nn.argmax %b {axis = 0 : i64, keepdims = false, select_last_index = true} : (tensor<3x5x20xf16>) -> tensor<5x20xi32> loc("bmax_last"("ArgMax"))
  %bhard = nn.hardmax %b {axis = 1 : i64} : (tensor<3x5x20xf16>) -> tensor<3x5x20xf16> loc("bhard"("Hardmax"))
  %cmin = nn.argmin %c {axis = 1 : i64} : (tensor<4x300x2xf32>) -> tensor<4x1x2xi32> loc("cmin"("ArgMin"))
  %dmax = nn.argmax %d {axis = 1 : i64, keepdims = false} : (tensor<1000x7xf32>) -> tensor<1000xi32> loc("dmax"("ArgMax"))
  %dmin = nn.argmin %d {axis = 1 : i64, keepdims = false, select_last_index = true} : (tensor<1000x7xf32>) -> tensor<1000xi32> loc("dmin_last"("ArgMin"))
  %emax = nn.argmax %e {axis = 0 : i64, select_last_index = true} : (tensor<1000x100xf32>) -> tensor<1x100xi32> loc("emax_last"("ArgMax"))
  %fhard = nn.hardmax %f {axis = 1 : i64} : (tensor<40x9000xf32>) -> tensor<40x9000xf32> loc("fhard"("Hardmax"))
  return %amax, %amin, %ahard, %bmax, %bmaxl, %bhard, %cmin, %dmax, %dmin, %emax, %fhard
      : tensor<37x1xi32>, tensor<37x1xi32>, tensor<37x100xf32>, tensor<3x1x20xi32>, tensor<5x20xi32>,
        tensor<3x5x20xf16>, tensor<4x1x2xi32>, tensor<1000xi32>, tensor<1000xi32>, tensor<1x100xi32>,
        tensor<40x9000xf32>
}
