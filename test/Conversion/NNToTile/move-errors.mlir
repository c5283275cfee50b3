// RUN: ascend-opt %s -split-input-file --ascend-fuse --ascend-lower-nn-to-tile -verify-diagnostics

func.func @main(%x: tensor<4x6xi32>) -> tensor<4x8xi32> {
  // expected-error @+1 {{cannot fill 'i32' constants yet}}
  %0 = nn.pad %x {pads = array<i64: 0, 1, 0, 1>, mode = "constant", value = 0.0 : f32} : (tensor<4x6xi32>) -> tensor<4x8xi32>
  return %0 : tensor<4x8xi32>
}

// -----

func.func @main(%x: tensor<4x6xf32>) -> tensor<4x14xf32> {
  // expected-error @+1 {{reflect pads must be shorter than the input}}
  %0 = nn.pad %x {pads = array<i64: 0, 6, 0, 2>, mode = "reflect"} : (tensor<4x6xf32>) -> tensor<4x14xf32>
  return %0 : tensor<4x14xf32>
}
