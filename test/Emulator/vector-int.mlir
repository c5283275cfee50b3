// Integer lanes (s16/s32 wrap around), bitwise ops and vconv with rounding
// modes and saturation, against numpy.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/a.npy 64 int32 --seed 1 --low -2147483648 --high 2147483647
// RUN: %npytool rand %t/b.npy 64 int32 --seed 2 --low -2147483648 --high 2147483647
// RUN: %npytool rand %t/x.npy 64 float32 --seed 3 --low -100 --high 100
// RUN: %npytool rand %t/c.npy 128 int16 --seed 4 --low -32768 --high 32767
// RUN: %npytool rand %t/d.npy 128 int16 --seed 5 --low -32768 --high 32767
// RUN: %npytool rand %t/h.npy 128 float16 --seed 6 --low -300 --high 300
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --input x=%t/x.npy --input c=%t/c.npy --input d=%t/d.npy --input h=%t/h.npy --output-dir %t
// RUN: %npytool check %t/add.npy "a + b" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/sub.npy "a - b" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/mul.npy "a * b" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/max.npy "np.maximum(a, b)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/min.npy "np.minimum(a, b)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/abs.npy "np.abs(a)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/adds.npy "a + np.int32(2147483647)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/cmp.npy "(a < b).astype(np.int32)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/dup.npy "np.full(64, -5)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/floor.npy "np.floor(x)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/ceil.npy "np.ceil(x)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/trunc.npy "np.trunc(x)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/rint.npy "np.rint(x)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/round.npy "np.where(x < 0, -np.floor(0.5 - x), np.floor(x + 0.5))" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/tofloat.npy "a.astype(np.float32)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/add16.npy "c + d" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/and16.npy "c & d" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/or16.npy "c | d" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/not16.npy "~c" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/tou8.npy "np.clip(np.rint(h), 0, 255)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/toi8.npy "np.clip(np.trunc(h), -128, 127)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/muls16.npy "c * np.int16(-3)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/cmp16.npy "(c >= d) * 1" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/sel.npy "np.where(a < b, a, b)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/fromu8.npy "np.clip(np.rint(h), 0, 255)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/fromi8.npy "np.clip(np.trunc(h), -128, 127)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact
// RUN: %npytool check %t/sfromi8.npy "np.clip(np.trunc(h), -128, 127)" a=%t/a.npy b=%t/b.npy x=%t/x.npy c=%t/c.npy d=%t/d.npy h=%t/h.npy --exact

isa.plan "ascend910" gm_size 20480 {
  isa.tensor "a" input tensor<64xi32> at 0
  isa.tensor "b" input tensor<64xi32> at 256
  isa.tensor "x" input tensor<64xf32> at 512
  isa.tensor "c" input tensor<128xi16> at 768
  isa.tensor "d" input tensor<128xi16> at 1024
  isa.tensor "h" input tensor<128xf16> at 1280
  isa.tensor "add" output tensor<64xi32> at 12288
  isa.tensor "sub" output tensor<64xi32> at 12544
  isa.tensor "mul" output tensor<64xi32> at 12800
  isa.tensor "max" output tensor<64xi32> at 13056
  isa.tensor "min" output tensor<64xi32> at 13312
  isa.tensor "abs" output tensor<64xi32> at 13568
  isa.tensor "adds" output tensor<64xi32> at 13824
  isa.tensor "cmp" output tensor<64xi32> at 14080
  isa.tensor "dup" output tensor<64xi32> at 14336
  isa.tensor "floor" output tensor<64xi32> at 14592
  isa.tensor "ceil" output tensor<64xi32> at 14848
  isa.tensor "trunc" output tensor<64xi32> at 15104
  isa.tensor "rint" output tensor<64xi32> at 15360
  isa.tensor "round" output tensor<64xi32> at 15616
  isa.tensor "tofloat" output tensor<64xf32> at 15872
  isa.tensor "add16" output tensor<128xi16> at 16128
  isa.tensor "and16" output tensor<128xi16> at 16384
  isa.tensor "or16" output tensor<128xi16> at 16640
  isa.tensor "not16" output tensor<128xi16> at 16896
  isa.tensor "tou8" output tensor<128xui8> at 17152
  isa.tensor "toi8" output tensor<128xi8> at 17664
  isa.tensor "muls16" output tensor<128xi16> at 18176
  isa.tensor "cmp16" output tensor<128xi16> at 18432
  isa.tensor "sel" output tensor<64xi32> at 17920
  isa.tensor "fromu8" output tensor<128xf16> at 17408
  isa.tensor "fromi8" output tensor<128xf16> at 18688
  isa.tensor "sfromi8" output tensor<128xi16> at 18944
  isa.kernel @int_ops block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 48, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vadd ub[r0 + 2048], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vsub ub[r0 + 2304], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmul ub[r0 + 2560], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmax ub[r0 + 2816], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vmin ub[r0 + 3072], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vabs ub[r0 + 3328], ub[r0], i32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vadds ub[r0 + 3584], ub[r0], 2147483647.0, i32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vcmp lt ub[r0 + 3840], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vdup ub[r0 + 4096], -5.0, i32, repeat 1, mask 64, blk[1], rep[8]
    isa.vconv ub[r0 + 4352], ub[r0 + 512], i32, f32, round floor, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 4608], ub[r0 + 512], i32, f32, round ceil, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 4864], ub[r0 + 512], i32, f32, round trunc, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 5120], ub[r0 + 512], i32, f32, round rint, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 5376], ub[r0 + 512], i32, f32, round round, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 5632], ub[r0], f32, i32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vadd ub[r0 + 5888], ub[r0 + 768], ub[r0 + 1024], i16, repeat 1, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    isa.vand ub[r0 + 6144], ub[r0 + 768], ub[r0 + 1024], i16, repeat 1, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    isa.vor ub[r0 + 6400], ub[r0 + 768], ub[r0 + 1024], i16, repeat 1, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    isa.vnot ub[r0 + 6656], ub[r0 + 768], i16, repeat 1, mask 128, blk[1, 1], rep[8, 8]
    isa.vconv ub[r0 + 6912], ub[r0 + 1280], ui8, f16, round rint, repeat 1, mask 128, blk[1, 1], rep[4, 8]
    isa.vconv ub[r0 + 7424], ub[r0 + 1280], i8, f16, round trunc, repeat 1, mask 128, blk[1, 1], rep[4, 8]
    isa.vmuls ub[r0 + 7936], ub[r0 + 768], -3.0, i16, repeat 1, mask 128, blk[1, 1], rep[8, 8]
    isa.vcmp ge ub[r0 + 8192], ub[r0 + 768], ub[r0 + 1024], i16, repeat 1, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    // These read results of the instructions above.
    isa.barrier v
    isa.vsel ub[r0 + 7680], ub[r0 + 3840], ub[r0], ub[r0 + 256], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vconv ub[r0 + 7168], ub[r0 + 6912], f16, ui8, repeat 1, mask 128, blk[1, 1], rep[8, 4]
    isa.vconv ub[r0 + 8448], ub[r0 + 7424], f16, i8, repeat 1, mask 128, blk[1, 1], rep[8, 4]
    isa.barrier v
    isa.vconv ub[r0 + 8704], ub[r0 + 8448], i16, f16, round rint, repeat 1, mask 128, blk[1, 1], rep[8, 8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.li r1, 12288
    isa.copy gm[r1], ub[r0 + 2048], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 12544
    isa.copy gm[r1], ub[r0 + 2304], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 12800
    isa.copy gm[r1], ub[r0 + 2560], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 13056
    isa.copy gm[r1], ub[r0 + 2816], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 13312
    isa.copy gm[r1], ub[r0 + 3072], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 13568
    isa.copy gm[r1], ub[r0 + 3328], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 13824
    isa.copy gm[r1], ub[r0 + 3584], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 14080
    isa.copy gm[r1], ub[r0 + 3840], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 14336
    isa.copy gm[r1], ub[r0 + 4096], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 14592
    isa.copy gm[r1], ub[r0 + 4352], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 14848
    isa.copy gm[r1], ub[r0 + 4608], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 15104
    isa.copy gm[r1], ub[r0 + 4864], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 15360
    isa.copy gm[r1], ub[r0 + 5120], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 15616
    isa.copy gm[r1], ub[r0 + 5376], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 15872
    isa.copy gm[r1], ub[r0 + 5632], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 16128
    isa.copy gm[r1], ub[r0 + 5888], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 16384
    isa.copy gm[r1], ub[r0 + 6144], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 16640
    isa.copy gm[r1], ub[r0 + 6400], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 16896
    isa.copy gm[r1], ub[r0 + 6656], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 17152
    isa.copy gm[r1], ub[r0 + 6912], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 17664
    isa.copy gm[r1], ub[r0 + 7424], nburst 1, len 4, src_gap 0, dst_gap 0
    isa.li r1, 18176
    isa.copy gm[r1], ub[r0 + 7936], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 18432
    isa.copy gm[r1], ub[r0 + 8192], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 17920
    isa.copy gm[r1], ub[r0 + 7680], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 17408
    isa.copy gm[r1], ub[r0 + 7168], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 18688
    isa.copy gm[r1], ub[r0 + 8448], nburst 1, len 8, src_gap 0, dst_gap 0
    isa.li r1, 18944
    isa.copy gm[r1], ub[r0 + 8704], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
