// Every vector instruction against numpy. Inputs: x in [-1, 1), y in
// [0.5, 2) (for ln, sqrt, reciprocals), z a 16 x 16 f16 block.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: %npytool rand %t/y.npy 64 float32 --seed 2 --low 0.5 --high 2
// RUN: %npytool rand %t/z.npy 16x16 float16 --seed 3
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --input y=%t/y.npy --input z=%t/z.npy --output-dir %t
// RUN: %npytool check %t/sel.npy "np.where(x < y, x, y)" x=%t/x.npy y=%t/y.npy --exact
// RUN: %npytool check %t/masked.npy "np.concatenate([(x + y)[:40], np.zeros(24)]).astype(np.float32)" x=%t/x.npy y=%t/y.npy --exact
// RUN: %npytool check %t/halfadd.npy "x.astype(np.float16) * 2" x=%t/x.npy --exact
// RUN: %npytool check %t/add.npy "x + y" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/sub.npy "x - y" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/mul.npy "x * y" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/div.npy "x / y" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/max.npy "np.maximum(x, y)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/min.npy "np.minimum(x, y)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/adds.npy "x + 0.5" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/muls.npy "x * -2" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/maxs.npy "np.maximum(x, 0.25)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/mins.npy "np.minimum(x, 0.25)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/exp.npy "np.exp(x)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/ln.npy "np.log(y)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/abs.npy "np.abs(x)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/relu.npy "np.maximum(x, 0)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/sqrt.npy "np.sqrt(y)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/rec.npy "1 / y" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/rsqrt.npy "1 / np.sqrt(y)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/cmp.npy "(x < y) * 1.0" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/dup.npy "np.full(64, 1.25)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/cadd.npy "x.reshape(8, 8).sum(1)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/cmax.npy "x.reshape(8, 8).max(1)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/cmin.npy "x.reshape(8, 8).min(1)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/strided.npy "x.reshape(8, 8)[0::2].reshape(32) * y[:32]" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-6 --atol 1e-6
// RUN: %npytool check %t/tohalf.npy "x.astype(np.float16)" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-3 --atol 1e-3
// RUN: %npytool check %t/trans.npy "z.T" x=%t/x.npy y=%t/y.npy z=%t/z.npy --rtol 1e-3 --atol 1e-3

isa.plan "ascend910" gm_size 12288 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.tensor "y" input tensor<64xf32> at 256
  isa.tensor "z" input tensor<16x16xf16> at 512
  isa.tensor "add" output tensor<64xf32> at 2048
  isa.tensor "sub" output tensor<64xf32> at 2304
  isa.tensor "mul" output tensor<64xf32> at 2560
  isa.tensor "div" output tensor<64xf32> at 2816
  isa.tensor "max" output tensor<64xf32> at 3072
  isa.tensor "min" output tensor<64xf32> at 3328
  isa.tensor "adds" output tensor<64xf32> at 3584
  isa.tensor "muls" output tensor<64xf32> at 3840
  isa.tensor "maxs" output tensor<64xf32> at 4096
  isa.tensor "mins" output tensor<64xf32> at 4352
  isa.tensor "exp" output tensor<64xf32> at 4608
  isa.tensor "ln" output tensor<64xf32> at 4864
  isa.tensor "abs" output tensor<64xf32> at 5120
  isa.tensor "relu" output tensor<64xf32> at 5376
  isa.tensor "sqrt" output tensor<64xf32> at 5632
  isa.tensor "rec" output tensor<64xf32> at 5888
  isa.tensor "rsqrt" output tensor<64xf32> at 6144
  isa.tensor "cmp" output tensor<64xf32> at 6400
  isa.tensor "dup" output tensor<64xf32> at 6656
  isa.tensor "cadd" output tensor<8xf32> at 6912
  isa.tensor "cmax" output tensor<8xf32> at 7168
  isa.tensor "cmin" output tensor<8xf32> at 7424
  isa.tensor "strided" output tensor<32xf32> at 7680
  isa.tensor "tohalf" output tensor<64xf16> at 7936
  isa.tensor "trans" output tensor<16x16xf16> at 8192
  isa.tensor "sel" output tensor<64xf32> at 9728
  isa.tensor "masked" output tensor<64xf32> at 9984
  isa.tensor "halfadd" output tensor<64xf16> at 10240
  isa.kernel @vector_ops block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 32, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 1024], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vsub ub[r0 + 1280], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmul ub[r0 + 1536], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vdiv ub[r0 + 1792], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmax ub[r0 + 2048], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmin ub[r0 + 2304], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vadds ub[r0 + 2560], ub[r0], 0.5, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vmuls ub[r0 + 2816], ub[r0], -2.0, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vmaxs ub[r0 + 3072], ub[r0], 0.25, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vmins ub[r0 + 3328], ub[r0], 0.25, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vexp ub[r0 + 3584], ub[r0], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vln ub[r0 + 3840], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vabs ub[r0 + 4096], ub[r0], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vrelu ub[r0 + 4352], ub[r0], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vsqrt ub[r0 + 4608], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vrec ub[r0 + 4864], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vrsqrt ub[r0 + 5120], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vcmp lt ub[r0 + 5376], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vdup ub[r0 + 5632], 1.25, f32, repeat 1, mask 64, blk[1], rep[8]
    isa.vcadd ub[r0 + 5888], ub[r0], f32, repeat 8, mask 8, blk[1], rep[1]
    isa.vcmax ub[r0 + 6144], ub[r0], f32, repeat 8, mask 8, blk[1], rep[1]
    isa.vcmin ub[r0 + 6400], ub[r0], f32, repeat 8, mask 8, blk[1], rep[1]
    isa.vmul ub[r0 + 6656], ub[r0], ub[r0 + 256], f32, repeat 1, mask 32, blk[1, 2, 1], rep[8, 8, 8]
    isa.vconv ub[r0 + 6912], ub[r0], f16, f32, repeat 1, mask 64, blk[1, 1], rep[4, 8]
    isa.vtranspose ub[r0 + 7168], ub[r0 + 512]
    // These read results of the instructions above: same-pipe dependences
    // need a barrier.
    isa.vdup ub[r0 + 8192], 0.0, f32, repeat 1, mask 64, blk[1], rep[8]
    isa.barrier v
    isa.vsel ub[r0 + 8448], ub[r0 + 5376], ub[r0], ub[r0 + 256], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vadd ub[r0 + 8192], ub[r0], ub[r0 + 256], f32, repeat 1, mask 40, blk[1, 1, 1], rep[8, 8, 8]
    isa.vadd ub[r0 + 8704], ub[r0 + 6912], ub[r0 + 6912], f16, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.li r1, 2048
    isa.copy gm[r1], ub[r0 + 1024], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2304
    isa.copy gm[r1], ub[r0 + 1280], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2560
    isa.copy gm[r1], ub[r0 + 1536], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2816
    isa.copy gm[r1], ub[r0 + 1792], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3072
    isa.copy gm[r1], ub[r0 + 2048], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3328
    isa.copy gm[r1], ub[r0 + 2304], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3584
    isa.copy gm[r1], ub[r0 + 2560], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3840
    isa.copy gm[r1], ub[r0 + 2816], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4096
    isa.copy gm[r1], ub[r0 + 3072], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4352
    isa.copy gm[r1], ub[r0 + 3328], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4608
    isa.copy gm[r1], ub[r0 + 3584], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4864
    isa.copy gm[r1], ub[r0 + 3840], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5120
    isa.copy gm[r1], ub[r0 + 4096], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5376
    isa.copy gm[r1], ub[r0 + 4352], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5632
    isa.copy gm[r1], ub[r0 + 4608], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5888
    isa.copy gm[r1], ub[r0 + 4864], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6144
    isa.copy gm[r1], ub[r0 + 5120], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6400
    isa.copy gm[r1], ub[r0 + 5376], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6656
    isa.copy gm[r1], ub[r0 + 5632], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6912
    isa.copy gm[r1], ub[r0 + 5888], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.li r1, 7168
    isa.copy gm[r1], ub[r0 + 6144], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.li r1, 7424
    isa.copy gm[r1], ub[r0 + 6400], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.li r1, 7680
    isa.copy gm[r1], ub[r0 + 6656], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 7936
    isa.copy gm[r1], ub[r0 + 6912], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 8192
    isa.copy gm[r1], ub[r0 + 7168], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.li r1, 9728
    isa.copy gm[r1], ub[r0 + 8448], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 9984
    isa.copy gm[r1], ub[r0 + 8192], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 10240
    isa.copy gm[r1], ub[r0 + 8704], nburst 1, len 4, src_gap 0, dst_gap 0
  }
}
