// vbrcb and copy_pad against numpy: rows of 5 f32 (20 bytes, not whole
// blocks) come into 32-byte ub rows, each row's sum goes through vbrcb into
// a block that a vsub re-reads with a block stride of 0 (x - rowsum), and
// the rows go back byte-exact, so y's bytes past row 2 stay untouched.
// Block 1 does the same for f16 rows of 3 with an odd gm offset.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 3x5 float32 --seed 1
// RUN: %npytool rand %t/h.npy 4x3 float16 --seed 2
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --input h=%t/h.npy --output-dir %t --profile 2>&1 | FileCheck %s
// RUN: %npytool check %t/y.npy "x - x.sum(1, keepdims=True)" x=%t/x.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/b.npy "np.repeat(x.sum(1), 8).reshape(3, 8)" x=%t/x.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/g.npy "np.concatenate([h[1:] * 2, h[1:] * 2]).astype(np.float16)" h=%t/h.npy --exact

// Padded copies move (and cost) whole 32-byte blocks per row, as the ub
// side does: 3 x 32 + 3 x 32 in, 3 x 32 + 96 (the plain copy of b) +
// 2 x 3 x 32 out.
// CHECK: rows 1
// CHECK: half 1
// CHECK: bytes moved: gm->ub 192 ub->gm 384

isa.plan "ascend910" gm_size 8192 {
  isa.tensor "x" input tensor<3x5xf32> at 0
  isa.tensor "h" input tensor<4x3xf16> at 64
  isa.tensor "y" output tensor<3x5xf32> at 1024
  isa.tensor "b" output tensor<3x8xf32> at 2048
  isa.tensor "g" output tensor<6x3xf16> at 4096
  isa.kernel @rows block_dim 1 {
    isa.li r0, 0
    isa.li r1, 1024
    // Three 20-byte rows into ub rows 32 bytes apart; pads are zero.
    isa.copy_pad ub[r0], gm[r0], nburst 3, len 20, src_stride 20, dst_stride 32
    isa.vdup ub[r0 + 256], 0.0, f32, repeat 1, mask 8, blk[1], rep[8]
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.barrier v
    isa.vcadd ub[r0 + 256], ub[r0], f32, repeat 3, mask 5, blk[1], rep[1]
    isa.barrier v
    isa.vbrcb ub[r0 + 512], ub[r0 + 256], f32, repeat 1, blk[1], rep[8]
    isa.barrier v
    // Lane e of row i reads block i lane e: blk 0 for the block operand.
    isa.vsub ub[r0 + 1024], ub[r0], ub[r0 + 512], f32, repeat 3, mask 5, blk[1, 1, 0], rep[1, 1, 1]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy_pad gm[r1], ub[r0 + 1024], nburst 3, len 20, src_stride 32, dst_stride 20
    isa.copy gm[r1 + 1024], ub[r0 + 512], nburst 1, len 3, src_gap 0, dst_gap 0
  }
  isa.kernel @half block_dim 1 {
    isa.li r0, 0
    isa.li r1, 4096
    // Rows 1..3 of h (6 bytes each, from byte 70), ub rows one block apart.
    isa.copy_pad ub[r0], gm[r0 + 70], nburst 3, len 6, src_stride 6, dst_stride 32
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 256], ub[r0], ub[r0], f16, repeat 3, mask 3, blk[1, 1, 1], rep[1, 1, 1]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    // Twice, the second time as 3 rows 18 bytes further on: both write
    // gm[4096, 4128), so the second waits for the first.
    isa.copy_pad gm[r1], ub[r0 + 256], nburst 3, len 6, src_stride 32, dst_stride 6
    isa.barrier mte3
    isa.copy_pad gm[r1 + 18], ub[r0 + 256], nburst 3, len 6, src_stride 32, dst_stride 6
  }
}
