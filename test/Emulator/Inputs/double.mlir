// y = x + x, for tests of ascend-run's command line and profile. By hand:
// li, li (2 cycles); copy in starts at 2, 256 B at 128 B/cycle = 2 cycles +
// 100 setup -> complete 104; set_flag at 3 sets at 104 + 1 = 105; wait_flag
// starts 105; vadd starts 106, 1 repeat + 8 latency -> complete 115;
// set_flag v sets at 116; wait_flag starts 116; copy out starts 117,
// 2 + 100 -> 219 cycles in all.
isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" output tensor<64xf32> at 512
  isa.kernel @double block_dim 1 {
    isa.li r0, 0
    isa.li r1, 512
    isa.copy ub[r0], gm[r0], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 256], ub[r0], ub[r0], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r1], ub[r0 + 256], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
