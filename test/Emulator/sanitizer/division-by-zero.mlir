// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Division by zero in the scalar unit.
// CHECK: error: {{.*}}kernel 'k' instruction #2 (isa.sdiv) {{.*}}: division by zero or overflow

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.li r1, 7
    isa.sdiv r2, r1, r0
  }
}
