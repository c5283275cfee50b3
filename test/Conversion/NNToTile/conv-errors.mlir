// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics

// Runtime weights are packed for the cube from NC1HWC0 (the layout
// assignment casts them).
func.func @main(%x: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  %k = nn.kernel "conv0" ins(%x, %w : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  ^bb0(%a: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %b: tensor<8x8x3x3xf32>):
    // expected-error @+1 {{cannot lower nn.conv to the cube: runtime weights must be in the nc1hwc0 layout (run the layout assignment first)}}
    %y = nn.conv %a, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
    nn.yield %y : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
  }
  return %k : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
}

// -----

// Grouped runtime weights are not supported.
func.func @main(%x: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %w: tensor<8x4x3x3xf32, #nn.layout<nc1hwc0>>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  %k = nn.kernel "conv0" ins(%x, %w : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x4x3x3xf32, #nn.layout<nc1hwc0>>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  ^bb0(%a: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %b: tensor<8x4x3x3xf32, #nn.layout<nc1hwc0>>):
    // expected-error @+1 {{cannot lower nn.conv to the cube: runtime weights are supported only for group 1 (group 2)}}
    %y = nn.conv %a, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 2 : i64} : (tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x4x3x3xf32, #nn.layout<nc1hwc0>>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
    nn.yield %y : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
  }
  return %k : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
}

// -----

// The conv kernel reads and writes NC1HWC0; the layout assignment makes it.
func.func @main(%x: tensor<1x8x6x6xf32>) -> tensor<1x8x6x6xf32> {
  %w = nn.constant dense<1.0> : tensor<8x8x3x3xf32>
  %k = nn.kernel "conv0" ins(%x, %w : tensor<1x8x6x6xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32> {
  ^bb0(%a: tensor<1x8x6x6xf32>, %b: tensor<8x8x3x3xf32>):
    // expected-error @+1 {{cannot lower nn.conv to the cube: input and result must be in the nc1hwc0 layout (run the layout assignment first)}}
    %y = nn.conv %a, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x8x6x6xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32>
    nn.yield %y : tensor<1x8x6x6xf32>
  }
  return %k : tensor<1x8x6x6xf32>
}

// -----

// Epilogue operands broadcast per pixel (not per channel) are not supported.
func.func @main(%x: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %m: tensor<1x1x6x6xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<1.0> : tensor<8x8x3x3xf32>
  %k = nn.kernel "conv0_mul" ins(%x, %w, %m : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x8x3x3xf32>, tensor<1x1x6x6xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>> {
  ^bb0(%a: tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, %b: tensor<8x8x3x3xf32>, %c: tensor<1x1x6x6xf32>):
    %y = nn.conv %a, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<8x8x3x3xf32>) -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
    // expected-error @+1 {{cannot lower nn.mul in a convolution epilogue: operand #1 must be a splat, a per-channel constant or a tensor of the convolution's type}}
    %z = nn.mul %y, %c : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>, tensor<1x1x6x6xf32> -> tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
    nn.yield %z : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
  }
  return %k : tensor<1x8x6x6xf32, #nn.layout<nc1hwc0>>
}

// -----

// A kernel 255 taps wide with dilation 255: even a tile of 16 output
// columns reads 64786 input columns (x 32 bytes) per row, which overflows
// L1 (tiles of whole rows read all 64900).
func.func @main(%x: tensor<1x8x1x64900xf32, #nn.layout<nc1hwc0>>) -> tensor<1x8x1x130xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<1.0> : tensor<8x8x1x255xf32>
  %k = nn.kernel "wide_kernel" ins(%x, %w : tensor<1x8x1x64900xf32, #nn.layout<nc1hwc0>>, tensor<8x8x1x255xf32>) -> tensor<1x8x1x130xf32, #nn.layout<nc1hwc0>> {
  ^bb0(%a: tensor<1x8x1x64900xf32, #nn.layout<nc1hwc0>>, %b: tensor<8x8x1x255xf32>):
    // expected-error @+1 {{cannot lower nn.conv to the cube: no tiling fits L1 (even 16 output pixels of a row, 16 output channels and one kernel tap overflow it)}}
    %y = nn.conv %a, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 255>, group = 1 : i64} : (tensor<1x8x1x64900xf32, #nn.layout<nc1hwc0>>, tensor<8x8x1x255xf32>) -> tensor<1x8x1x130xf32, #nn.layout<nc1hwc0>>
    nn.yield %y : tensor<1x8x1x130xf32, #nn.layout<nc1hwc0>>
  }
  return %k : tensor<1x8x1x130xf32, #nn.layout<nc1hwc0>>
}
