// RUN: ascend-opt %s --nn-to-f16 -verify-diagnostics

// Fused kernels are not retyped: the pass runs before ascend-fuse.
func.func @fused(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{nn-to-f16 runs before ascend-fuse, not on nn.kernel}}
  %0 = nn.kernel "k" ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %r = nn.relu %a : tensor<4xf32>
    nn.yield %r : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}
