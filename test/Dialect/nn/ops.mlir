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
func.func @layouts(%x: tensor<1x3x8x8xf16>, %y: tensor<2x20x33xf32>) -> (tensor<1x3x8x8xf16>, tensor<2x5x2x16x8xf32>) {
  // CHECK: nn.layout_cast %{{.*}} from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x16xf16>
  %0 = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x16xf16>
  // CHECK: nn.layout_cast %{{.*}} from <nc1hwc0> to <nchw> : tensor<1x1x8x8x16xf16> -> tensor<1x3x8x8xf16>
  %1 = nn.layout_cast %0 from <nc1hwc0> to <nchw> : tensor<1x1x8x8x16xf16> -> tensor<1x3x8x8xf16>
  // f32 fractals are 16 x 8: [2, 20, 33] -> [2, ceil(33/8), ceil(20/16), 16, 8].
  // CHECK: nn.layout_cast %{{.*}} from <nd> to <fractal_nz> : tensor<2x20x33xf32> -> tensor<2x5x2x16x8xf32>
  %2 = nn.layout_cast %y from <nd> to <fractal_nz> : tensor<2x20x33xf32> -> tensor<2x5x2x16x8xf32>
  return %1, %2 : tensor<1x3x8x8xf16>, tensor<2x5x2x16x8xf32>
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
