// RUN: ascend-opt %s | ascend-opt | FileCheck %s
// RUN: ascend-opt %s --mlir-print-op-generic | ascend-opt | FileCheck %s

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%a: tensor<2x3x4xf32>, %b: tensor<3x1xf32>, %c: tensor<4xi64>) -> tensor<2x3x4xf32> {
  // CHECK: nn.add %{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<3x1xf32> -> tensor<2x3x4xf32>
  %0 = nn.add %a, %b : tensor<2x3x4xf32>, tensor<3x1xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.sub %{{.*}}, %{{.*}} : tensor<3x1xf32>, tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %1 = nn.sub %b, %0 : tensor<3x1xf32>, tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.mul
  %2 = nn.mul %1, %a : tensor<2x3x4xf32>, tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: nn.div %{{.*}}, %{{.*}} : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  %3 = nn.div %c, %c : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  // CHECK: nn.relu %{{.*}} : tensor<2x3x4xf32>
  %4 = nn.relu %2 : tensor<2x3x4xf32>
  // CHECK: nn.sigmoid
  %5 = nn.sigmoid %4 : tensor<2x3x4xf32>
  // CHECK: nn.tanh
  %6 = nn.tanh %5 : tensor<2x3x4xf32>
  // CHECK: nn.exp
  %7 = nn.exp %6 : tensor<2x3x4xf32>
  return %7 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @cube
func.func @cube(%x: tensor<1x8x9x9xf16>, %w: tensor<16x4x3x3xf16>, %b: tensor<16xf16>,
                %m: tensor<8x64x32xf32>, %n: tensor<32x16xf32>) -> (tensor<1x16x5x5xf16>, tensor<8x64x16xf32>) {
  // CHECK: nn.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x9x9xf16>, tensor<16x4x3x3xf16>, tensor<16xf16>) -> tensor<1x16x5x5xf16>
  %0 = nn.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
                           dilations = array<i64: 1, 1>, group = 2 : i64}
      : (tensor<1x8x9x9xf16>, tensor<16x4x3x3xf16>, tensor<16xf16>) -> tensor<1x16x5x5xf16>
  // Without bias, with dilation.
  // CHECK: nn.conv %{{.*}}, %{{.*}} {{{.*}}} : (tensor<1x8x9x9xf16>, tensor<16x4x3x3xf16>) -> tensor<1x16x5x5xf16>
  %1 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                       dilations = array<i64: 2, 2>, group = 2 : i64}
      : (tensor<1x8x9x9xf16>, tensor<16x4x3x3xf16>) -> tensor<1x16x5x5xf16>
  // CHECK: nn.matmul %{{.*}}, %{{.*}} : tensor<8x64x32xf32>, tensor<32x16xf32> -> tensor<8x64x16xf32>
  %2 = nn.matmul %m, %n : tensor<8x64x32xf32>, tensor<32x16xf32> -> tensor<8x64x16xf32>
  return %0, %2 : tensor<1x16x5x5xf16>, tensor<8x64x16xf32>
}

// CHECK-LABEL: func.func @layouts
func.func @layouts(%x: tensor<1x3x8x8xf16>, %y: tensor<2x20x33xf32>) -> (tensor<1x3x8x8xf16>, tensor<2x20x33xf32, #nn.layout<fractal_nz>>) {
  // CHECK: nn.layout_cast %{{.*}} from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x3x8x8xf16, #nn.layout<nc1hwc0>>
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x3x8x8xf16, #nn.layout<nc1hwc0>>
  // CHECK: nn.layout_cast %{{.*}} from <nc1hwc0> to <nchw> : tensor<1x3x8x8xf16, #nn.layout<nc1hwc0>> -> tensor<1x3x8x8xf16>
  %1 = nn.layout_cast %0 from <nc1hwc0> to <nchw> : tensor<1x3x8x8xf16, #nn.layout<nc1hwc0>> -> tensor<1x3x8x8xf16>
  // CHECK: nn.layout_cast %{{.*}} from <nd> to <fractal_nz> : tensor<2x20x33xf32> -> tensor<2x20x33xf32, #nn.layout<fractal_nz>>
  %2 = nn.layout_cast %y from <nd> to <fractal_nz> : tensor<2x20x33xf32> -> tensor<2x20x33xf32, #nn.layout<fractal_nz>>
  return %1, %2 : tensor<1x3x8x8xf16>, tensor<2x20x33xf32, #nn.layout<fractal_nz>>
}

// Ops keep their shape rules on the logical shape of packed tensors.
// CHECK-LABEL: func.func @packed_operands
func.func @packed_operands(%x: tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>) -> tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>> {
  // CHECK: nn.relu %{{.*}} : tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>
  %0 = nn.relu %x : tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>
  return %0 : tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>
}

// CHECK-LABEL: func.func @kernel
func.func @kernel(%x: tensor<4x8xf32>, %w: tensor<8x8xf32>) -> tensor<4x8xf32> {
  // CHECK: %[[K:.*]] = nn.kernel "matmul_relu" ins(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32> {
  // CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x8xf32>):
  // CHECK-NEXT:   %[[M:.*]] = nn.matmul %[[A]], %[[B]]
  // CHECK-NEXT:   %[[R:.*]] = nn.relu %[[M]]
  // CHECK-NEXT:   nn.yield %[[R]] : tensor<4x8xf32>
  %0 = nn.kernel "matmul_relu" ins(%x, %w : tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32> {
  ^bb0(%a: tensor<4x8xf32>, %b: tensor<8x8xf32>):
    %m = nn.matmul %a, %b : tensor<4x8xf32>, tensor<8x8xf32> -> tensor<4x8xf32>
    %r = nn.relu %m : tensor<4x8xf32>
    nn.yield %r : tensor<4x8xf32>
  }
  // A kernel with neither inputs nor results.
  // CHECK: nn.kernel "empty" {
  // CHECK-NEXT: nn.yield
  nn.kernel "empty" {
    nn.yield
  }
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @elementwise_more
func.func @elementwise_more(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %m: tensor<2x3xi1>, %i: tensor<3xi64>) -> tensor<2x3xf32> {
  // CHECK: nn.pow
  %0 = nn.pow %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  // CHECK: nn.max
  %1 = nn.max %0, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  // CHECK: nn.min
  %2 = nn.min %1, %a : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  // CHECK: nn.equal %{{.*}}, %{{.*}} : tensor<3xi64>, tensor<3xi64> -> tensor<3xi1>
  %3 = nn.equal %i, %i : tensor<3xi64>, tensor<3xi64> -> tensor<3xi1>
  // CHECK: nn.less
  %4 = nn.less %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xi1>
  // CHECK: nn.greater
  %5 = nn.greater %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xi1>
  // CHECK: nn.and
  %6 = nn.and %4, %5 : tensor<2x3xi1>, tensor<2x3xi1> -> tensor<2x3xi1>
  // CHECK: nn.or
  %7 = nn.or %6, %m : tensor<2x3xi1>, tensor<2x3xi1> -> tensor<2x3xi1>
  // CHECK: nn.not
  %8 = nn.not %7 : tensor<2x3xi1>
  // CHECK: nn.where %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %9 = nn.where %8, %2, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: nn.prelu
  %10 = nn.prelu %9, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  // CHECK: nn.leaky_relu %{{.*}} {alpha = 1.000000e-01 : f32}
  %11 = nn.leaky_relu %10 {alpha = 0.1 : f32} : tensor<2x3xf32>
  // CHECK: nn.clip %{{.*}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}
  %12 = nn.clip %11 {min = 0.0 : f32, max = 6.0 : f32} : tensor<2x3xf32>
  // CHECK: nn.cast %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf16>
  %13 = nn.cast %12 : tensor<2x3xf32> -> tensor<2x3xf16>
  return %12 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @cube_norm_pool
func.func @cube_norm_pool(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>, %c: tensor<4xf32>,
                          %a: tensor<8x16xf32>, %b: tensor<32x16xf32>) -> tensor<8x32xf32> {
  // CHECK: nn.conv_transpose
  %0 = nn.conv_transpose %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, output_padding = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x16x16xf32>
  // CHECK: nn.gemm
  %1 = nn.gemm %a, %b {trans_b = true} : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
  // CHECK: nn.batch_norm
  %2 = nn.batch_norm %x, %c, %c, %c, %c {epsilon = 1.0e-5 : f32}
      : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  // CHECK: nn.instance_norm
  %3 = nn.instance_norm %2, %c, %c {epsilon = 1.0e-5 : f32} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  // CHECK: nn.layer_norm
  %4 = nn.layer_norm %a, %a {axis = 0 : i64, epsilon = 1.0e-5 : f32} : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  // CHECK: nn.layer_norm {{.*}} -> (tensor<8x16xf32>, tensor<1x1xf32>, tensor<1x1xf32>)
  %ln:3 = nn.layer_norm %a, %a {axis = 0 : i64, epsilon = 1.0e-5 : f32} : (tensor<8x16xf32>, tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<1x1xf32>, tensor<1x1xf32>)
  // CHECK: nn.max_pool
  %5 = nn.max_pool %3 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>}
      : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  // CHECK: nn.average_pool
  %6 = nn.average_pool %3 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode = true}
      : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  // CHECK: nn.global_average_pool
  %7 = nn.global_average_pool %6 : (tensor<1x4x4x4xf32>) -> tensor<1x4x1x1xf32>
  // CHECK: nn.reduce_sum
  %8 = nn.reduce_sum %5 {axes = array<i64: 2, 3>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4xf32>
  // CHECK: nn.argmax
  %9 = nn.argmax %8 {axis = 1 : i64} : (tensor<1x4xf32>) -> tensor<1x1xi32>
  // CHECK: nn.softmax
  %10 = nn.softmax %1 {axis = 1 : i64} : (tensor<8x32xf32>) -> tensor<8x32xf32>
  return %10 : tensor<8x32xf32>
}

// CHECK-LABEL: func.func @shape_ops
func.func @shape_ops(%x: tensor<2x3x4xf32>, %i: tensor<2xi64>, %d: tensor<1x8x2x2xf32>,
                     %x_idx: tensor<2x3x2xi32>, %nd_idx: tensor<2x5x1xi32>) -> tensor<2x3x4xf32> {
  // CHECK: nn.constant dense<[1, 2]> : tensor<2xi64>
  %c = nn.constant dense<[1, 2]> : tensor<2xi64>
  // CHECK: nn.shape
  %s = nn.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  // CHECK: nn.size
  %n = nn.size %x : (tensor<2x3x4xf32>) -> tensor<i64>
  // CHECK: nn.reshape
  %0 = nn.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  // CHECK: nn.transpose
  %1 = nn.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  // CHECK: nn.concat
  %2 = nn.concat %x, %x {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x8xf32>
  // CHECK: nn.split
  %3:2 = nn.split %2 {axis = 2 : i64} : (tensor<2x3x8xf32>) -> (tensor<2x3x3xf32>, tensor<2x3x5xf32>)
  // CHECK: nn.slice
  %4 = nn.slice %x {starts = array<i64: 1, 2, 0>, ends = array<i64: -1, 0, 4>, steps = array<i64: -1, -1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x2x2xf32>
  // CHECK: nn.gather
  %5 = nn.gather %x, %i {axis = 1 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x2x4xf32>
  // CHECK: nn.gather_elements
  %ge = nn.gather_elements %x, %x_idx {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<2x3x2xi32>) -> tensor<2x3x2xf32>
  // CHECK: nn.gather_nd
  %gnd = nn.gather_nd %x, %nd_idx {batch_dims = 1 : i64} : (tensor<2x3x4xf32>, tensor<2x5x1xi32>) -> tensor<2x5x4xf32>
  // CHECK: nn.pad
  %6 = nn.pad %x {pads = array<i64: 0, 1, 0, 0, 1, 2>, mode = "edge"} : (tensor<2x3x4xf32>) -> tensor<2x5x6xf32>
  // CHECK: nn.resize
  %7 = nn.resize %x {scales = array<f32: 1.0, 2.0, 1.5>, mode = "linear", coordinate_transformation_mode = "half_pixel", nearest_mode = "floor"} : (tensor<2x3x4xf32>) -> tensor<2x6x6xf32>
  // CHECK: nn.expand
  %8 = nn.expand %x : (tensor<2x3x4xf32>) -> tensor<5x2x3x4xf32>
  // CHECK: nn.tile
  %9 = nn.tile %x {repeats = array<i64: 1, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x6x4xf32>
  // CHECK: nn.range
  %10 = nn.range %n, %n, %n : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<0xi64>
  // CHECK: nn.depth_to_space
  %11 = nn.depth_to_space %d {blocksize = 2 : i64} : (tensor<1x8x2x2xf32>) -> tensor<1x2x4x4xf32>
  // CHECK: nn.space_to_depth
  %12 = nn.space_to_depth %11 {blocksize = 2 : i64} : (tensor<1x2x4x4xf32>) -> tensor<1x8x2x2xf32>
  return %x : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @more_unary
func.func @more_unary(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) -> tensor<2x3xf32> {
  // CHECK: nn.log
  %0 = nn.log %x : tensor<2x3xf32>
  // CHECK: nn.sqrt
  %1 = nn.sqrt %0 : tensor<2x3xf32>
  // CHECK: nn.erf
  %2 = nn.erf %1 : tensor<2x3xf32>
  // CHECK: nn.reciprocal
  %3 = nn.reciprocal %2 : tensor<2x3xf32>
  // CHECK: nn.floor
  %4 = nn.floor %3 : tensor<2x3xf32>
  // CHECK: nn.ceil
  %5 = nn.ceil %4 : tensor<2x3xf32>
  // CHECK: nn.softplus
  %6 = nn.softplus %5 : tensor<2x3xf32>
  // CHECK: nn.softsign
  %7 = nn.softsign %6 : tensor<2x3xf32>
  // CHECK: nn.hard_swish
  %8 = nn.hard_swish %7 : tensor<2x3xf32>
  // CHECK: nn.neg %{{.*}} : tensor<2x3xi32>
  %9 = nn.neg %i : tensor<2x3xi32>
  // CHECK: nn.abs %{{.*}} : tensor<2x3xi32>
  %10 = nn.abs %9 : tensor<2x3xi32>
  // CHECK: nn.elu %{{.*}} {alpha = 1.000000e+00 : f32}
  %11 = nn.elu %8 {alpha = 1.0 : f32} : tensor<2x3xf32>
  // CHECK: nn.selu
  %12 = nn.selu %11 {alpha = 1.67 : f32, gamma = 1.05 : f32} : tensor<2x3xf32>
  // CHECK: nn.hard_sigmoid %{{.*}} {alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32}
  %13 = nn.hard_sigmoid %12 {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<2x3xf32>
  // CHECK: nn.identity
  %14 = nn.identity %13 : tensor<2x3xf32>
  // CHECK: nn.dropout
  %15 = nn.dropout %14 : tensor<2x3xf32>
  return %15 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @more_reductions
func.func @more_reductions(%x: tensor<1x4x4x4xf32>) -> tensor<1x4x1x1xf32> {
  // CHECK: nn.global_max_pool
  %0 = nn.global_max_pool %x : (tensor<1x4x4x4xf32>) -> tensor<1x4x1x1xf32>
  // CHECK: nn.reduce_mean
  %1 = nn.reduce_mean %x {axes = array<i64: 2, 3>, keepdims = true} : (tensor<1x4x4x4xf32>) -> tensor<1x4x1x1xf32>
  // CHECK: nn.reduce_max
  %2 = nn.reduce_max %x {axes = array<i64: 1>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  // CHECK: nn.reduce_min
  %3 = nn.reduce_min %x {axes = array<i64: 1>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  // CHECK: nn.reduce_prod
  %4 = nn.reduce_prod %x {axes = array<i64: 0>, keepdims = true} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  // CHECK: nn.argmin
  %5 = nn.argmin %x {axis = 1 : i64} : (tensor<1x4x4x4xf32>) -> tensor<1x1x4x4xi32>
  // CHECK: nn.log_softmax
  %6 = nn.log_softmax %x {axis = 3 : i64} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x1x1xf32>
}
