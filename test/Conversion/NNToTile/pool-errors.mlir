// RUN: ascend-opt %s -split-input-file --ascend-fuse --ascend-lower-nn-to-tile -verify-diagnostics

// Pooling lowers on nc1hwc0 tensors only (ascend-assign-layouts packs them).
func.func @main(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{pooling lowers on nc1hwc0 tensors; run ascend-assign-layouts first}}
  %p = nn.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
  return %p : tensor<1x8x2x2xf32>
}

// -----

func.func @main(%x: tensor<1x8x16xf32>) -> tensor<1x8x8xf32> {
  // expected-error @+1 {{only 2-D pooling (rank-4 input) lowers to the tile level; this input has rank 3}}
  %p = nn.average_pool %x {kernel_shape = array<i64: 2>, strides = array<i64: 2>, pads = array<i64: 0, 0>, dilations = array<i64: 1>}
      : (tensor<1x8x16xf32>) -> tensor<1x8x8xf32>
  return %p : tensor<1x8x8xf32>
}
