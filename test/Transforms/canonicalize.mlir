// RUN: ascend-opt %s -split-input-file --canonicalize | FileCheck %s

// Identity and inference Dropout disappear.
// CHECK-LABEL: func.func @identity_dropout
// CHECK-NEXT: %[[R:.*]] = nn.relu %arg0
// CHECK-NEXT: return %[[R]]
func.func @identity_dropout(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = nn.identity %x : tensor<4xf32>
  %1 = nn.dropout %0 {ratio = 0.1 : f32} : tensor<4xf32>
  %2 = nn.relu %1 : tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// Reshape chains collapse to one reshape; a reshape to the same type goes.
// CHECK-LABEL: func.func @reshape_chain
// CHECK-NEXT: %[[R:.*]] = nn.reshape %arg0 : (tensor<2x3x4xf32>) -> tensor<24xf32>
// CHECK-NEXT: return %[[R]], %arg0
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> (tensor<24xf32>, tensor<2x3x4xf32>) {
  %0 = nn.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = nn.reshape %0 : (tensor<6x4xf32>) -> tensor<4x6xf32>
  %2 = nn.reshape %1 : (tensor<4x6xf32>) -> tensor<24xf32>
  %3 = nn.reshape %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %2, %3 : tensor<24xf32>, tensor<2x3x4xf32>
}

// -----

// A reshaped weight blob becomes a constant of the new type sharing the blob.
// CHECK-LABEL: func.func @reshape_resource
// CHECK-NEXT: %[[W:.*]] = nn.constant dense_resource<w> : tensor<4x5xf32>
// CHECK-NEXT: return %[[W]]
func.func @reshape_resource() -> tensor<4x5xf32> {
  %w = nn.constant dense_resource<w> : tensor<20xf32>
  %r = nn.reshape %w : (tensor<20xf32>) -> tensor<4x5xf32>
  return %r : tensor<4x5xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}

// -----

// No-op transposes go; transpose chains compose.
// CHECK-LABEL: func.func @transposes
// CHECK-NEXT: %[[T:.*]] = nn.transpose %arg0 {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %arg0, %[[T]]
func.func @transposes(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<4x2x3xf32>) {
  %0 = nn.transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = nn.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %2 = nn.transpose %1 {perm = array<i64: 2, 1, 0>} : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  return %0, %2 : tensor<2x3x4xf32>, tensor<4x2x3xf32>
}

// -----

// Cast to the same type, single-input concat and same-shape expand fold.
// CHECK-LABEL: func.func @noops
// CHECK-NEXT: return %arg0, %arg0, %arg0
func.func @noops(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0 = nn.cast %x : tensor<3xf32> -> tensor<3xf32>
  %1 = nn.concat %x {axis = 0 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  %2 = nn.expand %x : (tensor<3xf32>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}
