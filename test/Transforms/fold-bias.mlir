// RUN: ascend-opt %s -split-input-file --nn-fold-bias | FileCheck %s

// A per-channel add joins the conv bias.
// CHECK-LABEL: func.func @conv
// CHECK-DAG: %[[B0:.*]] = nn.constant dense<[5.000000e+00, 6.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[B1:.*]] = nn.constant dense<[6.000000e+00, 7.000000e+00]> : tensor<2xf32>
// CHECK: %[[C0:.*]] = nn.conv %arg0, %{{.*}}, %[[B0]]
// CHECK: %[[C1:.*]] = nn.conv %arg0, %{{.*}}, %[[B1]]
// CHECK-NOT: nn.add
// CHECK: return %[[C0]], %[[C1]]
func.func @conv(%x: tensor<1x1x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %w = nn.constant dense<1.0> : tensor<2x1x1x1xf32>
  %c = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %bias = nn.constant dense<[[[5.0]], [[6.0]]]> : tensor<2x1x1xf32>
  %y = nn.add %c, %bias : tensor<1x2x4x4xf32>, tensor<2x1x1xf32> -> tensor<1x2x4x4xf32>
  %b = nn.constant dense<1.0> : tensor<2xf32>
  %c1 = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %bias1 = nn.constant dense<[[[[5.0]], [[6.0]]]]> : tensor<1x2x1x1xf32>
  %z = nn.add %bias1, %c1 : tensor<1x2x1x1xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  return %y, %z : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// An add that varies over space is not a bias.
// CHECK-LABEL: func.func @conv_spatial
// CHECK: nn.add
func.func @conv_spatial(%x: tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = nn.constant dense<1.0> : tensor<2x1x1x1xf32>
  %c = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x2x2xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x2x2xf32>
  %s = nn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %y = nn.add %c, %s : tensor<1x2x2x2xf32>, tensor<2x2xf32> -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// MatMul + row bias becomes Gemm; Gemm + bias merges into c (beta folded).
// CHECK-LABEL: func.func @matmul_gemm
// CHECK-DAG: %[[C0:.*]] = nn.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-DAG: %[[C1:.*]] = nn.constant dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK: %[[G0:.*]] = nn.gemm %arg0, %arg1, %[[C0]] : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK: %[[G1:.*]] = nn.gemm %arg0, %arg2, %[[C1]] {alpha = 5.000000e-01 : f32, trans_b = true} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
// CHECK-NOT: nn.add
// CHECK: return %[[G0]], %[[G1]]
func.func @matmul_gemm(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %bt: tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x2xf32>) {
  %m = nn.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %bias = nn.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %y = nn.add %m, %bias : tensor<2x4xf32>, tensor<4xf32> -> tensor<2x4xf32>
  %c0 = nn.constant dense<1.0> : tensor<2xf32>
  %g = nn.gemm %a, %bt, %c0 {alpha = 0.5 : f32, beta = 2.0 : f32, trans_b = true} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %bias2 = nn.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
  %z = nn.add %g, %bias2 : tensor<2x2xf32>, tensor<1x2xf32> -> tensor<2x2xf32>
  return %y, %z : tensor<2x4xf32>, tensor<2x2xf32>
}

// -----

// Batched matmuls have no Gemm form; a non-constant addend is not a bias.
// CHECK-LABEL: func.func @no_fold
// CHECK-COUNT-2: nn.add
func.func @no_fold(%a: tensor<2x2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf32>, %d: tensor<2x3xf32>) -> (tensor<2x2x4xf32>, tensor<2x4xf32>) {
  %m = nn.matmul %a, %b : tensor<2x2x3xf32>, tensor<3x4xf32> -> tensor<2x2x4xf32>
  %bias = nn.constant dense<1.0> : tensor<4xf32>
  %y = nn.add %m, %bias : tensor<2x2x4xf32>, tensor<4xf32> -> tensor<2x2x4xf32>
  %m2 = nn.matmul %d, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %z = nn.add %m2, %c : tensor<2x4xf32>, tensor<4xf32> -> tensor<2x4xf32>
  return %y, %z : tensor<2x2x4xf32>, tensor<2x4xf32>
}
