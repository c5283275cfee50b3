// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Reads UB bytes nothing wrote.
// CHECK: error: {{.*}}block 0: kernel 'k' instruction #4 (isa.vadd) {{.*}}: reads ub[1024, 1056), which nothing has written

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<64xf32> at 512
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 256], ub[r0], ub[r0 + 1024], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 512], ub[r0 + 256], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
