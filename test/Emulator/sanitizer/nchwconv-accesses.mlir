// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 3x50 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// vnchwconv reads its K rows where the strides put them: copy_pad wrote rows
// 0..2 (padded to 224 bytes each), so f32 row 3 at 3 * 7 blocks is unwritten.
// CHECK: error: {{.*}}block 0: kernel 'k' instruction #4 (isa.vnchwconv) {{.*}}: reads ub[672, 704), which nothing has written

isa.plan "ascend910" gm_size 2048 {
  isa.tensor "x" input tensor<3x50xf32> at 0
  isa.tensor "y" output tensor<8x8xf32> at 1024
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy_pad ub[r0], gm[r0], nburst 3, len 200, src_stride 200, dst_stride 224
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vnchwconv ub[r0 + 4096], ub[r0], f32, repeat 1, stride[1, 7], rep[8, 1]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 1024], ub[r0 + 4096], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
