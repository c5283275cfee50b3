// RUN: ascend-opt %s -split-input-file --ascend-assign-layouts | FileCheck %s

// conv -> relu -> add(residual) -> max_pool stays packed: the graph input is
// cast once (shared by the conv and the residual add), the weights stay
// plain, and one cast back feeds the reshape.
// CHECK-LABEL: func.func @chain
// CHECK: %[[X:.*]] = nn.layout_cast %arg0 from <nchw> to <nc1hwc0> : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[C:.*]] = nn.conv %[[X]], %{{.*}} : (tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[R:.*]] = nn.relu %[[C]] : tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[A:.*]] = nn.add %[[R]], %[[X]] : tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>, tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>> -> tensor<1x8x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[P:.*]] = nn.max_pool %[[A]] {{.*}} -> tensor<1x8x2x2xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[U:.*]] = nn.layout_cast %[[P]] from <nc1hwc0> to <nchw>
// CHECK: nn.reshape %[[U]] : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
// CHECK-NOT: nn.layout_cast
func.func @chain(%x: tensor<1x8x4x4xf32>) -> tensor<1x32xf32> {
  %w = nn.constant dense<0.5> : tensor<8x8x1x1xf32>
  %c = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x8x4x4xf32>, tensor<8x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %r = nn.relu %c : tensor<1x8x4x4xf32>
  %a = nn.add %r, %x : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32> -> tensor<1x8x4x4xf32>
  %p = nn.max_pool %a {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
  %f = nn.reshape %p : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
  return %f : tensor<1x32xf32>
}

// -----

// Casts that cancel fold away: the pool result goes straight into the next
// pool. A graph output is cast back. A cast of a constant folds into a
// packed constant (the add's same-shape operand); a splat of another shape
// broadcasts and stays.
// CHECK-LABEL: func.func @fold
// CHECK-NOT: tensor<1x2x2x2xf32> = nn.constant
// CHECK: %[[X:.*]] = nn.layout_cast %arg0 from <nchw> to <nc1hwc0>
// CHECK-DAG: %[[K:.*]] = nn.constant dense<{{.*}}> : tensor<1x2x2x2xf32, #nn.layout<nc1hwc0>>
// CHECK-DAG: %[[S:.*]] = nn.constant dense<2.000000e+00> : tensor<1xf32>
// CHECK: %[[P:.*]] = nn.average_pool %[[X]]
// CHECK: %[[Q:.*]] = nn.global_max_pool %[[P]] : (tensor<1x2x2x2xf32, #nn.layout<nc1hwc0>>) -> tensor<1x2x1x1xf32, #nn.layout<nc1hwc0>>
// CHECK: nn.layout_cast %[[Q]] from <nc1hwc0> to <nchw>
// CHECK: %[[A:.*]] = nn.add %[[P]], %[[K]]
// CHECK: %[[M:.*]] = nn.mul %[[A]], %[[S]] : tensor<1x2x2x2xf32, #nn.layout<nc1hwc0>>, tensor<1xf32> -> tensor<1x2x2x2xf32, #nn.layout<nc1hwc0>>
// CHECK: nn.layout_cast %[[M]] from <nc1hwc0> to <nchw>
func.func @fold(%x: tensor<1x2x4x4xf32>) -> (tensor<1x2x1x1xf32>, tensor<1x2x2x2xf32>) {
  %k = nn.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]]> : tensor<1x2x2x2xf32>
  %s = nn.constant dense<2.0> : tensor<1xf32>
  %p = nn.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %q = nn.global_max_pool %p : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
  %a = nn.add %p, %k : tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %m = nn.mul %a, %s : tensor<1x2x2x2xf32>, tensor<1xf32> -> tensor<1x2x2x2xf32>
  return %q, %m : tensor<1x2x1x1xf32>, tensor<1x2x2x2xf32>
}

// -----

// Ops whose padding channels would turn non-finite, and broadcasting
// tensor operands, read nchw.
// CHECK-LABEL: func.func @unsafe
// CHECK: %[[P:.*]] = nn.max_pool
// CHECK: %[[U:.*]] = nn.layout_cast %[[P]] from <nc1hwc0> to <nchw>
// CHECK: nn.log %[[U]] : tensor<1x2x2x2xf32>
// CHECK: nn.add %[[U]], %{{.*}} : tensor<1x2x2x2xf32>, tensor<1x2x1x1xf32> -> tensor<1x2x2x2xf32>
func.func @unsafe(%x: tensor<1x2x4x4xf32>, %y: tensor<1x2x1x1xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) {
  %p = nn.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %l = nn.log %p : tensor<1x2x2x2xf32>
  %b = nn.add %p, %y : tensor<1x2x2x2xf32>, tensor<1x2x1x1xf32> -> tensor<1x2x2x2xf32>
  return %l, %b : tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>
}

// -----

// An existing cast pair cancels.
// CHECK-LABEL: func.func @pair
// CHECK-NEXT: return %arg0
func.func @pair(%x: tensor<1x2x4x4xf16>) -> tensor<1x2x4x4xf16> {
  %p = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x2x4x4xf16> -> tensor<1x2x4x4xf16, #nn.layout<nc1hwc0>>
  %u = nn.layout_cast %p from <nc1hwc0> to <nchw> : tensor<1x2x4x4xf16, #nn.layout<nc1hwc0>> -> tensor<1x2x4x4xf16>
  return %u : tensor<1x2x4x4xf16>
}

// -----

// A pack of an elementwise result moves above the op (and through chains of
// them) when the op has no other user, sharing the input's pack with the
// other pool; constants of the chain fold into packed constants.
// CHECK-LABEL: func.func @hoist
// CHECK: %[[X:.*]] = nn.layout_cast %arg0 from <nchw> to <nc1hwc0>
// CHECK-NOT: nn.layout_cast %arg0
// CHECK: %[[R:.*]] = nn.relu %[[X]] : tensor<1x2x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: %[[S:.*]] = nn.mul %[[R]], %{{.*}} : tensor<1x2x4x4xf32, #nn.layout<nc1hwc0>>, tensor<1x2x4x4xf32, #nn.layout<nc1hwc0>>
// CHECK: nn.max_pool %[[S]]
// CHECK: nn.average_pool %[[X]]
func.func @hoist(%x: tensor<1x2x4x4xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) {
  %two = nn.constant dense<2.0> : tensor<1x2x4x4xf32>
  %r = nn.relu %x : tensor<1x2x4x4xf32>
  %s = nn.mul %r, %two : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %m = nn.max_pool %s {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  %a = nn.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  return %m, %a : tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>
}

// -----

// Runtime weights of a group-1 conv are cast to nc1hwc0 (the conv kernel
// packs them from there); grouped ones and constants are left alone.
// CHECK-LABEL: func.func @runtime_weights
// CHECK: %[[W:.*]] = nn.layout_cast %arg1 from <nchw> to <nc1hwc0> : tensor<20x3x3x3xf32> -> tensor<20x3x3x3xf32, #nn.layout<nc1hwc0>>
// CHECK: nn.conv %{{.*}}, %[[W]] {{.*}} : (tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>, tensor<20x3x3x3xf32, #nn.layout<nc1hwc0>>)
// CHECK: nn.conv %{{.*}}, %arg2 {{.*}} : (tensor<1x8x8x8xf32, #nn.layout<nc1hwc0>>, tensor<8x4x3x3xf32>)
func.func @runtime_weights(%x: tensor<1x3x8x8xf32>, %w: tensor<20x3x3x3xf32>, %g: tensor<8x4x3x3xf32>, %x8: tensor<1x8x8x8xf32>) -> (tensor<1x20x8x8xf32>, tensor<1x8x8x8xf32>) {
  %y = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<20x3x3x3xf32>) -> tensor<1x20x8x8xf32>
  %z = nn.conv %x8, %g {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 2 : i64} : (tensor<1x8x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %y, %z : tensor<1x20x8x8xf32>, tensor<1x8x8x8xf32>
}
