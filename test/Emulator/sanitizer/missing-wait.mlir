// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// A deliberately missing wait_flag: the vector add reads what MTE2 copies
// in with nothing ordering the two.
// CHECK: error: {{.*}}block 0: race: kernel 'k' instruction #3 (isa.vadd) at loc({{.*}}missing-wait.mlir":15:5) on pipe v reads ub[0, 32), which kernel 'k' instruction #1 (isa.copy) at loc({{.*}}missing-wait.mlir":13:5) on pipe mte2 wrote with no set_flag/wait_flag ordering them

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<64xf32> at 512
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.vadd ub[r0 + 256], ub[r0], ub[r0], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.wait_flag mte2 -> v, 0
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 512], ub[r0 + 256], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
