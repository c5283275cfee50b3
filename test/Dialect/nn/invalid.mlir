// RUN: ascend-opt %s -split-input-file -verify-diagnostics

func.func @add_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{operand shapes [2, 3] and [4] do not broadcast}}
  %0 = nn.add %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @sub_wrong_result(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{result shape [3, 3] is not the broadcast shape [2, 3]}}
  %0 = nn.sub %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @mul_mixed_types(%a: tensor<3xf32>, %b: tensor<3xf16>) {
  // expected-error @+1 {{operands and result must have one element type, got 'f32', 'f16' -> 'f32'}}
  %0 = nn.mul %a, %b : tensor<3xf32>, tensor<3xf16> -> tensor<3xf32>
  return
}

// -----

func.func @div_dynamic(%a: tensor<?xf32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor}}
  %0 = nn.div %a, %a : tensor<?xf32>, tensor<?xf32> -> tensor<?xf32>
  return
}

// -----

func.func @relu_int(%a: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values}}
  %0 = nn.relu %a : tensor<3xi32>
  return
}

// -----

func.func @sigmoid_type_change(%a: tensor<3xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "nn.sigmoid"(%a) : (tensor<3xf32>) -> tensor<3xf16>
  return
}

// -----

func.func @tanh_shape_change(%a: tensor<3xf32>) {
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %0 = "nn.tanh"(%a) : (tensor<3xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @exp_dynamic(%a: tensor<?xf32>) {
  // expected-error @+1 {{must be statically shaped tensor}}
  %0 = nn.exp %a : tensor<?xf32>
  return
}

// -----

func.func @matmul_contract(%a: tensor<4x8xf32>, %b: tensor<7x3xf32>) {
  // expected-error @+1 {{contracting dimensions differ: lhs has 8, rhs has 7}}
  %0 = nn.matmul %a, %b : tensor<4x8xf32>, tensor<7x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x8xf32>, %b: tensor<3x8x3xf32>) {
  // expected-error @+1 {{batch dimensions do not broadcast}}
  %0 = nn.matmul %a, %b : tensor<2x4x8xf32>, tensor<3x8x3xf32> -> tensor<2x4x3xf32>
  return
}

// -----

func.func @matmul_result(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>) {
  // expected-error @+1 {{result shape [4, 4] should be [4, 3]}}
  %0 = nn.matmul %a, %b : tensor<4x8xf32>, tensor<8x3xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @conv_result(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{result shape [1, 4, 8, 8] should be [1, 4, 6, 6]}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @conv_group(%x: tensor<1x6x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{input channels (6) and output channels (4) must be divisible by group 3}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 3 : i64}
      : (tensor<1x6x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_weight_channels(%x: tensor<1x6x8x8xf32>, %w: tensor<4x6x3x3xf32>) {
  // expected-error @+1 {{weight has 6 input channels per group, expected 3}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 2 : i64}
      : (tensor<1x6x8x8xf32>, tensor<4x6x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{bias must have shape [4]}}
  %0 = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_window(%x: tensor<1x3x2x2xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{kernel window 3 exceeds padded input extent 2 in spatial dimension 0}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x3x2x2xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @conv_attrs(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects 2 strides, 2 dilations and 4 pads}}
  %0 = nn.conv %x, %w {strides = array<i64: 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{strides and dilations must be positive}}
  %0 = nn.conv %x, %w {strides = array<i64: 0, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_rank(%x: tensor<3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{expects rank-4 NCHW input, MCHW weight and result}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 0 : i64}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @layout_same(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{converts layout 'nchw' to itself}}
  %0 = nn.layout_cast %x from <nchw> to <nchw> : tensor<1x3x8x8xf16> -> tensor<1x3x8x8xf16>
  return
}

// -----

func.func @layout_shape(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{changes the logical shape [1, 3, 8, 8] to [1, 1, 8, 8, 16]; layouts are type encodings}}
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x16xf16>
  return
}

// -----

func.func @layout_encoding(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{result type 'tensor<1x3x8x8xf16>' is not in layout 'nc1hwc0'}}
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x3x8x8xf16>
  return
}

// -----

func.func @layout_unsupported(%x: tensor<4x3x8x8xf16>) {
  // expected-error @+1 {{cannot convert layout 'nd' to 'nc1hwc0'}}
  %0 = nn.layout_cast %x from <nd> to <nc1hwc0> : tensor<4x3x8x8xf16> -> tensor<4x3x8x8xf16, #nn.layout<nc1hwc0>>
  return
}

// -----

// expected-error @+1 {{'nc1hwc0' encodes rank-4 tensors, not rank 2}}
func.func @layout_rank(%x: tensor<4x4xf16, #nn.layout<nc1hwc0>>) {
  return
}

// -----

// expected-error @+1 {{'nchw' is the layout of a tensor without encoding}}
func.func @layout_plain_encoding(%x: tensor<1x3x8x8xf16, #nn.layout<nchw>>) {
  return
}

// -----

func.func @layout_elem(%x: tensor<4x4xf16>) {
  // expected-error @+1 {{changes the element type}}
  %0 = nn.layout_cast %x from <nd> to <fractal_nz> : tensor<4x4xf16> -> tensor<4x4xf32, #nn.layout<fractal_nz>>
  return
}

// -----

func.func @kernel_args(%x: tensor<4xf32>) {
  // expected-error @+1 {{body arguments must match the kernel inputs}}
  %0 = nn.kernel "k" ins(%x : tensor<4xf32>) -> tensor<8xf32> {
  ^bb0(%a: tensor<8xf32>):
    nn.yield %a : tensor<8xf32>
  }
  return
}

// -----

func.func @kernel_isolated(%x: tensor<4xf32>) {
  // expected-note @+1 {{required by region isolation constraints}}
  %0 = nn.kernel "k" -> tensor<4xf32> {
    // expected-error @+1 {{using value defined outside the region}}
    %r = nn.relu %x : tensor<4xf32>
    nn.yield %r : tensor<4xf32>
  }
  return
}

// -----

func.func @kernel_yield(%x: tensor<4xf32>) {
  %0 = nn.kernel "k" ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    // expected-error @+1 {{yields 0 values whose types must match the kernel results}}
    nn.yield
  }
  return
}

// -----

func.func @yield_outside() {
  // expected-error @+1 {{expects parent op 'nn.kernel'}}
  nn.yield
}

// -----

func.func @equal_types(%a: tensor<3xf32>, %b: tensor<3xi64>) {
  // expected-error @+1 {{operands and result must have one element type, got 'f32', 'i64' -> 'i1'}}
  %0 = nn.equal %a, %b : tensor<3xf32>, tensor<3xi64> -> tensor<3xi1>
  return
}

// -----

func.func @prelu_slope(%a: tensor<2x3xf32>, %s: tensor<2xf32>) {
  // expected-error @+1 {{slope shape [2] does not broadcast to input shape [2, 3]}}
  %0 = nn.prelu %a, %s : tensor<2x3xf32>, tensor<2xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @where_shape(%c: tensor<2xi1>, %a: tensor<3xf32>) {
  // expected-error @+1 {{operand shapes do not broadcast}}
  %0 = nn.where %c, %a, %a : (tensor<2xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @clip_bounds(%a: tensor<3xf32>) {
  // expected-error @+1 {{min 2.000000e+00 is greater than max 1.000000e+00}}
  %0 = nn.clip %a {min = 2.0 : f32, max = 1.0 : f32} : tensor<3xf32>
  return
}

// -----

func.func @cast_shape(%a: tensor<3xf32>) {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = nn.cast %a : tensor<3xf32> -> tensor<4xi32>
  return
}

// -----

func.func @gemm_k(%a: tensor<4x8xf32>, %b: tensor<7x3xf32>) {
  // expected-error @+1 {{contracting dimensions differ: a has 8, b has 7}}
  %0 = nn.gemm %a, %b : (tensor<4x8xf32>, tensor<7x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @gemm_c(%a: tensor<4x8xf32>, %b: tensor<3x8xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{c shape [4] does not broadcast to [4, 3]}}
  %0 = nn.gemm %a, %b, %c {trans_b = true} : (tensor<4x8xf32>, tensor<3x8xf32>, tensor<4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @conv_transpose_result(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+1 {{result shape [1, 2, 16, 16] should be [1, 2, 15, 15]}}
  %0 = nn.conv_transpose %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, output_padding = array<i64: 0, 0>, group = 1 : i64}
      : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x16x16xf32>
  return
}

// -----

func.func @batch_norm_channels(%x: tensor<1x4x8x8xf32>, %c: tensor<3xf32>) {
  // expected-error @+1 {{per-channel operands must have shape [4]}}
  %0 = nn.batch_norm %x, %c, %c, %c, %c {epsilon = 1.0e-5 : f32}
      : (tensor<1x4x8x8xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @layer_norm_axis(%x: tensor<8x16xf32>) {
  // expected-error @+1 {{axis 2 is out of range}}
  %0 = nn.layer_norm %x, %x {axis = 2 : i64, epsilon = 1.0e-5 : f32} : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @layer_norm_stats(%x: tensor<8x16xf32>, %s: tensor<16xf32>) {
  // expected-error @+1 {{result shape [8, 16] should be [8, 1]}}
  %0:3 = nn.layer_norm %x, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<8x16xf32>, tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>, tensor<8x1xf32>)
  return
}

// -----

func.func @layer_norm_one_stat(%x: tensor<8x16xf32>, %s: tensor<16xf32>) {
  // expected-error @+1 {{stats must be a mean and an inverse standard deviation}}
  %0:2 = nn.layer_norm %x, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<8x16xf32>, tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x1xf32>)
  return
}

// -----

func.func @pool_result(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{result shape [1, 4, 3, 3] should be [1, 4, 4, 4]}}
  %0 = nn.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x4x8x8xf32>) -> tensor<1x4x3x3xf32>
  return
}

// -----

func.func @pool_attrs(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{expects 2 kernel sizes, strides and dilations and 4 pads}}
  %0 = nn.average_pool %x {kernel_shape = array<i64: 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
      : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  return
}

// -----

func.func @global_pool(%x: tensor<1x4x8x8xf32>) {
  // expected-error @+1 {{result shape [1, 4] should be [1, 4, 1, 1]}}
  %0 = nn.global_max_pool %x : (tensor<1x4x8x8xf32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @reduce_axes(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axes must be sorted and unique}}
  %0 = nn.reduce_mean %x {axes = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return
}

// -----

func.func @reduce_result(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result shape [2, 1] should be [2]}}
  %0 = nn.reduce_max %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @argmax_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 is out of range}}
  %0 = nn.argmax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis -1 is out of range}}
  %0 = nn.softmax %x {axis = -1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{cannot reshape [2, 3] to [7]: element counts differ}}
  %0 = nn.reshape %x : (tensor<2x3xf32>) -> tensor<7xf32>
  return
}

// -----

func.func @transpose_perm(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{perm [0, 0] is not a permutation}}
  %0 = nn.transpose %x {perm = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @concat_shapes(%x: tensor<2x3xf32>, %y: tensor<3x3xf32>) {
  // expected-error @+1 {{input shapes [2, 3] and [3, 3] differ off axis 1}}
  %0 = nn.concat %x, %y {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @split_sizes(%x: tensor<2x6xf32>) {
  // expected-error @+1 {{results add up to 5 along axis 1, input has 6}}
  %0:2 = nn.split %x {axis = 1 : i64} : (tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  return
}

// -----

func.func @slice_range(%x: tensor<4xf32>) {
  // expected-error @+1 {{slice [1, 5) step 1 is not normalized for dimension 0 of size 4}}
  %0 = nn.slice %x {starts = array<i64: 1>, ends = array<i64: 5>, steps = array<i64: 1>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @gather_result(%x: tensor<3x4xf32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{result shape [2, 4] should be [3, 2]}}
  %0 = nn.gather %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return
}

// -----

func.func @pad_mode(%x: tensor<3xf32>) {
  // expected-error @+1 {{mode must be constant, reflect or edge, got 'wrap'}}
  %0 = nn.pad %x {pads = array<i64: 1, 1>, mode = "wrap"} : (tensor<3xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @resize_result(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{result size 4 in dimension 3 should be 6 (input 2 x scale 3.000000e+00)}}
  %0 = nn.resize %x {scales = array<f32: 1.0, 1.0, 2.0, 3.0>, mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor"} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @expand_shape(%x: tensor<3xf32>) {
  // expected-error @+1 {{input shape [3] does not broadcast to [2, 4]}}
  %0 = nn.expand %x : (tensor<3xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @tile_result(%x: tensor<3xf32>) {
  // expected-error @+1 {{result shape [3] should be [6]}}
  %0 = nn.tile %x {repeats = array<i64: 2>} : (tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @range_scalars(%x: tensor<1xi64>) {
  // expected-error @+1 {{start, limit and delta must be scalars}}
  %0 = nn.range %x, %x, %x : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  return
}

// -----

func.func @depth_to_space_channels(%x: tensor<1x6x2x2xf32>) {
  // expected-error @+1 {{channels (6) must be divisible by blocksize^2 (4)}}
  %0 = nn.depth_to_space %x {blocksize = 2 : i64} : (tensor<1x6x2x2xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @space_to_depth_spatial(%x: tensor<1x1x3x4xf32>) {
  // expected-error @+1 {{spatial size must be divisible by blocksize 2}}
  %0 = nn.space_to_depth %x {blocksize = 2 : i64} : (tensor<1x1x3x4xf32>) -> tensor<1x4x1x2xf32>
  return
}

// -----

func.func @shape_rank(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result shape [3] should be [2]}}
  %0 = nn.shape %x : (tensor<2x3xf32>) -> tensor<3xi64>
  return
}

// -----

func.func @pow(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.pow' op operand shapes [2, 3] and [4] do not broadcast}}
  %0 = nn.pow %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @max(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'nn.max' op operand shapes [2, 3] and [4] do not broadcast}}
  %0 = nn.max %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @min(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'nn.min' op result shape [3, 3] is not the broadcast shape [2, 3]}}
  %0 = nn.min %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @less(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'nn.less' op result #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<2x3x}}
  %0 = nn.less %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @greater(%a: tensor<2x3xf32>, %b: tensor<5xf32>) {
  // expected-error @+1 {{'nn.greater' op operand shapes [2, 3] and [5] do not broadcast}}
  %0 = nn.greater %a, %b : tensor<2x3xf32>, tensor<5xf32> -> tensor<2x3xi1>
  return
}

// -----

func.func @and(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.and' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<2x3x}}
  %0 = nn.and %a, %a : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xi1>
  return
}

// -----

func.func @or(%a: tensor<2x3xi1>, %b: tensor<4xi1>) {
  // expected-error @+1 {{'nn.or' op operand shapes [2, 3] and [4] do not broadcast}}
  %0 = nn.or %a, %b : tensor<2x3xi1>, tensor<4xi1> -> tensor<2x3xi1>
  return
}

// -----

func.func @not(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.not' op operand #0 must be statically shaped tensor of 1-bit signless integer values, but got 'tensor<2x3x}}
  %0 = nn.not %a : tensor<2x3xf32>
  return
}

// -----

func.func @log(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.log' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'tenso}}
  %0 = nn.log %a : tensor<3xi32>
  return
}

// -----

func.func @sqrt(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.sqrt' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'tens}}
  %0 = nn.sqrt %a : tensor<3xi32>
  return
}

// -----

func.func @erf(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.erf' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'tenso}}
  %0 = nn.erf %a : tensor<3xi32>
  return
}

// -----

func.func @reciprocal(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.reciprocal' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got}}
  %0 = nn.reciprocal %a : tensor<3xi32>
  return
}

// -----

func.func @floor(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.floor' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'ten}}
  %0 = nn.floor %a : tensor<3xi32>
  return
}

// -----

func.func @ceil(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.ceil' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'tens}}
  %0 = nn.ceil %a : tensor<3xi32>
  return
}

// -----

func.func @softplus(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.softplus' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got '}}
  %0 = nn.softplus %a : tensor<3xi32>
  return
}

// -----

func.func @softsign(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.softsign' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got '}}
  %0 = nn.softsign %a : tensor<3xi32>
  return
}

// -----

func.func @hard_swish(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.hard_swish' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got}}
  %0 = nn.hard_swish %a : tensor<3xi32>
  return
}

// -----

func.func @neg(%a: tensor<3xf32>) {
  // expected-error @+1 {{'nn.neg' op requires the same type for all operands and results}}
  %0 = "nn.neg"(%a) : (tensor<3xf32>) -> tensor<3xf16>
  return
}

// -----

func.func @abs(%a: tensor<3xi1>) {
  // expected-error @+1 {{'nn.abs' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float or 8-bit signless integer}}
  %0 = nn.abs %a : tensor<3xi1>
  return
}

// -----

func.func @leaky_relu(%a: tensor<3xf32>) {
  // expected-error @+1 {{'nn.leaky_relu' op requires attribute 'alpha'}}
  %0 = nn.leaky_relu %a : tensor<3xf32>
  return
}

// -----

func.func @elu(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.elu' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 'tenso}}
  %0 = nn.elu %a {alpha = 1.0 : f32} : tensor<3xi32>
  return
}

// -----

func.func @selu(%a: tensor<3xf32>) {
  // expected-error @+1 {{'nn.selu' op requires attribute 'gamma'}}
  %0 = nn.selu %a {alpha = 1.0 : f32} : tensor<3xf32>
  return
}

// -----

func.func @hard_sigmoid(%a: tensor<3xf32>) {
  // expected-error @+1 {{'nn.hard_sigmoid' op all non-scalar operands/results must have the same shape and base type}}
  %0 = "nn.hard_sigmoid"(%a) {alpha = 0.2 : f32, beta = 0.5 : f32} : (tensor<3xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @identity(%a: tensor<3xf32>) {
  // expected-error @+1 {{'nn.identity' op requires the same type for all operands and results}}
  %0 = "nn.identity"(%a) : (tensor<3xf32>) -> tensor<3xi32>
  return
}

// -----

func.func @dropout(%a: tensor<3xi32>) {
  // expected-error @+1 {{'nn.dropout' op operand #0 must be statically shaped tensor of 16-bit float or 32-bit float values, but got 't}}
  %0 = nn.dropout %a : tensor<3xi32>
  return
}

// -----

func.func @instance_norm(%a: tensor<1x4x8x8xf32>, %c: tensor<5xf32>) {
  // expected-error @+1 {{'nn.instance_norm' op per-channel operands must have shape [4]}}
  %0 = nn.instance_norm %a, %c, %c {epsilon = 1.0e-5 : f32} : (tensor<1x4x8x8xf32>, tensor<5xf32>, tensor<5xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @global_average_pool(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.global_average_pool' op result shape [1, 4, 2, 2] should be [1, 4, 1, 1]}}
  %0 = nn.global_average_pool %a : (tensor<1x4x4x4xf32>) -> tensor<1x4x2x2xf32>
  return
}

// -----

func.func @global_max_pool(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.global_max_pool' op result shape [1, 4] should be [1, 4, 1, 1]}}
  %0 = nn.global_max_pool %a : (tensor<1x4x4x4xf32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @reduce_sum(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.reduce_sum' op axis 7 is out of range}}
  %0 = nn.reduce_sum %a {axes = array<i64: 7>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  return
}

// -----

func.func @reduce_min(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.reduce_min' op axis 7 is out of range}}
  %0 = nn.reduce_min %a {axes = array<i64: 7>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  return
}

// -----

func.func @reduce_prod(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.reduce_prod' op axis 7 is out of range}}
  %0 = nn.reduce_prod %a {axes = array<i64: 7>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  return
}

// -----

func.func @reduce_mean(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.reduce_mean' op axis 7 is out of range}}
  %0 = nn.reduce_mean %a {axes = array<i64: 7>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  return
}

// -----

func.func @reduce_max(%a: tensor<1x4x4x4xf32>) {
  // expected-error @+1 {{'nn.reduce_max' op axis 7 is out of range}}
  %0 = nn.reduce_max %a {axes = array<i64: 7>, keepdims = false} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4xf32>
  return
}

// -----

func.func @argmin(%a: tensor<1x4xf32>) {
  // expected-error @+1 {{'nn.argmin' op result shape [1, 4] should be [1, 1]}}
  %0 = nn.argmin %a {axis = 1 : i64} : (tensor<1x4xf32>) -> tensor<1x4xi32>
  return
}

// -----

func.func @log_softmax(%a: tensor<8x32xf32>) {
  // expected-error @+1 {{'nn.log_softmax' op axis 2 is out of range}}
  %0 = nn.log_softmax %a {axis = 2 : i64} : (tensor<8x32xf32>) -> tensor<8x32xf32>
  return
}

// -----

func.func @constant() {
  // expected-error @+1 {{'nn.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "nn.constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<3xf32>
  return
}

// -----

func.func @size(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.size' op result #0 must be 0D tensor of 64-bit signless integer values, but got 'tensor<2xi64>'}}
  %0 = nn.size %a : (tensor<2x3xf32>) -> tensor<2xi64>
  return
}

// -----

func.func @gather_elements_rank(%x: tensor<3x4xf32>, %i: tensor<2xi32>) {
  // expected-error @+1 {{indices must have the data's rank 2}}
  %0 = nn.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_elements_dim(%x: tensor<3x4xf32>, %i: tensor<4x2xi32>) {
  // expected-error @+1 {{indices dimension 0 exceeds the data's 3}}
  %0 = nn.gather_elements %x, %i {axis = 1 : i64} : (tensor<3x4xf32>, tensor<4x2xi32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @gather_nd_tuple(%x: tensor<3x4xf32>, %i: tensor<2x3xi32>) {
  // expected-error @+1 {{index tuples of 3 entries do not fit data of rank 2 after 0 batch dimensions}}
  %0 = nn.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<3x4xf32>, tensor<2x3xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_nd_batch(%x: tensor<3x4xf32>, %i: tensor<2x1xi32>) {
  // expected-error @+1 {{data and indices must share their batch dimensions}}
  %0 = nn.gather_nd %x, %i {batch_dims = 1 : i64} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_nd_result(%x: tensor<3x4xf32>, %i: tensor<2x1xi32>) {
  // expected-error @+1 {{result shape [2] should be [2, 4]}}
  %0 = nn.gather_nd %x, %i {batch_dims = 0 : i64} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2xf32>
  return
}
