// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics | FileCheck %s

// i32 -> i64 sign-extends and i64 -> i32 keeps the low bits: one vconv each
// (s64 lanes have vconv pairs with s32).
// CHECK-LABEL: func.func private @widen
// CHECK: tile.vconv %{{.*}}, %{{.*}} : memref<{{.*}}xi32{{.*}}> to memref<{{.*}}xi64
// CHECK-NOT: tile.v
// CHECK: tile.copy
// CHECK-LABEL: func.func private @narrow
// CHECK: tile.vconv %{{.*}}, %{{.*}} : memref<{{.*}}xi64{{.*}}> to memref<{{.*}}xi32
// CHECK-NOT: tile.v
// CHECK: tile.copy
func.func @main(%a: tensor<100xi32>) -> tensor<100xi32> {
  %0 = nn.kernel "widen" ins(%a : tensor<100xi32>) -> tensor<100xi64> {
  ^bb0(%x: tensor<100xi32>):
    %c = nn.cast %x : tensor<100xi32> -> tensor<100xi64>
    nn.yield %c : tensor<100xi64>
  }
  %1 = nn.kernel "narrow" ins(%0 : tensor<100xi64>) -> tensor<100xi32> {
  ^bb0(%x: tensor<100xi64>):
    %c = nn.cast %x : tensor<100xi64> -> tensor<100xi32>
    nn.yield %c : tensor<100xi32>
  }
  return %1 : tensor<100xi32>
}

// -----

// ui32 sits in an i32 buffer: sign-extend, then clear the high half.
// CHECK-LABEL: func.func private @zext
// CHECK: tile.vconv %[[U:[^,]*]], %[[D:[^ ]*]] : memref<{{.*}}xi32{{.*}}> to memref<{{.*}}xi64
// CHECK: tile.vdup 0x41EFFFFFFFE00000, %[[M:[^ ]*]] :
// CHECK: tile.vand %[[D]], %[[M]], %[[D]] :
func.func @main(%a: tensor<100xui32>) -> tensor<100xi64> {
  %0 = nn.kernel "zext" ins(%a : tensor<100xui32>) -> tensor<100xi64> {
  ^bb0(%x: tensor<100xui32>):
    %c = nn.cast %x : tensor<100xui32> -> tensor<100xi64>
    nn.yield %c : tensor<100xi64>
  }
  return %0 : tensor<100xi64>
}

// -----

// ui64 has u64 lanes: Max needs no bias (unlike ui16/ui32).
// CHECK-LABEL: func.func private @umax
// CHECK-NOT: tile.vadds
// CHECK: tile.vmax {{.*}} : memref<{{.*}}xui64
// CHECK-NOT: tile.v
// CHECK: tile.copy
func.func @main(%a: tensor<100xui64>, %b: tensor<100xui64>) -> tensor<100xui64> {
  %0 = nn.kernel "umax" ins(%a, %b : tensor<100xui64>, tensor<100xui64>) -> tensor<100xui64> {
  ^bb0(%x: tensor<100xui64>, %y: tensor<100xui64>):
    %m = nn.max %x, %y : tensor<100xui64>, tensor<100xui64> -> tensor<100xui64>
    nn.yield %m : tensor<100xui64>
  }
  return %0 : tensor<100xui64>
}

// -----

// 1 / 0 in s64 lanes reach the bool bytes through s32 and f16.
// CHECK-LABEL: func.func private @less
// CHECK: tile.vcmp lt %{{.*}}, %{{.*}}, %[[F:[^ ]*]] : memref<{{.*}}xi64
// CHECK: tile.vconv %[[F]], %[[S:[^ ]*]] : memref<{{.*}}xi64{{.*}}> to memref<{{.*}}xi32
// CHECK: tile.vconv %[[S]], %[[H:[^ ]*]] : memref<{{.*}}xi32{{.*}}> to memref<{{.*}}xf16
// CHECK: tile.vconv %[[H]], %{{.*}} round rint : memref<{{.*}}xf16{{.*}}> to memref<{{.*}}xi1
func.func @main(%a: tensor<100xi64>, %b: tensor<100xi64>) -> tensor<100xi1> {
  %0 = nn.kernel "less" ins(%a, %b : tensor<100xi64>, tensor<100xi64>) -> tensor<100xi1> {
  ^bb0(%x: tensor<100xi64>, %y: tensor<100xi64>):
    %l = nn.less %x, %y : tensor<100xi64>, tensor<100xi64> -> tensor<100xi1>
    nn.yield %l : tensor<100xi1>
  }
  return %0 : tensor<100xi1>
}

// -----

func.func @main(%a: tensor<64xi64>, %b: tensor<64xi64>) -> tensor<64xi64> {
  %0 = nn.kernel "div" ins(%a, %b : tensor<64xi64>, tensor<64xi64>) -> tensor<64xi64> {
  ^bb0(%x: tensor<64xi64>, %y: tensor<64xi64>):
    // expected-error @+1 {{cannot lower nn.div to vector instructions: integer division of 'i64' has no exact vector form (only 8-bit integers)}}
    %q = nn.div %x, %y : tensor<64xi64>, tensor<64xi64> -> tensor<64xi64>
    nn.yield %q : tensor<64xi64>
  }
  return %0 : tensor<64xi64>
}

// -----

func.func @main(%a: tensor<64xi64>) -> tensor<64xi8> {
  %0 = nn.kernel "cast8" ins(%a : tensor<64xi64>) -> tensor<64xi8> {
  ^bb0(%x: tensor<64xi64>):
    // expected-error @+1 {{cannot lower nn.cast to vector instructions: casting 'i64' to 'i8' has no exact vector form yet}}
    %c = nn.cast %x : tensor<64xi64> -> tensor<64xi8>
    nn.yield %c : tensor<64xi8>
  }
  return %0 : tensor<64xi8>
}
