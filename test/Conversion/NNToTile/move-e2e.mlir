// Data-movement kernels end to end against numpy: slices with steps and
// a reversed innermost axis, constant pads that crop, edge and reflect
// pads, tile, expand, gather with constant indices (runs and repeats),
// an f16 transpose that moves the innermost axis, an i32 concat along the
// last axis and a split with rows that are not whole 32-byte blocks. The
// sanitizer checks every access on the way.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: %npytool rand %t/x.npy 4x6x10 float32 --seed 1
// RUN: %npytool rand %t/y.npy 3x5 float32 --seed 2
// RUN: %npytool rand %t/z.npy 3x1 float32 --seed 3
// RUN: %npytool rand %t/w.npy 2x3x17x9 float16 --seed 4
// RUN: %npytool rand %t/i.npy 3x5 int32 --seed 5 --low -100 --high 100
// RUN: %npytool rand %t/j.npy 3x2 int32 --seed 6 --low -100 --high 100
// RUN: ascend-run %t/plan.mlir --input x=%t/x.npy --input y=%t/y.npy --input z=%t/z.npy --input w=%t/w.npy --input i=%t/i.npy --input j=%t/j.npy --output-dir %t
// RUN: %npytool check %t/slice.npy "x[1:3, 0:6:2, 9::-2]" x=%t/x.npy --exact
// RUN: %npytool check %t/padc.npy "np.pad(x[:, :, :7], ((0, 1), (1, 0), (2, 0)), constant_values=1.5)" x=%t/x.npy --exact
// RUN: %npytool check %t/pade.npy "np.pad(y, ((1, 2), (2, 1)), mode='edge')" y=%t/y.npy --exact
// RUN: %npytool check %t/padr.npy "np.pad(y, ((1, 2), (2, 1)), mode='reflect')" y=%t/y.npy --exact
// RUN: %npytool check %t/tile.npy "np.tile(y, (2, 3))" y=%t/y.npy --exact
// RUN: %npytool check %t/expand.npy "np.broadcast_to(z, (2, 3, 4))" z=%t/z.npy --exact
// RUN: %npytool check %t/gather.npy "np.take(x, [4, 5, 0, 5], axis=1)" x=%t/x.npy --exact
// RUN: %npytool check %t/transpose.npy "w.transpose(0, 2, 3, 1)" w=%t/w.npy --exact
// RUN: %npytool check %t/concat.npy "np.concatenate([i, j], axis=1)" i=%t/i.npy j=%t/j.npy --exact
// RUN: %npytool check %t/split0.npy "x[:, :, :3]" x=%t/x.npy --exact
// RUN: %npytool check %t/split1.npy "x[:, :, 3:]" x=%t/x.npy --exact

func.func @main(%x: tensor<4x6x10xf32> {nn.name = "x"}, %y: tensor<3x5xf32> {nn.name = "y"},
                %z: tensor<3x1xf32> {nn.name = "z"}, %w: tensor<2x3x17x9xf16> {nn.name = "w"},
                %i: tensor<3x5xi32> {nn.name = "i"}, %j: tensor<3x2xi32> {nn.name = "j"})
    -> (tensor<2x3x5xf32> {nn.name = "slice"}, tensor<5x7x9xf32> {nn.name = "padc"},
        tensor<6x8xf32> {nn.name = "pade"}, tensor<6x8xf32> {nn.name = "padr"},
        tensor<6x15xf32> {nn.name = "tile"}, tensor<2x3x4xf32> {nn.name = "expand"},
        tensor<4x4x10xf32> {nn.name = "gather"}, tensor<2x17x9x3xf16> {nn.name = "transpose"},
        tensor<3x7xi32> {nn.name = "concat"}, tensor<4x6x3xf32> {nn.name = "split0"},
        tensor<4x6x7xf32> {nn.name = "split1"}) {
  %slice = nn.slice %x {starts = array<i64: 1, 0, 9>, ends = array<i64: 3, 6, -1>, steps = array<i64: 1, 2, -2>} : (tensor<4x6x10xf32>) -> tensor<2x3x5xf32> loc("slice"("Slice"))
  %padc = nn.pad %x {pads = array<i64: 0, 1, 2, 1, 0, -3>, mode = "constant", value = 1.5 : f32} : (tensor<4x6x10xf32>) -> tensor<5x7x9xf32> loc("padc"("Pad"))
  %pade = nn.pad %y {pads = array<i64: 1, 2, 2, 1>, mode = "edge"} : (tensor<3x5xf32>) -> tensor<6x8xf32> loc("pade"("Pad"))
  %padr = nn.pad %y {pads = array<i64: 1, 2, 2, 1>, mode = "reflect"} : (tensor<3x5xf32>) -> tensor<6x8xf32> loc("padr"("Pad"))
  %tile = nn.tile %y {repeats = array<i64: 2, 3>} : (tensor<3x5xf32>) -> tensor<6x15xf32> loc("tile"("Tile"))
  %expand = nn.expand %z : (tensor<3x1xf32>) -> tensor<2x3x4xf32> loc("expand"("Expand"))
  %idx = nn.constant dense<[4, 5, 0, -1]> : tensor<4xi64>
  %gather = nn.gather %x, %idx {axis = 1 : i64} : (tensor<4x6x10xf32>, tensor<4xi64>) -> tensor<4x4x10xf32> loc("gather"("Gather"))
  %transpose = nn.transpose %w {perm = array<i64: 0, 2, 3, 1>} : (tensor<2x3x17x9xf16>) -> tensor<2x17x9x3xf16> loc("transpose"("Transpose"))
  %concat = nn.concat %i, %j {axis = 1 : i64} : (tensor<3x5xi32>, tensor<3x2xi32>) -> tensor<3x7xi32> loc("concat"("Concat"))
  %s0, %s1 = nn.split %x {axis = 2 : i64} : (tensor<4x6x10xf32>) -> (tensor<4x6x3xf32>, tensor<4x6x7xf32>) loc("split"("Split"))
  return %slice, %padc, %pade, %padr, %tile, %expand, %gather, %transpose, %concat, %s0, %s1
      : tensor<2x3x5xf32>, tensor<5x7x9xf32>, tensor<6x8xf32>, tensor<6x8xf32>, tensor<6x15xf32>,
        tensor<2x3x4xf32>, tensor<4x4x10xf32>, tensor<2x17x9x3xf16>, tensor<3x7xi32>,
        tensor<4x6x3xf32>, tensor<4x6x7xf32>
}
