// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 16 float32 --seed 1
// RUN: %npytool eval %t/o.npy int32 "np.array([0, 4, 60, 64] + [0] * 60)"
// RUN: not ascend-run %s --input x=%t/x.npy --input o=%t/o.npy --output-dir %t 2>&1 | FileCheck %s
// Lane 3 reads byte 64 of a 64-byte source: the gather fails at run time,
// naming the instruction.
// CHECK: error: {{.*}}kernel 'k' instruction #5 (isa.vgather) {{.*}}: lane 3 of repeat 0 reads byte offset 64, outside the 64-byte source ub[0, 64) or not a multiple of 4

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<16xf32> at 0
  isa.tensor "o" input tensor<64xi32> at 64
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 2, src_gap 0, dst_gap 0
    isa.copy ub[r0 + 256], gm[r0 + 64], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vgather ub[r0 + 512], ub[r0], ub[r0 + 256], f32, src_bytes 64, repeat 1, mask 64, rep[8]
  }
}
