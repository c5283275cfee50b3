// RUN: ascend-opt %s -ascend-fuse -split-input-file | FileCheck %s

// A conv with bias, relu and residual add becomes one kernel; the constant
// weights stay outside as kernel inputs.
// CHECK-LABEL: func.func @conv_epilogue
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>, %[[W:.*]]: tensor<16x16x3x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[K:.*]] = nn.kernel "conv1_relu1_add1" ins(%[[X]], %[[W]], %[[B]] : {{.*}}) -> tensor<1x16x8x8xf32> {
// CHECK-NEXT: ^bb0(%[[A0:.*]]: tensor<1x16x8x8xf32>, %[[A1:.*]]: tensor<16x16x3x3xf32>, %[[A2:.*]]: tensor<16xf32>):
// CHECK-NEXT: %[[C:.*]] = nn.conv %[[A0]], %[[A1]], %[[A2]]
// CHECK-NEXT: %[[R:.*]] = nn.relu %[[C]]
// CHECK-NEXT: %[[S:.*]] = nn.add %[[R]], %[[A0]]
// CHECK-NEXT: nn.yield %[[S]]
// CHECK: return %[[K]]
func.func @conv_epilogue(%x: tensor<1x16x8x8xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %c = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x16x8x8xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32> loc("conv1")
  %r = nn.relu %c : tensor<1x16x8x8xf32> loc("relu1")
  %s = nn.add %r, %x : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32> loc("add1")
  return %s : tensor<1x16x8x8xf32>
}

// -----

// An elementwise chain fuses; a value used twice ends the chain, and the
// op after it starts a new kernel (with the value passed once).
// CHECK-LABEL: func.func @chains
// CHECK: %[[K1:.*]] = nn.kernel "exp_relu" ins(%{{.*}} : tensor<64xf32>) -> tensor<64xf32>
// CHECK: nn.exp
// CHECK-NEXT: nn.relu
// CHECK: %[[K2:.*]] = nn.kernel "mul" ins(%[[K1]] : tensor<64xf32>) -> tensor<64xf32>
// CHECK: return %[[K2]]
func.func @chains(%x: tensor<64xf32>) -> tensor<64xf32> {
  %e = nn.exp %x : tensor<64xf32> loc("exp")
  %r = nn.relu %e : tensor<64xf32> loc("relu")
  %m = nn.mul %r, %r : tensor<64xf32>, tensor<64xf32> -> tensor<64xf32> loc("mul")
  return %m : tensor<64xf32>
}

// -----

// The add extends the matmul's epilogue with a tensor of the product's
// shape (read per tile from gm); the exp producing it stays a kernel of its
// own, since a cube kernel starts with its product.
// CHECK-LABEL: func.func @late_operand
// CHECK: %[[E:.*]] = nn.kernel "exp" ins
// CHECK: nn.kernel "mm_add" ins(%{{.*}}, %{{.*}}, %[[E]] : tensor<4x8xf32>, tensor<8x4xf32>, tensor<4x4xf32>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: nn.matmul
// CHECK-NEXT: nn.add
func.func @late_operand(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %y: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %m = nn.matmul %a, %b : tensor<4x8xf32>, tensor<8x4xf32> -> tensor<4x4xf32> loc("mm")
  %e = nn.exp %y : tensor<4x4xf32> loc("exp")
  %s = nn.add %m, %e : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32> loc("add")
  return %s : tensor<4x4xf32>
}

// -----

// Epilogue operands a cube kernel cannot read (a runtime row, a column)
// keep the ops out of the matmul's kernel (they form a kernel of their
// own); a constant row and a residual of the product's shape join it.
// CHECK-LABEL: func.func @cube_epilogue_operands
// CHECK: %[[MM:.*]] = nn.kernel "mm_bias_res" ins
// CHECK-NEXT: ^bb0
// CHECK-NEXT: nn.matmul
// CHECK-NEXT: nn.add
// CHECK-NEXT: nn.add
// CHECK-NEXT: nn.yield
// CHECK: nn.kernel "row_col" ins(%[[MM]], %{{.*}}, %{{.*}} :
func.func @cube_epilogue_operands(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>, %x: tensor<2x4x16xf32>, %r: tensor<16xf32>, %c: tensor<2x4x1xf32>) -> tensor<2x4x16xf32> {
  %bias = nn.constant dense<0.5> : tensor<1x1x16xf32>
  %m = nn.matmul %a, %b : tensor<2x4x8xf32>, tensor<8x16xf32> -> tensor<2x4x16xf32> loc("mm")
  %0 = nn.add %m, %bias : tensor<2x4x16xf32>, tensor<1x1x16xf32> -> tensor<2x4x16xf32> loc("bias")
  %1 = nn.add %x, %0 : tensor<2x4x16xf32>, tensor<2x4x16xf32> -> tensor<2x4x16xf32> loc("res")
  %2 = nn.mul %1, %r : tensor<2x4x16xf32>, tensor<16xf32> -> tensor<2x4x16xf32> loc("row")
  %3 = nn.mul %2, %c : tensor<2x4x16xf32>, tensor<2x4x1xf32> -> tensor<2x4x16xf32> loc("col")
  return %3 : tensor<2x4x16xf32>
}

// -----

// Two cube ops never share a kernel: the add joins the first, which is
// placed after the second.
// CHECK-LABEL: func.func @two_cubes
// CHECK: %[[MM2:.*]] = nn.kernel "mm2" ins
// CHECK: nn.kernel "mm1_add" ins(%{{.*}}, %[[MM2]] :
func.func @two_cubes(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %m1 = nn.matmul %a, %a : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32> loc("mm1")
  %m2 = nn.matmul %a, %a : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32> loc("mm2")
  %s = nn.add %m1, %m2 : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32> loc("add")
  return %s : tensor<4x4xf32>
}

// -----

// Existing kernels are left alone.
// CHECK-LABEL: func.func @already_fused
// CHECK: nn.kernel "k"
// CHECK-NOT: nn.kernel
// CHECK: return
func.func @already_fused(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = nn.kernel "k" ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %r = nn.relu %a : tensor<4xf32>
    nn.yield %r : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}
