// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics

func.func @main(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = nn.kernel "bias" ins(%a, %b : tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8xf32>):
    // expected-error @+1 {{broadcasting 'tensor<8xf32>' to 'tensor<4x8xf32>' is not supported at the tile level yet}}
    %s = nn.add %x, %y : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    nn.yield %s : tensor<4x8xf32>
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

func.func @main() -> tensor<4xf32> {
  // expected-error @+1 {{a splat constant as a graph output is not supported yet}}
  %c = nn.constant dense<1.0> : tensor<4xf32>
  return %c : tensor<4xf32>
}

// -----

// expected-error @+1 {{expected a func.func @main holding the graph}}
module {
}
