// Two blocks write neighbouring, unaligned byte ranges of one 32-byte
// granule: gm[1040, 1072) and gm[1072, 1104). Both writes must survive the
// commit of the blocks' private views (block 1 must not carry stale bytes
// of block 0's range). A second kernel copies two bursts to an unaligned
// address: both touch granule 33 of y2, which is not a hazard of the
// instruction against itself.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 5
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t
// RUN: %npytool check %t/y.npy "np.concatenate([np.zeros(4), x[:16], np.zeros(12)])" x=%t/x.npy --exact
// RUN: %npytool check %t/y2.npy "np.concatenate([np.zeros(4), x[:16], np.zeros(12)])" x=%t/x.npy --exact

isa.plan "ascend910" gm_size 2048 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<32xf32> at 1024
  isa.tensor "y2" output tensor<32xf32> at 1536
  isa.kernel @halves block_dim 2 {
    isa.get_block_idx r0
    isa.smuli r1, r0, 32         // block b moves bytes [32b, 32b + 32)
    isa.li r2, 0
    isa.copy ub[r2], gm[r1], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> mte3, 0
    isa.saddi r3, r1, 1040       // 16 bytes into y
    isa.copy gm[r3], ub[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  }
  isa.kernel @bursts block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 2, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> mte3, 0
    isa.li r1, 1552
    isa.copy gm[r1], ub[r0], nburst 2, len 1, src_gap 0, dst_gap 0
  }
}
