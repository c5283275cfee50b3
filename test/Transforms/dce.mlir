// RUN: ascend-opt %s --nn-dce | FileCheck %s

// A dead chain goes entirely; used ops and func arguments stay.
// CHECK-LABEL: func.func @dead_chain
// CHECK-NEXT: %[[R:.*]] = nn.relu %arg0
// CHECK-NEXT: return %[[R]]
func.func @dead_chain(%x: tensor<4xf32>, %w: tensor<4x4xf32>) -> tensor<4xf32> {
  %c = nn.constant dense<1.0> : tensor<4xf32>
  %0 = nn.add %x, %c : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %1 = nn.matmul %w, %0 : tensor<4x4xf32>, tensor<4xf32> -> tensor<4xf32>
  %2 = nn.sigmoid %1 : tensor<4xf32>
  %r = nn.relu %x : tensor<4xf32>
  return %r : tensor<4xf32>
}

// A dead kernel region has no declared effects, so it stays.
// CHECK-LABEL: func.func @kernel_kept
// CHECK: nn.kernel "k"
func.func @kernel_kept(%x: tensor<4xf32>) {
  %0 = nn.kernel "k" ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    nn.yield %a : tensor<4xf32>
  }
  return
}
