// Strided bursts: gather every other row of x into UB, bounce through L1 and
// back to UB, and scatter to y with gaps.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 8x16 float16 --seed 1
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t
// RUN: %npytool check %t/y.npy "np.concatenate([x[0::2], np.zeros((4, 16))], 1)" x=%t/x.npy --exact

isa.plan "ascend910" gm_size 4096 {
  isa.tensor "x" input tensor<8x16xf16> at 0
  isa.tensor "y" output tensor<4x32xf16> at 1024
  isa.kernel @gather block_dim 1 {
    isa.li r0, 0
    isa.li r1, 1024
    // Rows 0, 2, 4, 6 (one 32-byte block each, skipping one block).
    isa.copy ub[r0], gm[r0], nburst 4, len 1, src_gap 1, dst_gap 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> mte3, 0
    isa.copy l1[r0 + 1024], ub[r0], nburst 4, len 1, src_gap 0, dst_gap 0
    isa.vdup ub[r0 + 256], 0.0, f16, repeat 1, mask 64, blk[1], rep[8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    // y rows: [x row | zeros]; write zeros first then the rows over them.
    isa.copy gm[r1 + 32], ub[r0 + 256], nburst 4, len 1, src_gap 0, dst_gap 1
    isa.copy gm[r1], ub[r0], nburst 4, len 1, src_gap 0, dst_gap 1
  }
}
