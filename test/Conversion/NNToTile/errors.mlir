// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics

func.func @main(%a: tensor<2x3x4xf32>) -> tensor<3xf32> {
  %0 = nn.kernel "sum" ins(%a : tensor<2x3x4xf32>) -> tensor<3xf32> {
  ^bb0(%x: tensor<2x3x4xf32>):
    // expected-error @+1 {{reducing non-adjacent axes is not supported at the tile level yet}}
    %s = nn.reduce_sum %x {axes = array<i64: 0, 2>, keepdims = false} : (tensor<2x3x4xf32>) -> tensor<3xf32>
    nn.yield %s : tensor<3xf32>
  }
  return %0 : tensor<3xf32>
}

// -----

func.func @main(%a: tensor<4x8xf32>, %b: tensor<8xf32>, %c: tensor<1xf32>) -> tensor<4x8xf32> {
  %0 = nn.kernel "bias" ins(%a, %b, %c : tensor<4x8xf32>, tensor<8xf32>, tensor<1xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8xf32>, %b1: tensor<1xf32>):
    %r = nn.relu %y : tensor<8xf32>
    // expected-error @+1 {{broadcasting into an intermediate result is not supported at the tile level yet}}
    %s = nn.add %y, %b1 : tensor<8xf32>, tensor<1xf32> -> tensor<8xf32>
    %t = nn.add %x, %s : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    nn.yield %t : tensor<4x8xf32>
  }
  return %0 : tensor<4x8xf32>
}

// -----

func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{only nn.kernel and nn.constant may appear in the graph when lowering to tile; run ascend-fuse first}}
  %r = nn.relu %a : tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// expected-error @+1 {{expected a func.func @main holding the graph}}
module {
}

// -----

func.func @main(%a: tensor<4x8xf32>, %s: tensor<1xf32>) -> tensor<4x8xf32> {
  %0 = nn.kernel "ln" ins(%a, %s : tensor<4x8xf32>, tensor<1xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %t: tensor<1xf32>):
    // expected-error @+1 {{scale and bias of a layer normalization must have the normalized shape (8 elements) at the tile level}}
    %y = nn.layer_norm %x, %t {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<4x8xf32>, tensor<1xf32>) -> tensor<4x8xf32>
    nn.yield %y : tensor<4x8xf32>
  }
  return %0 : tensor<4x8xf32>
}
