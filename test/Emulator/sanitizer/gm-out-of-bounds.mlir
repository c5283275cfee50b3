// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Writes past the end of global memory.
// CHECK: error: {{.*}}kernel 'k' instruction #4 (isa.copy) {{.*}}: writes gm[1000, 1256) is outside the 1024-byte global memory

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> mte3, 0
    isa.copy gm[r0 + 1000], ub[r0], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
