// RUN: ascend-opt %s -split-input-file --nn-fold-batchnorm | FileCheck %s

// f = scale / sqrt(var + eps) = [2, 3]; shift = bias - mean * f = [-2, 1].
// W' = W * f = [4, 9]; b' = b * f + shift = [0, 4].
// CHECK-LABEL: func.func @conv
// CHECK-DAG: %[[W:.*]] = nn.constant dense<{{\[\[\[\[}}4.000000e+00]]], {{\[\[\[}}9.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<[0.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK: %[[C:.*]] = nn.conv %arg0, %[[W]], %[[B]] {{.*}} -> tensor<1x2x4x4xf32>
// CHECK-NOT: nn.batch_norm
// CHECK: return %[[C]]
func.func @conv(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = nn.constant dense<[[[[2.0]]], [[[3.0]]]]> : tensor<2x1x1x1xf32>
  %b = nn.constant dense<1.0> : tensor<2xf32>
  %c = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %scale = nn.constant dense<[4.0, 3.0]> : tensor<2xf32>
  %bias = nn.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %mean = nn.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %var = nn.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = nn.batch_norm %c, %scale, %bias, %mean, %var {epsilon = 1.0 : f32}
      : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// Weights stored as blobs are read and the folded weights are blobs again.
// f = 2 everywhere: every weight 1.0 -> 2.0 (0x40000000).
// CHECK-LABEL: func.func @conv_resource
// CHECK: %[[W:.*]] = nn.constant dense_resource<[[KEY:.*]]> : tensor<20x1x1x1xf32>
// CHECK: nn.conv %arg0, %[[W]], %{{.*}} {{.*}} -> tensor<1x20x2x2xf32>
// CHECK: [[KEY]]: "0x040000000000004000000040
func.func @conv_resource(%x: tensor<1x1x2x2xf32>) -> tensor<1x20x2x2xf32> {
  %w = nn.constant dense_resource<w> : tensor<20x1x1x1xf32>
  %c = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x2x2xf32>, tensor<20x1x1x1xf32>) -> tensor<1x20x2x2xf32>
  %scale = nn.constant dense<2.0> : tensor<20xf32>
  %zero = nn.constant dense<0.0> : tensor<20xf32>
  %y = nn.batch_norm %c, %scale, %zero, %zero, %zero {epsilon = 1.0 : f32}
      : (tensor<1x20x2x2xf32>, tensor<20xf32>, tensor<20xf32>, tensor<20xf32>, tensor<20xf32>) -> tensor<1x20x2x2xf32>
  return %y : tensor<1x20x2x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}

// -----

// Gemm: column j of op(B) scales by f[j]; c' = beta * c * f + shift.
// CHECK-LABEL: func.func @gemm
// CHECK-DAG: %[[B:.*]] = nn.constant dense<{{\[\[}}2.000000e+00, 6.000000e+00], [6.000000e+00, 1.200000e+01], [1.000000e+01, 1.800000e+01]]> : tensor<3x2xf32>
// CHECK-DAG: %[[C:.*]] = nn.constant dense<[0.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK: nn.gemm %arg0, %[[B]], %[[C]] : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
// CHECK-NOT: nn.batch_norm
func.func @gemm(%a: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %b = nn.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %c = nn.constant dense<1.0> : tensor<2xf32>
  %g = nn.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %scale = nn.constant dense<[4.0, 3.0]> : tensor<2xf32>
  %bias = nn.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %mean = nn.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %var = nn.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = nn.batch_norm %g, %scale, %bias, %mean, %var {epsilon = 1.0 : f32}
      : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Not folded: the conv has another user, or the parameters are not constant.
// CHECK-LABEL: func.func @no_fold
// CHECK-COUNT-2: nn.batch_norm
func.func @no_fold(%x: tensor<1x1x4x4xf32>, %s: tensor<2xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %w = nn.constant dense<1.0> : tensor<2x1x1x1xf32>
  %c = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %p = nn.constant dense<1.0> : tensor<2xf32>
  %y = nn.batch_norm %c, %p, %p, %p, %p {epsilon = 1.0 : f32}
      : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %c2 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %z = nn.batch_norm %c2, %s, %p, %p, %p {epsilon = 1.0 : f32}
      : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y, %c, %z : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}
