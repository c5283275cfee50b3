// Four blocks each double their 64-element slice, walking it with a counted
// loop of 16-element steps; registers compute the addresses from the block
// index. Results must not depend on the number of host threads.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 4x64 float32 --seed 3
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t/one --threads 1 --profile-json %t/one.json
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --output-dir %t/two --threads 2 --profile-json %t/two.json
// RUN: %npytool check %t/one/y.npy "(x * 2 + 1).astype(np.float32)" x=%t/x.npy --exact
// RUN: cmp %t/one/y.npy %t/two/y.npy
// RUN: cmp %t/one.json %t/two.json
// RUN: FileCheck %s < %t/one.json

// CHECK: "block_dim": 4
// CHECK: "instructions":
// CHECK: "name": "double_slices"

isa.plan "ascend910" gm_size 4096 {
  isa.tensor "x" input tensor<4x64xf32> at 0
  isa.tensor "y" output tensor<4x64xf32> at 1024
  isa.kernel @double_slices block_dim 4 {
    isa.get_block_idx r0
    isa.get_block_num r9
    isa.li r1, 256
    isa.smul r2, r0, r1          // r2 = block * 256 bytes
    isa.li r3, 1024
    isa.sadd r3, r3, r2          // output slice
    isa.li r4, 0                 // ub offset
    isa.li r5, 4                 // 4 steps of 16 floats
    isa.li r6, 2
    isa.ssub r7, r6, r6          // r7 = 0
    isa.smax r8, r7, r6          // r8 = 2
    isa.smin r8, r8, r6
    isa.sdiv r8, r8, r6          // r8 = 1
    isa.loop r5 {
      isa.copy ub[r4], gm[r2], nburst 1, len 2, src_gap 0, dst_gap 0
      isa.set_flag mte2 -> v, 0
      isa.wait_flag mte2 -> v, 0
      isa.vmuls ub[r4 + 64], ub[r4], 2.0, f32, repeat 1, mask 16, blk[1, 1], rep[8, 8]
      isa.barrier v
      isa.vadds ub[r4 + 64], ub[r4 + 64], 1.0, f32, repeat 1, mask 16, blk[1, 1], rep[8, 8]
      isa.set_flag v -> mte3, 0
      isa.wait_flag v -> mte3, 0
      isa.copy gm[r3], ub[r4 + 64], nburst 1, len 2, src_gap 0, dst_gap 0
      // The next iteration's set_flag mte2 -> v must not find the flag still
      // set: wait until this iteration drained.
      isa.set_flag mte3 -> mte2, 0
      isa.wait_flag mte3 -> mte2, 0
      isa.saddi r2, r2, 64
      isa.saddi r3, r3, 64
      isa.smuli r10, r8, 128
      isa.sadd r4, r4, r10       // next ub slot
    }
  }
}
