// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Two dependent vector instructions with no barrier between them.
// CHECK: error: {{.*}}same-pipe hazard: kernel 'k' instruction #5 (isa.vmul) {{.*}} reads ub[256, 288), which kernel 'k' instruction #4 (isa.vadd) {{.*}} on the same pipe v wrote, with no barrier v in between

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<64xf32> at 512
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 256], ub[r0], ub[r0], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmul ub[r0 + 512], ub[r0 + 256], ub[r0], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 512], ub[r0 + 512], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
