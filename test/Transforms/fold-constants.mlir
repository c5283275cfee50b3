// RUN: ascend-opt %s -split-input-file --nn-fold-constants | FileCheck %s

// The shape subgraph Shape -> Gather -> Concat -> Reshape of a flatten: the
// shape operand folds away and only the reshape of %x remains.
// CHECK-LABEL: func.func @shape_subgraph
// CHECK-DAG: %[[R:.*]] = nn.reshape %arg0 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK-DAG: %[[S:.*]] = nn.constant dense<[2, 12]> : tensor<2xi64>
// CHECK-NOT: nn.shape
// CHECK-NOT: nn.gather
// CHECK: return %[[R]], %[[S]]
func.func @shape_subgraph(%x: tensor<2x3x4xf32>) -> (tensor<2x12xf32>, tensor<2xi64>) {
  %shape = nn.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %i0 = nn.constant dense<0> : tensor<1xi64>
  %n = nn.gather %shape, %i0 {axis = 0 : i64} : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %i12 = nn.constant dense<[1, 2]> : tensor<2xi64>
  %cd = nn.gather %shape, %i12 {axis = 0 : i64} : (tensor<3xi64>, tensor<2xi64>) -> tensor<2xi64>
  %p = nn.constant dense<[1]> : tensor<1xi64>
  %prod0 = nn.slice %cd {starts = array<i64: 0>, ends = array<i64: 1>, steps = array<i64: 1>} : (tensor<2xi64>) -> tensor<1xi64>
  %prod1 = nn.slice %cd {starts = array<i64: 1>, ends = array<i64: 2>, steps = array<i64: 1>} : (tensor<2xi64>) -> tensor<1xi64>
  %prod = nn.mul %prod0, %prod1 : tensor<1xi64>, tensor<1xi64> -> tensor<1xi64>
  %target = nn.concat %n, %prod {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = nn.reshape %x : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %r, %target : tensor<2x12xf32>, tensor<2xi64>
}

// -----

// Integer and float arithmetic, comparisons, casts, where, range, size.
// CHECK-LABEL: func.func @arith
// CHECK-DAG: nn.constant dense<[5, 7, 9]> : tensor<3xi64>
// CHECK-DAG: nn.constant dense<[2.000000e+00, 2.500000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK-DAG: nn.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: nn.constant dense<[1, 2, 3]> : tensor<3xi32>
// CHECK-DAG: nn.constant dense<[1, 2, 6]> : tensor<3xi64>
// CHECK-DAG: nn.constant dense<[0, 2, 4, 6]> : tensor<4xi64>
// CHECK-DAG: nn.constant dense<6> : tensor<i64>
// CHECK-NOT: nn.add
// CHECK-NOT: nn.div
// CHECK-NOT: nn.greater
// CHECK-NOT: nn.cast
// CHECK-NOT: nn.where
// CHECK-NOT: nn.range
func.func @arith(%x: tensor<2x3xf32>) -> (tensor<3xi64>, tensor<3xf32>, tensor<3xi1>, tensor<3xi32>, tensor<3xi64>, tensor<4xi64>, tensor<i64>) {
  %a = nn.constant dense<[1, 2, 3]> : tensor<3xi64>
  %b = nn.constant dense<[4, 5, 6]> : tensor<3xi64>
  %sum = nn.add %a, %b : tensor<3xi64>, tensor<3xi64> -> tensor<3xi64>
  %f = nn.constant dense<[4.0, 5.0, 6.0]> : tensor<3xf32>
  %two = nn.constant dense<2.0> : tensor<f32>
  %q = nn.div %f, %two : tensor<3xf32>, tensor<f32> -> tensor<3xf32>
  %twos = nn.constant dense<2> : tensor<i64>
  %gt = nn.greater %a, %twos : tensor<3xi64>, tensor<i64> -> tensor<3xi1>
  %ngt = nn.not %gt : tensor<3xi1>
  %fa = nn.constant dense<[1.7, 2.2, 3.9]> : tensor<3xf32>
  %c = nn.cast %fa : tensor<3xf32> -> tensor<3xi32>
  %sel = nn.where %ngt, %a, %b : (tensor<3xi1>, tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %z = nn.constant dense<0> : tensor<i64>
  %l = nn.constant dense<8> : tensor<i64>
  %d = nn.constant dense<2> : tensor<i64>
  %r = nn.range %z, %l, %d : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  %s = nn.size %x : (tensor<2x3xf32>) -> tensor<i64>
  return %sum, %q, %ngt, %c, %sel, %r, %s : tensor<3xi64>, tensor<3xf32>, tensor<3xi1>, tensor<3xi32>, tensor<3xi64>, tensor<4xi64>, tensor<i64>
}

// -----

// Ops on non-constant values and integer division by zero are left alone.
// CHECK-LABEL: func.func @no_fold
// CHECK: nn.add %arg0
// CHECK: nn.div
func.func @no_fold(%x: tensor<3xi64>) -> (tensor<3xi64>, tensor<3xi64>) {
  %a = nn.constant dense<[1, 2, 3]> : tensor<3xi64>
  %s = nn.add %x, %a : tensor<3xi64>, tensor<3xi64> -> tensor<3xi64>
  %z = nn.constant dense<[1, 0, 1]> : tensor<3xi64>
  %d = nn.div %a, %z : tensor<3xi64>, tensor<3xi64> -> tensor<3xi64>
  return %s, %d : tensor<3xi64>, tensor<3xi64>
}

// -----

// Folding stops at large results so weights are not copied inline.
// CHECK-LABEL: func.func @large
// CHECK: nn.add
func.func @large() -> tensor<2048xf32> {
  %a = nn.constant dense<1.0> : tensor<2048xf32>
  %b = nn.add %a, %a : tensor<2048xf32>, tensor<2048xf32> -> tensor<2048xf32>
  return %b : tensor<2048xf32>
}

// -----

// A transpose of a constant folds to the permuted values.
// CHECK-LABEL: func.func @fold_transpose
// CHECK-NEXT: nn.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
func.func @fold_transpose() -> tensor<3x2xf32> {
  %c = nn.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %t = nn.transpose %c {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %t : tensor<3x2xf32>
}
