// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// A register holds an address that is not 32-byte aligned.
// CHECK: error: {{.*}}kernel 'k' instruction #2 (isa.copy) {{.*}}: address 16 in ub is not 32-byte aligned

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.li r1, 16
    isa.copy ub[r1], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
