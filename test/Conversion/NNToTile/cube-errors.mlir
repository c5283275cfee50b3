// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics

// Gemm with transA is rejected, naming the op.
func.func @main(%a: tensor<8x4xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "fc" ins(%a, %w : tensor<8x4xf32>, tensor<8x16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<8x4xf32>, %y: tensor<8x16xf32>):
    // expected-error @+1 {{cannot lower nn.gemm to the cube: transA is not supported yet}}
    %m = nn.gemm %x, %y {trans_a = true} : (tensor<8x4xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
    nn.yield %m : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// Batched products are not lowered yet.
func.func @main(%a: tensor<2x4x8xf32>) -> tensor<2x4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "bmm" ins(%a, %w : tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32> {
  ^bb0(%x: tensor<2x4x8xf32>, %y: tensor<8x16xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: only 2-D operands are supported}}
    %m = nn.matmul %x, %y : tensor<2x4x8xf32>, tensor<8x16xf32> -> tensor<2x4x16xf32>
    nn.yield %m : tensor<2x4x16xf32>
  }
  return %0 : tensor<2x4x16xf32>
}

// -----

// K narrower than one f32 fractal (8 columns) with rows that are not whole
// 32-byte blocks.
func.func @main(%a: tensor<4x5xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<5x16xf32>
  %0 = nn.kernel "narrow" ins(%a, %w : tensor<4x5xf32>, tensor<5x16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x5xf32>, %y: tensor<5x16xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: K = 5 is smaller than one cube fractal (8 columns)}}
    %m = nn.matmul %x, %y : tensor<4x5xf32>, tensor<5x16xf32> -> tensor<4x16xf32>
    nn.yield %m : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// Gemm's C must be a constant row.
func.func @main(%a: tensor<4x8xf32>, %c: tensor<16xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "fc" ins(%a, %w, %c : tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<16xf32>):
    // expected-error @+1 {{cannot lower nn.gemm to the cube: C must be a constant of N values (or one value) broadcast over rows}}
    %m = nn.gemm %x, %y, %z : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
    nn.yield %m : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// An epilogue operand that is a full activation tensor (e.g. a residual).
func.func @main(%a: tensor<4x8xf32>, %r: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "fc_add" ins(%a, %w, %r : tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<4x16xf32>):
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
    // expected-error @+1 {{cannot lower nn.add in a cube kernel epilogue: operand #1 must be a splat or a constant row of N values}}
    %s = nn.add %m, %z : tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x16xf32>
    nn.yield %s : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// N beyond one tile (N tiling is not implemented).
func.func @main(%a: tensor<4x8xf32>) -> tensor<4x5000xf32> {
  %w = nn.constant dense<1.0> : tensor<8x5000xf32>
  %0 = nn.kernel "wide" ins(%a, %w : tensor<4x8xf32>, tensor<8x5000xf32>) -> tensor<4x5000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x5000xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: N = 5000 is too wide (N tiling is not supported yet)}}
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x5000xf32> -> tensor<4x5000xf32>
    nn.yield %m : tensor<4x5000xf32>
  }
  return %0 : tensor<4x5000xf32>
}
