// RUN: not ascend-opt %s --ascend-assign-layouts --ascend-fuse --ascend-lower-nn-to-tile 2>&1 | FileCheck %s

// Column chunks shrink to one output pixel, but a 100x100 window's input
// (10000 pixel blocks) still exceeds ub; the error names the node.
// CHECK: error: loc("big"("MaxPool")): a pooling window of 100x100 pixels does not fit the unified buffer
func.func @main(%x: tensor<1x8x100x120xf32>) -> tensor<1x8x1x21xf32> {
  %p = nn.max_pool %x {kernel_shape = array<i64: 100, 100>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x8x100x120xf32>) -> tensor<1x8x1x21xf32> loc("big"("MaxPool"))
  return %p : tensor<1x8x1x21xf32>
}
