// A chain that stays packed: max_pool -> add(constant) -> relu -> avg_pool.
// Layout assignment casts the constant operand of the add, the cast folds
// into a constant of the packed type (data in logical order), and the
// lowering stores it repacked as [N][C1][H][W][C0] with zero padding
// channels, which the elementwise kernel then reads block by block.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ascend-opt %s --ascend-assign-layouts | FileCheck %s --check-prefix=NN
// RUN: ascend-opt %s --ascend-assign-layouts --ascend-fuse --ascend-lower-nn-to-tile > %t/tile.mlir
// RUN: FileCheck %s --check-prefix=TILE < %t/tile.mlir
// RUN: ascend-opt %t/tile.mlir --ascend-plan-memory --ascend-insert-sync --ascend-lower-tile-to-isa > %t/plan.mlir
// RUN: ascend-translate --isa-to-plan %t/plan.mlir -o %t/p.plan
// RUN: %npytool rand %t/x.npy 1x3x4x4 float32 --seed 5
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t
// RUN: %npytool check %t/y.npy "np.maximum(x.reshape(1,3,2,2,2,2).max(axis=(3,5)) + np.arange(12, dtype=np.float32).reshape(1,3,2,2) - 5, 0).mean(axis=(2,3), keepdims=True)" x=%t/x.npy --rtol 1e-6 --atol 1e-6

// NN: %[[K:.*]] = nn.constant dense<{{.*}}> : tensor<1x3x2x2xf32, #nn.layout<nc1hwc0>>
// NN: nn.add %{{.*}}, %[[K]] : tensor<1x3x2x2xf32, #nn.layout<nc1hwc0>>, tensor<1x3x2x2xf32, #nn.layout<nc1hwc0>>
// NN-NOT: nn.layout_cast %[[K]]

// The packed global has the stored shape (3 channels padded to C0 = 8); the
// numpy check above verifies its order.
// TILE: memref.global "private" constant @{{.*}} : memref<1x1x2x2x8xf32, #tile.space<gm>> = dense_resource<packed>

func.func @main(%x: tensor<1x3x4x4xf32> {nn.name = "x"}) -> (tensor<1x3x1x1xf32> {nn.name = "y"}) {
  %k = nn.constant dense<[[[[-5.0, -4.0], [-3.0, -2.0]], [[-1.0, 0.0], [1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]]]]> : tensor<1x3x2x2xf32>
  %p = nn.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32> loc("p"("MaxPool"))
  %a = nn.add %p, %k : tensor<1x3x2x2xf32>, tensor<1x3x2x2xf32> -> tensor<1x3x2x2xf32> loc("a"("Add"))
  %r = nn.relu %a : tensor<1x3x2x2xf32> loc("r"("Relu"))
  %y = nn.global_average_pool %r : (tensor<1x3x2x2xf32>) -> tensor<1x3x1x1xf32> loc("y"("GlobalAveragePool"))
  return %y : tensor<1x3x1x1xf32>
}
