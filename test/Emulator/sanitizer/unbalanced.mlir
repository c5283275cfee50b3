// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// The kernel ends with a flag set and never waited on.
// CHECK: error: {{.*}}unbalanced flags: the kernel ends with flag mte2 -> v, event 2 set by kernel 'k' instruction #2 (isa.set_flag)

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 2
  }
}
