// Data movement is dtype-agnostic: bool (one byte) and i64 tensors move
// like floats. A one-element tensor expanded to a matrix (all broadcast),
// a bool concat, an i64 transpose (element bursts: vnchwconv moves f16
// and f32 only), an i64 slice reversed on two axes that is a graph output
// through a reshape (its output copy is an i64 move kernel too), a gather
// that repeats an index and an f16 DepthToSpace in CRD mode. Constant
// graph outputs (a splat and an i64 tensor) are copied from their globals.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: %npytool eval %t/s.npy float32 "[2.5]"
// RUN: %npytool rand %t/b.npy 3x5 bool --seed 1
// RUN: %npytool rand %t/c.npy 3x2 bool --seed 2
// RUN: %npytool rand %t/l.npy 4x1x6 int64 --seed 3 --low -1000 --high 1000
// RUN: %npytool rand %t/v.npy 10 float32 --seed 4
// RUN: %npytool rand %t/h.npy 1x8x3x5 float16 --seed 5
// RUN: ascend-run %t/plan.mlir --input s=%t/s.npy --input b=%t/b.npy --input c=%t/c.npy --input l=%t/l.npy --input v=%t/v.npy --input h=%t/h.npy --output-dir %t
// RUN: %npytool check %t/es.npy "np.broadcast_to(s, (3, 4))" s=%t/s.npy --exact
// RUN: %npytool check %t/cat.npy "np.concatenate([b, c], 1)" b=%t/b.npy c=%t/c.npy --exact
// RUN: %npytool check %t/tl.npy "l.transpose(2, 1, 0)" l=%t/l.npy --exact
// RUN: %npytool check %t/sl.npy "l[3::-1, 0:1, 5:0:-1].reshape(4, 5)" l=%t/l.npy --exact
// RUN: %npytool check %t/g.npy "v[[9, 0, 9]]" v=%t/v.npy --exact
// RUN: %npytool check %t/k.npy "np.full(4, 1.5)" --exact
// RUN: %npytool check %t/ki.npy "[[1, 2, 3], [4, 5, -6]]" --exact
// RUN: %npytool check %t/d2s.npy "h.reshape(1, 2, 2, 2, 3, 5).transpose(0, 1, 4, 2, 5, 3).reshape(1, 2, 6, 10)" h=%t/h.npy --exact

func.func @main(%s: tensor<1xf32> {nn.name = "s"}, %b: tensor<3x5xi1> {nn.name = "b"}, %c: tensor<3x2xi1> {nn.name = "c"},
                %l: tensor<4x1x6xi64> {nn.name = "l"}, %v: tensor<10xf32> {nn.name = "v"}, %h: tensor<1x8x3x5xf16> {nn.name = "h"})
    -> (tensor<3x4xf32> {nn.name = "es"}, tensor<3x7xi1> {nn.name = "cat"}, tensor<6x1x4xi64> {nn.name = "tl"},
        tensor<4x5xi64> {nn.name = "sl"}, tensor<3xf32> {nn.name = "g"}, tensor<1x2x6x10xf16> {nn.name = "d2s"},
        tensor<4xf32> {nn.name = "k"}, tensor<2x3xi64> {nn.name = "ki"}) {
  %k = nn.constant dense<1.5> : tensor<4xf32>
  %ki = nn.constant dense<[[1, 2, 3], [4, 5, -6]]> : tensor<2x3xi64>
  %0 = nn.expand %s : (tensor<1xf32>) -> tensor<3x4xf32> loc("es"("Expand"))
  %1 = nn.concat %b, %c {axis = 1 : i64} : (tensor<3x5xi1>, tensor<3x2xi1>) -> tensor<3x7xi1> loc("cat"("Concat"))
  %2 = nn.transpose %l {perm = array<i64: 2, 1, 0>} : (tensor<4x1x6xi64>) -> tensor<6x1x4xi64> loc("tl"("Transpose"))
  %3 = nn.slice %l {starts = array<i64: 3, 0, 5>, ends = array<i64: -1, 1, 0>, steps = array<i64: -1, 1, -1>} : (tensor<4x1x6xi64>) -> tensor<4x1x5xi64> loc("sl"("Slice"))
  %r = nn.reshape %3 : (tensor<4x1x5xi64>) -> tensor<4x5xi64>
  %idx = nn.constant dense<[9, 0, 9]> : tensor<3xi64>
  %4 = nn.gather %v, %idx {axis = 0 : i64} : (tensor<10xf32>, tensor<3xi64>) -> tensor<3xf32> loc("g"("Gather"))
  %5 = nn.depth_to_space %h {blocksize = 2 : i64, mode = "CRD"} : (tensor<1x8x3x5xf16>) -> tensor<1x2x6x10xf16> loc("d2s"("DepthToSpace"))
  return %0, %1, %2, %r, %4, %5, %k, %ki : tensor<3x4xf32>, tensor<3x7xi1>, tensor<6x1x4xi64>, tensor<4x5xi64>, tensor<3xf32>, tensor<1x2x6x10xf16>, tensor<4xf32>, tensor<2x3xi64>
}
