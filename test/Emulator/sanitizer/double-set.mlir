// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// A flag set twice before anyone waited on it.
// CHECK: error: {{.*}}kernel 'k' instruction #2 (isa.set_flag) {{.*}}: sets a flag that is already set by kernel 'k' instruction #1 (isa.set_flag)

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.set_flag mte2 -> v, 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
  }
}
