// 64-bit integer lanes (s64 and u64, 32 lanes per repeat): wrapping
// arithmetic, signed and unsigned order, select, and vconv to and from
// s32/f32 with rounding and saturation, against numpy, exactly. The inputs
// hold values beyond 2^32 and the extremes of both types.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool eval %t/a.npy int64 "np.concatenate([np.array([2**63 - 1, -2**63, 2**40 + 7, -(2**35), 0, 1, -1, 2**32, 3037000500, -3037000500], dtype=np.int64), np.random.default_rng(1).integers(-2**63, 2**63 - 1, 22, dtype=np.int64)])"
// RUN: %npytool eval %t/b.npy int64 "np.concatenate([np.array([1, -1, -(2**40), 2**35, 0, 2**63 - 1, -2**63, 2**32, 3037000500, 3037000500], dtype=np.int64), np.random.default_rng(2).integers(-2**63, 2**63 - 1, 22, dtype=np.int64)])"
// RUN: %npytool eval %t/u.npy uint64 "np.concatenate([np.array([2**64 - 1, 0, 2**63, 2**63 - 1, 5, 2**40], dtype=np.uint64), np.random.default_rng(3).integers(0, 2**64 - 1, 26, dtype=np.uint64)])"
// RUN: %npytool eval %t/v.npy uint64 "np.concatenate([np.array([0, 2**64 - 1, 2**63 - 1, 2**63, 5, 2**41], dtype=np.uint64), np.random.default_rng(4).integers(0, 2**64 - 1, 26, dtype=np.uint64)])"
// RUN: %npytool eval %t/x.npy float32 "np.concatenate([np.array([1e19, -1e19, 1e20, np.nan, 3.7, -3.7, 2.0**40 + 2**20, -0.5], dtype=np.float32), np.random.default_rng(5).uniform(-1e15, 1e15, 24)])"
// RUN: %npytool eval %t/w.npy int32 "np.concatenate([np.array([-1, -2**31, 2**31 - 1, 0], dtype=np.int32), np.random.default_rng(6).integers(-2**31, 2**31 - 1, 28, dtype=np.int32)])"
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input u=%t/u.npy --input v=%t/v.npy --input x=%t/x.npy --input w=%t/w.npy --output-dir %t
// RUN: %npytool check %t/add.npy "a + b" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/sub.npy "a - b" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/mul.npy "a * b" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/max.npy "np.maximum(a, b)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/min.npy "np.minimum(a, b)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/abs.npy "np.abs(a)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/adds.npy "a + np.int64(2**40)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/muls.npy "a * np.int64(-3)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/cmp.npy "(a < b).astype(np.int64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/dup.npy "np.full(32, -2**40, dtype=np.int64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/umax.npy "np.maximum(u, v)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/umin.npy "np.minimum(u, v)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/ucmp.npy "(u > v).astype(np.uint64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/udup.npy "np.full(32, 2**64 - 2048, dtype=np.uint64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/toi32.npy "a.astype(np.int32)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/fromi32.npy "w.astype(np.int64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/tof32.npy "a.astype(np.float32)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/utof32.npy "u.astype(np.float32)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/trunc.npy "np.array([0 if v != v else 2**63 - 1 if v >= 2.0**63 else -2**63 if v < -2.0**63 else int(v) for v in np.trunc(x)], dtype=np.int64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/ufloor.npy "np.array([0 if v != v or v < 0 else 2**64 - 1 if v >= 2.0**64 else int(v) for v in np.floor(x)], dtype=np.uint64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/tou64.npy "a.astype(np.uint64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/wtou64.npy "w.astype(np.uint64)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact
// RUN: %npytool check %t/sel.npy "np.where(a < b, a, b)" a=%t/a.npy b=%t/b.npy u=%t/u.npy v=%t/v.npy x=%t/x.npy w=%t/w.npy --exact

isa.plan "ascend910" gm_size 7936 {
  isa.tensor "a" input tensor<32xi64> at 0
  isa.tensor "b" input tensor<32xi64> at 256
  isa.tensor "u" input tensor<32xui64> at 512
  isa.tensor "v" input tensor<32xui64> at 768
  isa.tensor "x" input tensor<32xf32> at 1024
  isa.tensor "w" input tensor<32xi32> at 1152
  isa.tensor "add" output tensor<32xi64> at 2048
  isa.tensor "sub" output tensor<32xi64> at 2304
  isa.tensor "mul" output tensor<32xi64> at 2560
  isa.tensor "max" output tensor<32xi64> at 2816
  isa.tensor "min" output tensor<32xi64> at 3072
  isa.tensor "abs" output tensor<32xi64> at 3328
  isa.tensor "adds" output tensor<32xi64> at 3584
  isa.tensor "muls" output tensor<32xi64> at 3840
  isa.tensor "cmp" output tensor<32xi64> at 4096
  isa.tensor "dup" output tensor<32xi64> at 4352
  isa.tensor "umax" output tensor<32xui64> at 4608
  isa.tensor "umin" output tensor<32xui64> at 4864
  isa.tensor "ucmp" output tensor<32xui64> at 5120
  isa.tensor "udup" output tensor<32xui64> at 5376
  isa.tensor "toi32" output tensor<32xi32> at 5632
  isa.tensor "fromi32" output tensor<32xi64> at 5888
  isa.tensor "tof32" output tensor<32xf32> at 6144
  isa.tensor "utof32" output tensor<32xf32> at 6400
  isa.tensor "trunc" output tensor<32xi64> at 6656
  isa.tensor "ufloor" output tensor<32xui64> at 6912
  isa.tensor "tou64" output tensor<32xui64> at 7168
  isa.tensor "wtou64" output tensor<32xui64> at 7424
  isa.tensor "sel" output tensor<32xi64> at 7680
  isa.kernel @int64_ops block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 40, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 2048], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vsub ub[r0 + 2304], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmul ub[r0 + 2560], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmax ub[r0 + 2816], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmin ub[r0 + 3072], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vabs ub[r0 + 3328], ub[r0], i64, repeat 1, mask 32, blk[1, 1], rep[8, 8]
    isa.vadds ub[r0 + 3584], ub[r0], 1099511627776.0, i64, repeat 1, mask 32, blk[1, 1], rep[8, 8]
    isa.vmuls ub[r0 + 3840], ub[r0], -3.0, i64, repeat 1, mask 32, blk[1, 1], rep[8, 8]
    isa.vcmp lt ub[r0 + 4096], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vdup ub[r0 + 4352], -1099511627776.0, i64, repeat 1, mask 32, blk[1], rep[8]
    isa.vmax ub[r0 + 4608], ub[r0 + 512], ub[r0 + 768], ui64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmin ub[r0 + 4864], ub[r0 + 512], ub[r0 + 768], ui64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vcmp gt ub[r0 + 5120], ub[r0 + 512], ub[r0 + 768], ui64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.vdup ub[r0 + 5376], 18446744073709549568.0, ui64, repeat 1, mask 32, blk[1], rep[8]
    isa.vconv ub[r0 + 5632], ub[r0], i32, i64, repeat 1, mask 32, blk[1, 1], rep[4, 8]
    isa.vconv ub[r0 + 5888], ub[r0 + 1152], i64, i32, repeat 1, mask 32, blk[1, 1], rep[8, 4]
    isa.vconv ub[r0 + 6144], ub[r0], f32, i64, repeat 1, mask 32, blk[1, 1], rep[4, 8]
    isa.vconv ub[r0 + 6400], ub[r0 + 512], f32, ui64, repeat 1, mask 32, blk[1, 1], rep[4, 8]
    isa.vconv ub[r0 + 6656], ub[r0 + 1024], i64, f32, round trunc, repeat 1, mask 32, blk[1, 1], rep[8, 4]
    isa.vconv ub[r0 + 6912], ub[r0 + 1024], ui64, f32, round floor, repeat 1, mask 32, blk[1, 1], rep[8, 4]
    isa.vconv ub[r0 + 7168], ub[r0], ui64, i64, repeat 1, mask 32, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 7424], ub[r0 + 1152], ui64, i32, repeat 1, mask 32, blk[1, 1], rep[8, 4]
    // Reads the comparison above.
    isa.barrier v
    isa.vsel ub[r0 + 7680], ub[r0 + 4096], ub[r0], ub[r0 + 256], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.li r1, 2048
    isa.copy gm[r1], ub[r0 + 2048], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2304
    isa.copy gm[r1], ub[r0 + 2304], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2560
    isa.copy gm[r1], ub[r0 + 2560], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 2816
    isa.copy gm[r1], ub[r0 + 2816], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3072
    isa.copy gm[r1], ub[r0 + 3072], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3328
    isa.copy gm[r1], ub[r0 + 3328], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3584
    isa.copy gm[r1], ub[r0 + 3584], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 3840
    isa.copy gm[r1], ub[r0 + 3840], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4096
    isa.copy gm[r1], ub[r0 + 4096], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4352
    isa.copy gm[r1], ub[r0 + 4352], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4608
    isa.copy gm[r1], ub[r0 + 4608], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 4864
    isa.copy gm[r1], ub[r0 + 4864], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5120
    isa.copy gm[r1], ub[r0 + 5120], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5376
    isa.copy gm[r1], ub[r0 + 5376], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 5632
    isa.copy gm[r1], ub[r0 + 5632], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 5888
    isa.copy gm[r1], ub[r0 + 5888], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6144
    isa.copy gm[r1], ub[r0 + 6144], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 6400
    isa.copy gm[r1], ub[r0 + 6400], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 6656
    isa.copy gm[r1], ub[r0 + 6656], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 6912
    isa.copy gm[r1], ub[r0 + 6912], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 7168
    isa.copy gm[r1], ub[r0 + 7168], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 7424
    isa.copy gm[r1], ub[r0 + 7424], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 7680
    isa.copy gm[r1], ub[r0 + 7680], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
