// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Both blocks write the same output bytes.
// CHECK: error: {{.*}}race between blocks of kernel 'k': block 0 writes gm[512, 768) and block 1 writes gm[512, 768); blocks run concurrently

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<64xf32> at 512
  isa.kernel @k block_dim 2 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> mte3, 0
    isa.copy gm[r0 + 512], ub[r0], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
