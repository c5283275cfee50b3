// Float math composites at the tile level (FloatMath.cpp): erf as a clamped
// rational function, pow with a runtime exponent as exp(y * ln|x|) with the
// sign of negative bases, pow and prelu with broadcast operands expanded
// into full tiles first.
// RUN: ascend-opt %s --ascend-lower-nn-to-tile -split-input-file | FileCheck %s

// erf: two scratch tiles besides the input and the result; x clamped to
// [-4, 4], P(x^2) by Horner times x, divided by Q(x^2).
// CHECK-LABEL: func.func private @erf(
// CHECK-COUNT-4: memref.alloc() : memref<512xf32, #tile.space<ub>>
// CHECK: tile.copy
// CHECK: tile.vmaxs {{.*}} -4.0
// CHECK: tile.vmins {{.*}} 4.0
// CHECK: tile.vmul
// CHECK: tile.vmuls {{.*}} 2.04447
// CHECK-COUNT-4: tile.vadds
// CHECK: tile.vadds {{.*}} 1.12837
// CHECK: tile.vmul
// CHECK: tile.vmuls {{.*}} 3.79774
// CHECK: tile.vadds {{.*}} 1.0
// CHECK: tile.vdiv
// CHECK: tile.copy
func.func @main(%a: tensor<512xf32>) -> tensor<512xf32> {
  %0 = nn.kernel "erf" ins(%a : tensor<512xf32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>):
    %e = nn.erf %x : tensor<512xf32>
    nn.yield %e : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}

// -----

// pow with a runtime exponent: |x|^y = exp(y * ln|x|) with ln 0 clamped to
// the lowest finite value; then the sign factor from the parity of y
// (rounded with 1.5 * 2^23) and the negative-base step.
// CHECK-LABEL: func.func private @pow(
// CHECK: tile.vabs
// CHECK: tile.vln
// CHECK: tile.vmaxs {{.*}} -3.40282
// CHECK: tile.vmins {{.*}} 3.40282
// CHECK: tile.vmul
// CHECK: tile.vexp
// CHECK: tile.vmuls {{.*}} 5.000000e-01
// CHECK: tile.vadds {{.*}} 0x4168000000000000
// CHECK: tile.vadds {{.*}} 0xC168000000000000
// CHECK: tile.vmuls {{.*}} -2.0
// CHECK: tile.vadd
// CHECK: tile.vabs
// CHECK: tile.vmuls {{.*}} -1.0
// CHECK: tile.vrelu
// CHECK: tile.vmuls
// CHECK: tile.vmuls
// CHECK: tile.vmins {{.*}} 1.0
// CHECK: tile.vmul
// CHECK: tile.vmul
// CHECK: tile.vsub
// CHECK: tile.vsqrt
// CHECK: tile.vmuls {{.*}} -2.0
// CHECK: tile.vadds {{.*}} 1.0
// CHECK: tile.vadd
// CHECK: tile.vmul
// CHECK: tile.copy
func.func @main(%a: tensor<512xf32>, %b: tensor<512xf32>) -> tensor<512xf32> {
  %0 = nn.kernel "pow" ins(%a, %b : tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>, %y: tensor<512xf32>):
    %p = nn.pow %x, %y : tensor<512xf32>, tensor<512xf32> -> tensor<512xf32>
    nn.yield %p : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}

// -----

// A constant exponent with an exact form needs no scratch: x * x.
// CHECK-LABEL: func.func private @square(
// CHECK-COUNT-2: memref.alloc()
// CHECK-NOT: memref.alloc()
// CHECK: tile.vmul
// CHECK-NOT: tile.vexp
func.func @main(%a: tensor<512xf32>) -> tensor<512xf32> {
  %c = nn.constant dense<2.0> : tensor<f32>
  %0 = nn.kernel "square" ins(%a, %c : tensor<512xf32>, tensor<f32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>, %y: tensor<f32>):
    %p = nn.pow %x, %y : tensor<512xf32>, tensor<f32> -> tensor<512xf32>
    nn.yield %p : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}

// -----

// A broadcast base: its row is expanded into a full tile by a
// tile.vbcast_max of the row with itself before the pow sequence.
// CHECK-LABEL: func.func private @bpow(
// CHECK: tile.vdup 0.0
// CHECK: tile.vbcast_max %[[R:.*]], %[[R]], %[[X:.*]] : memref<1x8xf32, {{.*}}>, memref<1x8xf32, {{.*}}>, memref<4x8xf32, {{.*}}>
// CHECK: tile.vabs
// CHECK: tile.vln
// CHECK: tile.vexp
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = nn.kernel "bpow" ins(%a, %b : tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %y: tensor<8xf32>):
    %s = nn.pow %y, %x : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
    nn.yield %s : tensor<4x8xf32>
  }
  return %0 : tensor<4x8xf32>
}

// -----

// prelu with a per-row slope: the slope's values become blocks (vbrcb) and
// a full tile; then relu(x) + slope * min(x, 0).
// CHECK-LABEL: func.func private @prelu(
// CHECK: tile.vbrcb
// CHECK: tile.vbcast_max {{.*}} : memref<4x1xf32, {{.*}}>, memref<4x1xf32, {{.*}}>, memref<4x8xf32, {{.*}}>
// CHECK: tile.vmins {{.*}} 0.0
// CHECK: tile.vmul
// CHECK: tile.vrelu
// CHECK: tile.vadd
func.func @main(%a: tensor<4x8xf32>, %b: tensor<4x1xf32>) -> tensor<4x8xf32> {
  %0 = nn.kernel "prelu" ins(%a, %b : tensor<4x8xf32>, tensor<4x1xf32>) -> tensor<4x8xf32> {
  ^bb0(%x: tensor<4x8xf32>, %s: tensor<4x1xf32>):
    %p = nn.prelu %x, %s : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
    nn.yield %p : tensor<4x8xf32>
  }
  return %0 : tensor<4x8xf32>
}

// -----

// sin: n = round(x / pi) (1.5 * 2^23 added and subtracted), r = x - n * pi
// with pi in three parts, the sign (-1)^n onto r, then the odd Taylor
// polynomial of degree 11 in r.
// CHECK-LABEL: func.func private @sin(
// CHECK: tile.vmuls {{.*}} 0.31830
// CHECK-NEXT: tile.vadds {{.*}} 0x4168000000000000
// CHECK-NEXT: tile.vadds {{.*}} 0xC168000000000000
// CHECK-NEXT: tile.vmuls {{.*}} -3.140625
// CHECK-NEXT: tile.vadd
// CHECK-NEXT: tile.vmuls {{.*}} -9.67653
// CHECK-NEXT: tile.vadd
// CHECK-NEXT: tile.vmuls {{.*}} -5.12656
// CHECK-NEXT: tile.vadd
// CHECK: tile.vabs
// CHECK-NEXT: tile.vmuls {{.*}} -2.0
// CHECK-NEXT: tile.vadds {{.*}} 1.0
// CHECK-NEXT: tile.vmul %
// CHECK-NEXT: tile.vmul %
// CHECK-NEXT: tile.vmuls {{.*}} -2.50521
// CHECK: tile.vadds {{.*}} 1.0
// CHECK-NEXT: tile.vmul %
// CHECK-NEXT: memref.subview
// CHECK-NEXT: tile.copy
func.func @main(%a: tensor<512xf32>) -> tensor<512xf32> {
  %0 = nn.kernel "sin" ins(%a : tensor<512xf32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>):
    %s = nn.sin %x : tensor<512xf32>
    nn.yield %s : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}

// -----

// cos: the same with n = round(x / pi - 1/2) + 1/2 and the sign
// (-1)^(n + 1/2).
// CHECK-LABEL: func.func private @cos(
// CHECK: tile.vmuls {{.*}} 0.31830
// CHECK-NEXT: tile.vadds {{.*}} -5.000000e-01
// CHECK-NEXT: tile.vadds {{.*}} 0x4168000000000000
// CHECK-NEXT: tile.vadds {{.*}} 0xC168000000000000
// CHECK-NEXT: tile.vadds {{.*}} 5.000000e-01
// CHECK: tile.vadds {{.*}} 5.000000e-01
// CHECK-NEXT: tile.vmuls {{.*}} 5.000000e-01
func.func @main(%a: tensor<512xf32>) -> tensor<512xf32> {
  %0 = nn.kernel "cos" ins(%a : tensor<512xf32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>):
    %s = nn.cos %x : tensor<512xf32>
    nn.yield %s : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}

// -----

// sign: scaled by 2^75 twice (past +-1 unless zero), clamped; thresholded
// relu: x times the step of x - alpha. No scratch tiles.
// CHECK-LABEL: func.func private @steps(
// CHECK-COUNT-3: memref.alloc()
// CHECK-NOT: memref.alloc()
// CHECK: tile.vmuls %[[X:.*]], 3.7778931862957162E+22, %[[S:[^ ]*]]
// CHECK-NEXT: tile.vmuls %[[S]], 3.7778931862957162E+22, %[[S]]
// CHECK-NEXT: tile.vmaxs %[[S]], -1.0
// CHECK-NEXT: tile.vmins %[[S]], 1.0
// CHECK-NEXT: tile.vadds %[[S]], -5.000000e-01, %[[T:[^ ]*]]
// CHECK-NEXT: tile.vrelu %[[T]], %[[T]]
// CHECK-NEXT: tile.vmuls %[[T]], 3.7778931862957162E+22
// CHECK-NEXT: tile.vmuls %[[T]], 3.7778931862957162E+22
// CHECK-NEXT: tile.vmins %[[T]], 1.0
// CHECK-NEXT: tile.vmul %[[T]], %[[S]], %[[T]]
func.func @main(%a: tensor<512xf32>) -> tensor<512xf32> {
  %0 = nn.kernel "steps" ins(%a : tensor<512xf32>) -> tensor<512xf32> {
  ^bb0(%x: tensor<512xf32>):
    %s = nn.sign %x : tensor<512xf32>
    %t = nn.thresholded_relu %s {alpha = 5.000000e-01 : f32} : tensor<512xf32>
    nn.yield %t : tensor<512xf32>
  }
  return %0 : tensor<512xf32>
}
