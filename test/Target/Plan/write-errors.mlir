// --isa-to-plan takes exactly one verified isa.plan and refuses what the
// format cannot hold.
// RUN: not ascend-translate --isa-to-plan %s -split-input-file -o /dev/null 2>&1 | FileCheck %s

// CHECK: error: expected exactly one isa.plan in the input, found 0
func.func @f() {
  return
}

// -----

// CHECK: error: expected exactly one isa.plan in the input, found 2
isa.plan "ascend910" gm_size 64 {
}
isa.plan "ascend910" gm_size 64 {
}

// -----

isa.plan "ascend910" gm_size 64 {
  isa.kernel @k block_dim 1 {
    // CHECK: error: cannot encode attribute 'note' ([1, 2]): no plan-file encoding for this kind of attribute
    isa.barrier v {note = [1, 2]}
  }
}

// -----

isa.plan "ascend910" gm_size 64 {
  // CHECK: error: cannot encode attribute 'extra' in a plan file: only instructions carry extra attributes
  isa.tensor "x" input tensor<4xf32> at 0 {extra}
}

// -----

isa.plan "ascend910" gm_size 64 {
  isa.kernel @k block_dim 1 {
    // CHECK: error: cannot encode attribute 'scale' (1.000000e+00 : f128): float type has no type code
    isa.barrier v {scale = 1.0 : f128}
  }
}
