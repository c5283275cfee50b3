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

// N beyond one tile (N tiling is not implemented).
func.func @main(%a: tensor<4x8xf32>) -> tensor<4x5000xf32> {
  %w = nn.constant dense<1.0> : tensor<8x5000xf32>
  %0 = nn.kernel "wide" ins(%a, %w : tensor<4x8xf32>, tensor<8x5000xf32>) -> tensor<4x5000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x5000xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: N = 5000 is too wide for L0C (N tiling is not supported yet)}}
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x5000xf32> -> tensor<4x5000xf32>
    nn.yield %m : tensor<4x5000xf32>
  }
  return %0 : tensor<4x5000xf32>
}

// -----

// N that fits L0C's width but not one 16-row tile in L0C and ub with the
// runtime right operand's tiles.
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8x4000xf32>) -> tensor<4x4000xf32> {
  %0 = nn.kernel "wide" ins(%a, %b : tensor<4x8xf32>, tensor<8x4000xf32>) -> tensor<4x4000xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8x4000xf32>):
    // expected-error @+1 {{cannot lower nn.matmul to the cube: N = 4000 is too wide for one 16-row tile in L0C and the unified buffer}}
    %m = nn.matmul %x, %y : tensor<4x8xf32>, tensor<8x4000xf32> -> tensor<4x4000xf32>
    %r = nn.relu %m : tensor<4x4000xf32>
    nn.yield %r : tensor<4x4000xf32>
  }
  return %0 : tensor<4x4000xf32>
}
