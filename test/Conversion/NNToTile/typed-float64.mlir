// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics | FileCheck %s

// f64 sits in i64 buffers; Max maps both operands to order keys (x < 0:
// ~x + (-2^63), else x), takes the s64 max, maps the result back and puts
// NaN operands back in. No f64 vector instruction.
// CHECK-LABEL: func.func private @fmax
// CHECK-NOT: xf64{{(, strided<[^>]*>)?}}, #tile.space<ub>
// CHECK: tile.copy %{{.*}} : memref<{{.*}}xf64, {{.*}}#tile.space<gm>> to memref<{{.*}}xi64, {{.*}}#tile.space<ub>>
// CHECK: tile.copy %{{.*}} : memref<{{.*}}xf64, {{.*}}#tile.space<gm>> to memref<{{.*}}xi64, {{.*}}#tile.space<ub>>
// CHECK: tile.vdup 0.000000e+00, %[[F:[^ ]*]] :
// CHECK: tile.vcmp lt %[[X:[^,]*]], %[[F]], %[[F]] :
// CHECK: tile.vnot %[[X]], %[[N:[^ ]*]] :
// CHECK: tile.vadds %[[N]], -9.2233720368547758E+18, %[[N]] :
// CHECK: tile.vsel %[[F]], %[[N]], %[[X]], %[[KA:[^ ]*]] :
// CHECK: tile.vsel %[[F]], %{{.*}}, %[[Y:[^,]*]], %[[KB:[^ ]*]] :
// CHECK: tile.vmax %[[KA]], %[[KB]], %[[KA]] : memref<{{.*}}xi64
// CHECK: tile.vcmp lt %[[KA]], %[[F]], %[[F]] :
// CHECK: tile.vnot %[[KA]], %[[KB]] :
// CHECK: tile.vadds %[[KB]]
// CHECK: tile.vsel %[[F]], %[[KB]], %[[KA]], %[[R:[^ ]*]] :
// NaN propagates: the second operand's NaNs first, then the first's.
// CHECK: tile.vdup -9.2233720368547758E+18, %[[M:[^ ]*]] :
// CHECK: tile.vnot %[[M]], %[[M]] :
// CHECK: tile.vdup 9.2188684372274053E+18, %[[INF:[^ ]*]] :
// CHECK: tile.vand %[[Y]], %[[M]], %[[F]] :
// CHECK: tile.vcmp gt %[[F]], %[[INF]], %[[F]] :
// CHECK: tile.vsel %[[F]], %[[Y]], %[[R]], %[[R]] :
// CHECK: tile.vand %[[X]], %[[M]], %[[F]] :
// CHECK: tile.vcmp gt %[[F]], %[[INF]], %[[F]] :
// CHECK: tile.vsel %[[F]], %[[X]], %[[R]], %[[R]] :
// CHECK-NOT: tile.v
// CHECK: tile.copy %{{.*}} : memref<{{.*}}xi64, {{.*}}#tile.space<ub>> to memref<{{.*}}xf64, {{.*}}#tile.space<gm>>
func.func @main(%a: tensor<100xf64>, %b: tensor<100xf64>) -> tensor<100xf64> {
  %0 = nn.kernel "fmax" ins(%a, %b : tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64> {
  ^bb0(%x: tensor<100xf64>, %y: tensor<100xf64>):
    %m = nn.max %x, %y : tensor<100xf64>, tensor<100xf64> -> tensor<100xf64>
    nn.yield %m : tensor<100xf64>
  }
  return %0 : tensor<100xf64>
}

// -----

// Min the same way, with vmin.
// CHECK-LABEL: func.func private @fmin
// CHECK: tile.vmin %{{.*}} : memref<{{.*}}xi64
func.func @main(%a: tensor<100xf64>, %b: tensor<100xf64>) -> tensor<100xf64> {
  %0 = nn.kernel "fmin" ins(%a, %b : tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64> {
  ^bb0(%x: tensor<100xf64>, %y: tensor<100xf64>):
    %m = nn.min %x, %y : tensor<100xf64>, tensor<100xf64> -> tensor<100xf64>
    nn.yield %m : tensor<100xf64>
  }
  return %0 : tensor<100xf64>
}

// -----

// Other ops on f64 fail verification (the importer rejects them first).
func.func @main(%a: tensor<100xf64>) -> tensor<100xf64> {
  // expected-error @+1 {{'nn.add' op operand #0 must be statically shaped tensor}}
  %0 = nn.add %a, %a : tensor<100xf64>, tensor<100xf64> -> tensor<100xf64>
  return %0 : tensor<100xf64>
}
