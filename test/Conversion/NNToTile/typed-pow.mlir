// RUN: ascend-opt %s -ascend-lower-nn-to-tile -split-input-file -verify-diagnostics | FileCheck %s

// Integer pow: p = x, r = 1; for each of the 31 bits below the sign:
// vdup 2^i, vand with y (non-zero where the bit is set), r*p, vsel, and
// p*p except after the last bit.
// CHECK-LABEL: func.func private @pow
// CHECK: tile.vadds %[[X:[^,]*]], 0.000000e+00, %[[P:[^ ]*]] :
// CHECK-NEXT: tile.vdup 1.000000e+00, %[[R:[^ ]*]] :
// CHECK-NEXT: tile.vdup 1.000000e+00, %[[BIT:[^ ]*]] :
// CHECK-NEXT: tile.vand %[[Y:[^,]*]], %[[BIT]], %[[BIT]] :
// CHECK-NEXT: tile.vmul %[[R]], %[[P]], %[[PROD:[^ ]*]] :
// CHECK-NEXT: tile.vsel %[[BIT]], %[[PROD]], %[[R]], %[[R]] :
// CHECK-NEXT: tile.vmul %[[P]], %[[P]], %[[P]] :
// CHECK-NEXT: tile.vdup 2.000000e+00, %[[BIT]] :
// CHECK-COUNT-29: tile.vsel
// CHECK: tile.vdup 0x41D0000000000000, %[[BIT]] :
// CHECK-NEXT: tile.vand %[[Y]], %[[BIT]], %[[BIT]] :
// CHECK-NEXT: tile.vmul %[[R]], %[[P]], %[[PROD]] :
// CHECK-NEXT: tile.vsel %[[BIT]], %[[PROD]], %[[R]], %[[R]] :
// CHECK-NOT: tile.v
// CHECK: tile.copy
func.func @main(%a: tensor<100xi32>, %b: tensor<100xi32>) -> tensor<100xi32> {
  %0 = nn.kernel "pow" ins(%a, %b : tensor<100xi32>, tensor<100xi32>) -> tensor<100xi32> {
  ^bb0(%x: tensor<100xi32>, %y: tensor<100xi32>):
    %p = nn.pow %x, %y : tensor<100xi32>, tensor<100xi32> -> tensor<100xi32>
    nn.yield %p : tensor<100xi32>
  }
  return %0 : tensor<100xi32>
}

// -----

func.func @main(%a: tensor<64xi8>, %b: tensor<64xi8>) -> tensor<64xi8> {
  %0 = nn.kernel "pow8" ins(%a, %b : tensor<64xi8>, tensor<64xi8>) -> tensor<64xi8> {
  ^bb0(%x: tensor<64xi8>, %y: tensor<64xi8>):
    // expected-error @+1 {{cannot lower nn.pow to vector instructions: integer pow needs a 16/32-bit base and an exponent of its lanes, not 'i8' and 'i8'}}
    %p = nn.pow %x, %y : tensor<64xi8>, tensor<64xi8> -> tensor<64xi8>
    nn.yield %p : tensor<64xi8>
  }
  return %0 : tensor<64xi8>
}

