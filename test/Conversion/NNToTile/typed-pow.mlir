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

// -----

// uint32 -> f32: hi = u & 0xFFFF0000, lo = u & 0xFFFF, both exact in f32;
// hi gets 2^32 back where negative as s32; one rounding in hi + lo.
// CHECK-LABEL: func.func private @cast
// CHECK: tile.vdup -6.553600e+04, %[[M:[^ ]*]] :
// CHECK-NEXT: tile.vand %[[U:[^,]*]], %[[M]], %[[HI:[^ ]*]] :
// CHECK-NEXT: tile.vdup 6.553500e+04, %[[M]] :
// CHECK-NEXT: tile.vand %[[U]], %[[M]], %[[LO:[^ ]*]] :
// CHECK: tile.vconv %[[HI]], %[[HIF:[^ ]*]] :
// CHECK-NEXT: tile.vconv %[[LO]], %[[LOF:[^ ]*]] :
// CHECK-NEXT: tile.vdup 0.000000e+00, %[[W:[^ ]*]] :
// CHECK-NEXT: tile.vcmp lt %[[HIF]], %[[W]], %[[W]] :
// CHECK-NEXT: tile.vmuls %[[W]], 0x41F0000000000000, %[[W]] :
// CHECK-NEXT: tile.vadd %[[HIF]], %[[W]], %[[HIF]] :
// CHECK-NEXT: tile.vadd %[[HIF]], %[[LOF]], %{{[^ ]*}} :
func.func @main(%a: tensor<100xui32>) -> tensor<100xf32> {
  %0 = nn.kernel "cast" ins(%a : tensor<100xui32>) -> tensor<100xf32> {
  ^bb0(%x: tensor<100xui32>):
    %c = nn.cast %x : tensor<100xui32> -> tensor<100xf32>
    nn.yield %c : tensor<100xf32>
  }
  return %0 : tensor<100xf32>
}
