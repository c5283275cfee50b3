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

func.func @layout_c0(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{'nc1hwc0' shape [1, 1, 8, 8, 8] should be [1, 1, 8, 8, 16] for 'nchw' shape [1, 3, 8, 8]}}
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x8xf16>
  return
}

// -----

func.func @layout_unsupported(%x: tensor<1x3x8x8xf16>) {
  // expected-error @+1 {{cannot convert layout 'nchw' to 'fractal_nz' for a rank-4 tensor}}
  %0 = nn.layout_cast %x from <nchw> to <fractal_nz> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x16xf16>
  return
}

// -----

func.func @layout_elem(%x: tensor<4x4xf16>) {
  // expected-error @+1 {{changes the element type}}
  %0 = nn.layout_cast %x from <nd> to <fractal_nz> : tensor<4x4xf16> -> tensor<1x1x16x16xf32>
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
