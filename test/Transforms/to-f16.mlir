// RUN: ascend-opt %s -split-input-file --nn-to-f16 | FileCheck %s

// Arguments are cast to f16 on entry, results back to f32 before return;
// every op in between computes in f16 and f32 constants are rounded.
// CHECK-LABEL: func.func @mlp(%arg0: tensor<2x20xf32>) -> tensor<2x1xf32>
// CHECK-DAG: %[[W:.*]] = nn.constant dense_resource<w_f16> : tensor<20x1xf16>
// CHECK-DAG: %[[B:.*]] = nn.constant dense<9.997550e-02> : tensor<1xf16>
// CHECK-DAG: %[[X:.*]] = nn.cast %arg0 : tensor<2x20xf32> -> tensor<2x20xf16>
// CHECK: %[[G:.*]] = nn.gemm %[[X]], %[[W]], %[[B]]
// CHECK-SAME: -> tensor<2x1xf16>
// CHECK: %[[R:.*]] = nn.relu %[[G]] : tensor<2x1xf16>
// CHECK: %[[Y:.*]] = nn.cast %[[R]] : tensor<2x1xf16> -> tensor<2x1xf32>
// CHECK: return %[[Y]] : tensor<2x1xf32>
// CHECK: w_f16: "0x02000000003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C003C"
func.func @mlp(%x: tensor<2x20xf32>) -> tensor<2x1xf32> {
  %w = nn.constant dense_resource<w> : tensor<20x1xf32>
  %b = nn.constant dense<0.1> : tensor<1xf32>
  %g = nn.gemm %x, %w, %b : (tensor<2x20xf32>, tensor<20x1xf32>, tensor<1xf32>) -> tensor<2x1xf32>
  %r = nn.relu %g : tensor<2x1xf32>
  return %r : tensor<2x1xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}

// -----

// Integer values keep their types; a Cast to f32 becomes a Cast to f16, an
// f32 result that is also used inside gets one cast for return, and values
// that are not f32 pass through unchanged. An f32 -> f16 Cast becomes an
// identity cast that canonicalization folds.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: (%arg0: tensor<4xi64>, %arg1: tensor<4xf16>) -> (tensor<4xf32>, tensor<4xi64>, tensor<4xf16>)
// CHECK: %[[C:.*]] = nn.cast %arg0 : tensor<4xi64> -> tensor<4xf16>
// CHECK: %[[E:.*]] = nn.exp %[[C]] : tensor<4xf16>
// CHECK: %[[O:.*]] = nn.cast %[[E]] : tensor<4xf16> -> tensor<4xf32>
// CHECK: %[[H:.*]] = nn.cast %[[E]] : tensor<4xf16> -> tensor<4xf16>
// CHECK: %[[A:.*]] = nn.add %[[H]], %arg1 : tensor<4xf16>, tensor<4xf16> -> tensor<4xf16>
// CHECK: return %[[O]], %arg0, %[[A]]
func.func @mixed(%i: tensor<4xi64>, %h: tensor<4xf16>) -> (tensor<4xf32>, tensor<4xi64>, tensor<4xf16>) {
  %c = nn.cast %i : tensor<4xi64> -> tensor<4xf32>
  %e = nn.exp %c : tensor<4xf32>
  %eh = nn.cast %e : tensor<4xf32> -> tensor<4xf16>
  %a = nn.add %eh, %h : tensor<4xf16>, tensor<4xf16> -> tensor<4xf16>
  return %e, %i, %a : tensor<4xf32>, tensor<4xi64>, tensor<4xf16>
}

