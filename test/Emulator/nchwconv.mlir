// vnchwconv (f16 16 x 16 and f32 8 x 8 transposes with row strides and
// repeats) and copy_pad (rows of 200 bytes at unaligned gm offsets, padded
// to 224 in ub with zeros) against numpy.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/z.npy 16x16 float16 --seed 1
// RUN: %npytool rand %t/w.npy 8x16 float32 --seed 2
// RUN: %npytool rand %t/x.npy 3x50 float32 --seed 3
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-translate --plan-to-isa %t/p.plan | FileCheck %s --check-prefix=RT
// RUN: ascend-run %t/p.plan --input z=%t/z.npy --input w=%t/w.npy --input x=%t/x.npy --output-dir %t --profile 2>&1 | FileCheck %s
// RUN: %npytool check %t/zt.npy "z.T" z=%t/z.npy --exact
// RUN: %npytool check %t/wt.npy "w.T" w=%t/w.npy --exact
// RUN: %npytool check %t/y.npy "x" x=%t/x.npy --exact
// RUN: %npytool check %t/p.npy "np.pad(x, ((0, 0), (0, 6)))" x=%t/x.npy --exact

// The plan file round trip keeps both new instructions.
// RT: isa.copy_pad ub[r0 + 2048], gm[r0 + 1024], nburst 3, len 200, src_stride 200, dst_stride 224
// RT: isa.vnchwconv ub[r0 + 512], ub[r0], f16, repeat 1, stride[1, 1], rep[0, 0]
// RT: isa.vnchwconv ub[r0 + 1536], ub[r0 + 1024], f32, repeat 2, stride[1, 2], rep[8, 1]
// RT: isa.copy_pad gm[r0 + 2688], ub[r0 + 2048], nburst 3, len 200, src_stride 224, dst_stride 200

// copy_pad moves the padded ub side: 3 x 224 bytes in, and out again with
// the plain copy of the same 672 bytes.
// CHECK: bytes moved: gm->ub 1696 ub->gm 2368

isa.plan "ascend910" gm_size 4096 {
  isa.tensor "z" input tensor<16x16xf16> at 0
  isa.tensor "w" input tensor<8x16xf32> at 512
  isa.tensor "x" input tensor<3x50xf32> at 1024
  isa.tensor "zt" output tensor<16x16xf16> at 1664
  isa.tensor "wt" output tensor<16x8xf32> at 2176
  isa.tensor "y" output tensor<3x50xf32> at 2688
  isa.tensor "p" output tensor<3x56xf32> at 3296
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.copy ub[r0 + 1024], gm[r0 + 512], nburst 1, len 16, src_gap 0, dst_gap 0
    // Rows 200 bytes apart in gm, 224 in ub (bytes 200..223 of each zeroed).
    isa.copy_pad ub[r0 + 2048], gm[r0 + 1024], nburst 3, len 200, src_stride 200, dst_stride 224
    isa.set_flag mte2 -> v, 0
    isa.set_flag mte2 -> mte3, 0
    isa.wait_flag mte2 -> v, 0
    // 16 f16 rows of one block each -> their transpose.
    isa.vnchwconv ub[r0 + 512], ub[r0], f16, repeat 1, stride[1, 1], rep[0, 0]
    // w's 8 rows are 2 blocks (64 bytes) apart; repeat r takes their r-th
    // block and writes output rows 8r..8r+7.
    isa.vnchwconv ub[r0 + 1536], ub[r0 + 1024], f32, repeat 2, stride[1, 2], rep[8, 1]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 1664], ub[r0 + 512], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.copy gm[r0 + 2176], ub[r0 + 1536], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.wait_flag mte2 -> mte3, 0
    isa.copy_pad gm[r0 + 2688], ub[r0 + 2048], nburst 3, len 200, src_stride 224, dst_stride 200
    isa.copy gm[r0 + 3296], ub[r0 + 2048], nburst 1, len 21, src_gap 0, dst_gap 0
  }
}
