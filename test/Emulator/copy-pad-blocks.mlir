// Two blocks write neighbouring 20-byte rows with copy_pad: block b writes
// y[b], bytes [20b, 20b + 20), so both write the 32-byte granule [0, 32) of
// y. Byte-exact writes do not race across blocks, and both rows survive.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 2x5 float32 --seed 5
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t
// RUN: %npytool check %t/y.npy "x * 2" x=%t/x.npy --exact

isa.plan "ascend910" gm_size 2048 {
  isa.tensor "x" input tensor<2x5xf32> at 0
  isa.tensor "y" output tensor<2x5xf32> at 1024
  isa.kernel @rows block_dim 2 {
    isa.get_block_idx r1
    isa.smuli r2, r1, 20
    isa.li r0, 0
    isa.copy_pad ub[r0], gm[r2], nburst 1, len 20, src_stride 20, dst_stride 32
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 32], ub[r0], ub[r0], f32, repeat 1, mask 5, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy_pad gm[r2 + 1024], ub[r0 + 32], nburst 1, len 20, src_stride 32, dst_stride 20
  }
}
