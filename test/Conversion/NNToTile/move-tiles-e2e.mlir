// Moves larger than one tile, dealt over all cores with ragged row blocks
// and column chunks: an f32 transpose whose 20 channels leave a ragged
// block of 4 rows and whose 3900 pixels split into chunks with a tail, a
// concat along the last axis with 300-byte rows, a strided slice over many
// row blocks and a split of a long vector. The sanitizer checks that no
// two blocks write one byte and that no read sees unwritten data.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: %npytool rand %t/a.npy 2x20x60x65 float32 --seed 1
// RUN: %npytool rand %t/b.npy 300x75 float32 --seed 2
// RUN: %npytool rand %t/c.npy 300x7 float32 --seed 3
// RUN: %npytool rand %t/v.npy 100003 float16 --seed 4
// RUN: ascend-run %t/plan.mlir --input a=%t/a.npy --input b=%t/b.npy --input c=%t/c.npy --input v=%t/v.npy --output-dir %t
// RUN: %npytool check %t/t.npy "a.transpose(0, 2, 3, 1)" a=%t/a.npy --exact
// RUN: %npytool check %t/cat.npy "np.concatenate([b, c], axis=1)" b=%t/b.npy c=%t/c.npy --exact
// RUN: %npytool check %t/s.npy "b[1::3, 2:70:2]" b=%t/b.npy --exact
// RUN: %npytool check %t/v0.npy "v[:50001]" v=%t/v.npy --exact
// RUN: %npytool check %t/v1.npy "v[50001:]" v=%t/v.npy --exact

// Every kernel feeds (nearly) all 32 cores: the concat's 300 rows go in
// blocks of 10.
// CHECK-LABEL: func.func private @t(
// CHECK-SAME: tile.block_dim = 32
// CHECK: tile.vnchwconv
// CHECK-LABEL: func.func private @cat(
// CHECK-SAME: tile.block_dim = 30
// CHECK: memref.subview {{.*}} [1, 10, 75]
// CHECK-LABEL: func.func private @s(
// CHECK-SAME: tile.block_dim = 32
// CHECK-LABEL: func.func private @split(
// CHECK-SAME: tile.block_dim = 32
func.func @main(%a: tensor<2x20x60x65xf32> {nn.name = "a"}, %b: tensor<300x75xf32> {nn.name = "b"},
                %c: tensor<300x7xf32> {nn.name = "c"}, %v: tensor<100003xf16> {nn.name = "v"})
    -> (tensor<2x60x65x20xf32> {nn.name = "t"}, tensor<300x82xf32> {nn.name = "cat"},
        tensor<100x34xf32> {nn.name = "s"}, tensor<50001xf16> {nn.name = "v0"},
        tensor<50002xf16> {nn.name = "v1"}) {
  %t = nn.transpose %a {perm = array<i64: 0, 2, 3, 1>} : (tensor<2x20x60x65xf32>) -> tensor<2x60x65x20xf32> loc("t"("Transpose"))
  %cat = nn.concat %b, %c {axis = 1 : i64} : (tensor<300x75xf32>, tensor<300x7xf32>) -> tensor<300x82xf32> loc("cat"("Concat"))
  %s = nn.slice %b {starts = array<i64: 1, 2>, ends = array<i64: 300, 70>, steps = array<i64: 3, 2>} : (tensor<300x75xf32>) -> tensor<100x34xf32> loc("s"("Slice"))
  %v0, %v1 = nn.split %v {axis = 0 : i64} : (tensor<100003xf16>) -> (tensor<50001xf16>, tensor<50002xf16>) loc("split"("Split"))
  return %t, %cat, %s, %v0, %v1 : tensor<2x60x65x20xf32>, tensor<300x82xf32>, tensor<100x34xf32>, tensor<50001xf16>, tensor<50002xf16>
}
