// RUN: ascend-opt %s -split-input-file -verify-diagnostics

func.func @copy_no_path(%a: memref<16xf16, #tile.space<gm>>, %b: memref<16xf16, #tile.space<l0a>>) {
  // expected-error @+1 {{no data path from gm to l0a}}
  tile.copy %a, %b : memref<16xf16, #tile.space<gm>> to memref<16xf16, #tile.space<l0a>>
  return
}

// -----

func.func @copy_shape(%a: memref<16xf16, #tile.space<gm>>, %b: memref<32xf16, #tile.space<ub>>) {
  // expected-error @+1 {{source and target must have one shape and element type}}
  tile.copy %a, %b : memref<16xf16, #tile.space<gm>> to memref<32xf16, #tile.space<ub>>
  return
}

// -----

func.func @copy_no_space(%a: memref<16xf16>, %b: memref<16xf16, #tile.space<ub>>) {
  // expected-error @+1 {{operand #0 must be memref in a #tile.space memory space}}
  tile.copy %a, %b : memref<16xf16> to memref<16xf16, #tile.space<ub>>
  return
}

// -----

func.func @bad_space(%a: memref<16xf16, #tile.space<l2>>) {
  return
}
// expected-error @-3 {{expected ::ascend::MemorySpace to be one of: gm, l1, l0a, l0b, l0c, ub}}
// expected-error @-4 {{failed to parse Tile_MemorySpaceAttr parameter 'value'}}

// -----

func.func @mmad_space(%a: memref<16x16xf16, #tile.space<ub>>, %b: memref<16x16xf16, #tile.space<l0b>>, %c: memref<16x16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{lhs must be in l0a, not ub}}
  tile.mmad %a, %b, %c : memref<16x16xf16, #tile.space<ub>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @mmad_shape(%a: memref<16x32xf16, #tile.space<l0a>>, %b: memref<16x16xf16, #tile.space<l0b>>, %c: memref<16x16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{shapes do not form [M, K] x [K, N] -> [M, N]}}
  tile.mmad %a, %b, %c : memref<16x32xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @mmad_rank(%a: memref<16xf16, #tile.space<l0a>>, %b: memref<16x16xf16, #tile.space<l0b>>, %c: memref<16x16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{operands must be 2-D}}
  tile.mmad %a, %b, %c : memref<16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @mmad_acc_type(%a: memref<16x16xf16, #tile.space<l0a>>, %b: memref<16x16xf16, #tile.space<l0b>>, %c: memref<16x16xf16, #tile.space<l0c>>) {
  // expected-error @+1 {{acc must be f32 (the cube accumulates in fp32)}}
  tile.mmad %a, %b, %c : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf16, #tile.space<l0b>>, memref<16x16xf16, #tile.space<l0c>>
  return
}

// -----

func.func @mmad_mixed(%a: memref<16x16xf16, #tile.space<l0a>>, %b: memref<16x16xf32, #tile.space<l0b>>, %c: memref<16x16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{lhs and rhs must both be f16 or both be f32}}
  tile.mmad %a, %b, %c : memref<16x16xf16, #tile.space<l0a>>, memref<16x16xf32, #tile.space<l0b>>, memref<16x16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @vadd_space(%a: memref<16xf16, #tile.space<l1>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l1}}
  tile.vadd %a, %a, %a : memref<16xf16, #tile.space<l1>>
  return
}

// -----

func.func @vsub_types(%a: memref<16xf16, #tile.space<ub>>, %b: memref<16xf32, #tile.space<ub>>) {
  // expected-error @+1 {{all of {lhs, rhs, dst} have same element type}}
  "tile.vsub"(%a, %b, %a) : (memref<16xf16, #tile.space<ub>>, memref<16xf32, #tile.space<ub>>, memref<16xf16, #tile.space<ub>>) -> ()
  return
}

// -----

func.func @vmul_f64(%a: memref<16xf64, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'f64'}}
  tile.vmul %a, %a, %a : memref<16xf64, #tile.space<ub>>
  return
}

// -----

func.func @vmax_space(%a: memref<16xf32, #tile.space<gm>>) {
  // expected-error @+1 {{operand #0 must be in ub, not gm}}
  tile.vmax %a, %a, %a : memref<16xf32, #tile.space<gm>>
  return
}

// -----

func.func @vrelu_types(%a: memref<16xf16, #tile.space<ub>>, %b: memref<8xf16, #tile.space<ub>>) {
  // expected-error @+1 {{all of {src, dst} have same shape}}
  "tile.vrelu"(%a, %b) : (memref<16xf16, #tile.space<ub>>, memref<8xf16, #tile.space<ub>>) -> ()
  return
}

// -----

func.func @vexp_space(%a: memref<16xf16, #tile.space<l0c>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l0c}}
  tile.vexp %a, %a : memref<16xf16, #tile.space<l0c>>
  return
}

// -----

func.func @flag_same_pipe() {
  // expected-error @+1 {{source and destination pipe are both 'v'; use tile.barrier within one pipe}}
  tile.set_flag <v> -> <v>, 0
  return
}

// -----

func.func @wait_same_pipe() {
  // expected-error @+1 {{source and destination pipe are both 'mte2'}}
  tile.wait_flag <mte2> -> <mte2>, 0
  return
}

// -----

func.func @flag_event() {
  // expected-error @+1 {{attribute 'event' failed to satisfy constraint}}
  tile.set_flag <mte2> -> <v>, 9
  return
}

// -----

func.func @barrier_pipe() {
  // expected-error @+2 {{expected ::ascend::Pipe to be one of: s, mte1, mte2, mte3, m, v}}
  // expected-error @+1 {{failed to parse Tile_PipeAttr parameter 'value'}}
  tile.barrier <x>
  return
}

// -----

func.func @block_idx_type() {
  // expected-error @+1 {{result #0 must be index}}
  %b = "tile.block_idx"() : () -> i32
  return
}

// -----

func.func @vadds_space(%a: memref<16xf32, #tile.space<gm>>) {
  // expected-error @+1 {{operand #0 must be in ub, not gm}}
  tile.vadds %a, 1.0, %a : memref<16xf32, #tile.space<gm>>
  return
}

// -----

func.func @vln_signed(%a: memref<16xsi32, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'si32'}}
  tile.vln %a, %a : memref<16xsi32, #tile.space<ub>>
  return
}

// -----

func.func @vdiv_space(%a: memref<16xf32, #tile.space<l1>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l1}}
  tile.vdiv %a, %a, %a : memref<16xf32, #tile.space<l1>>
  return
}

// -----

func.func @vmin_space(%a: memref<16xf32, #tile.space<l1>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l1}}
  tile.vmin %a, %a, %a : memref<16xf32, #tile.space<l1>>
  return
}

// -----

func.func @vabs_f64(%a: memref<16xf64, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'f64'}}
  tile.vabs %a, %a : memref<16xf64, #tile.space<ub>>
  return
}

// -----

func.func @vsqrt_f64(%a: memref<16xf64, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'f64'}}
  tile.vsqrt %a, %a : memref<16xf64, #tile.space<ub>>
  return
}

// -----

func.func @vrec_f64(%a: memref<16xf64, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'f64'}}
  tile.vrec %a, %a : memref<16xf64, #tile.space<ub>>
  return
}

// -----

func.func @vrsqrt_f64(%a: memref<16xf64, #tile.space<ub>>) {
  // expected-error @+1 {{element type must be f16, f32 or an integer of 1, 8, 16, 32 or 64 bits, not 'f64'}}
  tile.vrsqrt %a, %a : memref<16xf64, #tile.space<ub>>
  return
}

// -----

func.func @vmuls_space(%a: memref<16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l0c}}
  tile.vmuls %a, 1.0, %a : memref<16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @vmaxs_space(%a: memref<16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l0c}}
  tile.vmaxs %a, 1.0, %a : memref<16xf32, #tile.space<l0c>>
  return
}

// -----

func.func @vmins_space(%a: memref<16xf32, #tile.space<l0c>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l0c}}
  tile.vmins %a, 1.0, %a : memref<16xf32, #tile.space<l0c>>
  return
}

// -----

// Only l0c -> ub may change the element type, and only f32 -> f16.
func.func @copy_narrow_gm(%a: memref<16xf32, #tile.space<gm>>, %b: memref<16xf16, #tile.space<ub>>) {
  // expected-error @+1 {{source and target must have one shape and element type (l0c -> ub may also go from f32 to f16, and integers may change signedness or hold f64 bits)}}
  tile.copy %a, %b : memref<16xf32, #tile.space<gm>> to memref<16xf16, #tile.space<ub>>
  return
}

// -----

func.func @vdup_space(%a: memref<16xf32, #tile.space<l1>>) {
  // expected-error @+1 {{operand #0 must be in ub, not l1}}
  tile.vdup 0.0, %a : memref<16xf32, #tile.space<l1>>
  return
}

// -----

func.func @load_transpose_space(%s: memref<1x16x16xf32, #tile.space<l1>>, %d: memref<1x2x16x8xf32, #tile.space<ub>>) {
  // expected-error @+1 {{target must be in l0a or l0b, not ub}}
  tile.load_transpose %s, %d : memref<1x16x16xf32, #tile.space<l1>> to memref<1x2x16x8xf32, #tile.space<ub>>
  return
}

// -----

func.func @img2col_space(%fmap: memref<1x6x6x8xf32, #tile.space<ub>>, %a: memref<48x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{fmap must be in l1, not ub}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<1x6x6x8xf32, #tile.space<ub>> to memref<48x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @nchwconv_shape(%a: memref<16x8xf16, #tile.space<ub>>, %b: memref<16x8xf16, #tile.space<ub>>) {
  // expected-error @+1 {{expects [K, K] or [repeat, K, K] with K = 16 (one 32-byte block per row)}}
  tile.vnchwconv %a, %b : memref<16x8xf16, #tile.space<ub>> to memref<16x8xf16, #tile.space<ub>>
  return
}

// -----

func.func @img2col_c0(%fmap: memref<1x6x6x16xf32, #tile.space<l1>>, %a: memref<48x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{fmap must be [c1, h, w, 8]}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<1x6x6x16xf32, #tile.space<l1>> to memref<48x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @load_transpose_shape(%s: memref<1x16x16xf32, #tile.space<l1>>, %d: memref<1x1x16x16xf32, #tile.space<l0b>>) {
  // expected-error @+1 {{expected source [C, 16, 16] and target [C, 2, 16, 8]}}
  tile.load_transpose %s, %d : memref<1x16x16xf32, #tile.space<l1>> to memref<1x1x16x16xf32, #tile.space<l0b>>
  return
}

// -----

func.func @img2col_rows(%fmap: memref<1x6x6x8xf32, #tile.space<l1>>, %a: memref<40x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{dst must be [M, K] with M a multiple of 16 and K of 8}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<1x6x6x8xf32, #tile.space<l1>> to memref<40x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @vconv_space(%a: memref<64xf32, #tile.space<l1>>, %b: memref<64xf16, #tile.space<ub>>) {
  // expected-error @+1 {{operands must be in ub}}
  tile.vconv %a, %b : memref<64xf32, #tile.space<l1>> to memref<64xf16, #tile.space<ub>>
  return
}

// -----

func.func @nchwconv_types(%a: memref<8x8xf32, #tile.space<ub>>, %b: memref<2x8x8xf32, #tile.space<ub>>) {
  // expected-error @+1 {{source and target must have one shape and element type}}
  tile.vnchwconv %a, %b : memref<8x8xf32, #tile.space<ub>> to memref<2x8x8xf32, #tile.space<ub>>
  return
}

// -----

func.func @img2col_window(%fmap: memref<1x2x2x8xf32, #tile.space<l1>>, %a: memref<16x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{kernel window does not fit the padded feature map}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<1x2x2x8xf32, #tile.space<l1>> to memref<16x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @img2col_columns(%fmap: memref<1x6x6x8xf32, #tile.space<l1>>, %a: memref<16x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{fractal columns exceed the 9 of c1 * kh * kw}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 1} : memref<1x6x6x8xf32, #tile.space<l1>> to memref<16x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @img2col_kernel(%fmap: memref<1x6x6x8xf32, #tile.space<l1>>, %a: memref<16x72xf32, #tile.space<l0a>>) {
  // expected-error @+1 {{kernel, strides and dilations must be in 1..255}}
  tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 0, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0, k1_start = 0} : memref<1x6x6x8xf32, #tile.space<l1>> to memref<16x72xf32, #tile.space<l0a>>
  return
}

// -----

func.func @vconv_shape(%a: memref<64xf32, #tile.space<ub>>, %b: memref<32xf16, #tile.space<ub>>) {
  // expected-error @+1 {{source and target must have one shape}}
  tile.vconv %a, %b : memref<64xf32, #tile.space<ub>> to memref<32xf16, #tile.space<ub>>
  return
}

// -----

func.func @gather_count(%t: memref<64xf32, #tile.space<ub>>, %o: memref<8xi32, #tile.space<ub>>, %d: memref<16xf32, #tile.space<ub>>) {
  // expected-error @+1 {{offsets and dst must have one number of elements}}
  tile.vgather %t, %o, %d : memref<64xf32, #tile.space<ub>>, memref<8xi32, #tile.space<ub>>, memref<16xf32, #tile.space<ub>>
  return
}

// -----

func.func @gather_lanes(%t: memref<64xi8, #tile.space<ub>>, %o: memref<8xi32, #tile.space<ub>>, %d: memref<8xi8, #tile.space<ub>>) {
  // expected-error @+1 {{lanes must have 16 or 32 bits, not 8}}
  tile.vgather %t, %o, %d : memref<64xi8, #tile.space<ub>>, memref<8xi32, #tile.space<ub>>, memref<8xi8, #tile.space<ub>>
  return
}

// -----

func.func @gather_space(%t: memref<64xf32, #tile.space<gm>>, %o: memref<8xi32, #tile.space<ub>>, %d: memref<8xf32, #tile.space<ub>>) {
  // expected-error @+1 {{src must be in ub, not gm}}
  tile.vgather %t, %o, %d : memref<64xf32, #tile.space<gm>>, memref<8xi32, #tile.space<ub>>, memref<8xf32, #tile.space<ub>>
  return
}
