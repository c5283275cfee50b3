// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 3 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// vbrcb reads 8 values per repeat: a copy of 3 values (12 bytes) leaves the
// rest of the 32-byte block unwritten (copy_pad pads only the row's block
// with zeros), so lowering fills such buffers first; here the second
// block of the 16 values is never written.
// CHECK: error: {{.*}}block 0: kernel 'k' instruction #4 (isa.vbrcb) {{.*}}: reads ub[32, 64), which nothing has written

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<3xf32> at 0
  isa.tensor "y" output tensor<16x8xf32> at 512
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy_pad ub[r0], gm[r0], nburst 1, len 12, src_stride 12, dst_stride 32
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vbrcb ub[r0 + 256], ub[r0], f32, repeat 2, blk[1], rep[8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 512], ub[r0 + 256], nburst 1, len 16, src_gap 0, dst_gap 0
  }
}
