// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics

// A 1-D operand of MatMul (a vector) is not lowered yet.
func.func @main(%a: tensor<8xf32>, %b: tensor<8x16xf32>) -> tensor<16xf32> {
  %0 = nn.kernel "mv" ins(%a, %b : tensor<8xf32>, tensor<8x16xf32>) -> tensor<16xf32> {
  ^bb0(%x: tensor<8xf32>, %y: tensor<8x16xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: 1-D operands are not supported yet}}
    %m = nn.matmul %x, %y : tensor<8xf32>, tensor<8x16xf32> -> tensor<16xf32>
    nn.yield %m : tensor<16xf32>
  }
  return %0 : tensor<16xf32>
}

// -----

// Gemm's C broadcast along columns ([M, 1]) is not lowered.
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x1xf32>) -> tensor<4x16xf32> {
  %0 = nn.kernel "fc" ins(%a, %b, %c : tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<4x1xf32>):
    // expected-error @+1 {{cannot lower nn.gemm to the cube: C must broadcast along rows ([N], [1, N], one value) or be [M, N]}}
    %m = nn.gemm %x, %y, %z : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
    nn.yield %m : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// alpha = 0 cannot be divided out of the cube bias.
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<16xf32>) -> tensor<4x16xf32> {
  %0 = nn.kernel "fc" ins(%a, %b, %c : tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<16xf32>):
    // expected-error @+1 {{cannot lower nn.gemm to the cube: alpha = 0 with a runtime right operand is not supported}}
    %m = nn.gemm %x, %y, %z {alpha = 0.0 : f32} : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
    nn.yield %m : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// An epilogue operand broadcast along columns (ascend-fuse keeps such ops
// out of cube kernels).
func.func @main(%a: tensor<4x8xf32>, %r: tensor<4x1xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "fc_add" ins(%a, %w, %r : tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x1xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<4x1xf32>):
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
    // expected-error @+1 {{cannot lower nn.add in a cube kernel epilogue: operand #1 must be a splat, a constant row of N values or a tensor of the product's shape}}
    %s = nn.add %m, %z : tensor<4x16xf32>, tensor<4x1xf32> -> tensor<4x16xf32>
    nn.yield %s : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// An epilogue op that does not use the product.
func.func @main(%a: tensor<4x8xf32>, %r: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %w = nn.constant dense<1.0> : tensor<8x16xf32>
  %0 = nn.kernel "fc_exp" ins(%a, %w, %r : tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x16xf32>, %z: tensor<4x16xf32>):
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
    // expected-error @+1 {{cannot fuse nn.exp into a cube kernel epilogue: it does not use the product}}
    %e = nn.exp %z : tensor<4x16xf32>
    %s = nn.add %m, %e : tensor<4x16xf32>, tensor<4x16xf32> -> tensor<4x16xf32>
    nn.yield %s : tensor<4x16xf32>
  }
  return %0 : tensor<4x16xf32>
}

// -----

// A runtime C row stays whole in L1 (each N tile loads its part into L0B):
// 40000 f32 values, one per 32-byte block, leave no room for any tile.
func.func @main(%a: tensor<4x8xf32>, %c: tensor<40000xf32>) -> tensor<4x40000xf32> {
  %w = nn.constant dense<1.0> : tensor<8x40000xf32>
  %0 = nn.kernel "wide" ins(%a, %w, %c : tensor<4x8xf32>, tensor<8x40000xf32>, tensor<40000xf32>) -> tensor<4x40000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x40000xf32>, %z: tensor<40000xf32>):
    // expected-error @+1 {{cannot lower nn.gemm to the cube: no tiling fits L1 (even 16 rows, 16 columns and one K fractal overflow it)}}
    %m = nn.gemm %x, %y, %z : (tensor<4x8xf32>, tensor<8x40000xf32>, tensor<40000xf32>) -> tensor<4x40000xf32>
    nn.yield %m : tensor<4x40000xf32>
  }
  return %0 : tensor<4x40000xf32>
}
