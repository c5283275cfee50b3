// RUN: ascend-opt %s -split-input-file --ascend-fuse --ascend-lower-nn-to-tile -verify-diagnostics

// Indices are computed in float lanes: integer data is rejected.
func.func @main(%x: tensor<4x8xi32>) -> tensor<4x1xi32> {
  // expected-error @+1 {{nn.argmax on 'i32' is not supported (f16 and f32 are)}}
  %i = nn.argmax %x {axis = 1 : i64} : (tensor<4x8xi32>) -> tensor<4x1xi32>
  return %i : tensor<4x1xi32>
}

// -----

// f16 lanes hold the positions 0..2048 exactly, not more.
func.func @main(%x: tensor<2x4096xf16>) -> tensor<2x1xi32> {
  // expected-error @+1 {{an axis of 4096 elements exceeds the 2048 positions that 'f16' lanes index exactly}}
  %i = nn.argmin %x {axis = 1 : i64} : (tensor<2x4096xf16>) -> tensor<2x1xi32>
  return %i : tensor<2x1xi32>
}

// -----

// A row is reduced whole in ub.
func.func @main(%x: tensor<2x100000xf32>) -> tensor<2x100000xf32> {
  // expected-error @+1 {{no tiling fits the unified buffer}}
  %h = nn.hardmax %x {axis = 1 : i64} : (tensor<2x100000xf32>) -> tensor<2x100000xf32>
  return %h : tensor<2x100000xf32>
}

// -----

// So is the axis of a column block.
func.func @main(%x: tensor<100000x8xf32>) -> tensor<1x8xi32> {
  // expected-error @+1 {{no tiling fits the unified buffer}}
  %i = nn.argmax %x {axis = 0 : i64} : (tensor<100000x8xf32>) -> tensor<1x8xi32>
  return %i : tensor<1x8xi32>
}
