// RUN: ascend-opt %s -split-input-file -verify-diagnostics

isa.plan "ascend910" gm_size 1024 {
isa.kernel @flag_same_pipe block_dim 1 {
    // expected-error @+1 {{source and destination pipe are both 'v'; use isa.barrier within one pipe}}
    isa.set_flag v -> v, 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @wait_same_pipe block_dim 1 {
    // expected-error @+1 {{source and destination pipe are both 'm'}}
    isa.wait_flag m -> m, 1
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @flag_event block_dim 1 {
    // expected-error @+1 {{attribute 'event' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 7}}
    isa.set_flag mte2 -> v, 8
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @wait_event block_dim 1 {
    // expected-error @+1 {{attribute 'event' failed to satisfy constraint}}
    isa.wait_flag mte2 -> v, -1
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @unknown_pipe block_dim 1 {
    // expected-error @+1 {{unknown pipe 'mte4'}}
    isa.barrier mte4
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @barrier_generic block_dim 1 {
    // expected-error @+1 {{requires attribute 'pipe'}}
    "isa.barrier"() : () -> ()
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @li_register block_dim 1 {
    // expected-error @+1 {{attribute 'dst' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 31}}
    isa.li r32, 1
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @li_not_register block_dim 1 {
    // expected-error @+1 {{expected a scalar register rN}}
    isa.li x1, 1
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @sadd_register block_dim 1 {
    // expected-error @+1 {{attribute 'rhs' failed to satisfy constraint}}
    isa.sadd r1, r2, r40
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @ssub_register block_dim 1 {
    // expected-error @+1 {{expected a scalar register rN}}
    isa.ssub r1, r2, 3
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @smul_register block_dim 1 {
    // expected-error @+1 {{attribute 'dst' failed to satisfy constraint}}
    isa.smul r99, r2, r3
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @copy_path block_dim 1 {
    // expected-error @+1 {{no burst-copy path from gm to l0a (isa.copy moves gm -> l1/ub and ub -> gm/l1)}}
    isa.copy l0a[r1], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @copy_mte1_path block_dim 1 {
    // expected-error @+1 {{no burst-copy path from l1 to l0b}}
    isa.copy l0b[r1], l1[r2], nburst 1, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @copy_align block_dim 1 {
    // expected-error @+1 {{dst offset 16 in ub must be 32-byte aligned}}
    isa.copy ub[r1 + 16], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @copy_nburst block_dim 1 {
    // expected-error @+1 {{attribute 'nburst' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 1 whose maximum value is 4095}}
    isa.copy ub[r1], gm[r2], nburst 0, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @copy_len block_dim 1 {
    // expected-error @+1 {{attribute 'len' failed to satisfy constraint}}
    isa.copy ub[r1], gm[r2], nburst 1, len 65536, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @address_register block_dim 1 {
    // expected-error @+1 {{register r32 does not exist (scalar registers are r0..r31)}}
    isa.copy ub[r32], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @address_space block_dim 1 {
    // expected-error @+1 {{unknown memory space 'l2'}}
    isa.copy l2[r1], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @mmad_space block_dim 1 {
    // expected-error @+1 {{a must be in l0a, not l1}}
    isa.mmad l0c[r3], l1[r1], l0b[r2], m 16, k 16, n 16, f16 init
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @mmad_align block_dim 1 {
    // expected-error @+1 {{b offset 256 in l0b must be 512-byte aligned}}
    isa.mmad l0c[r3], l0a[r1], l0b[r2 + 256], m 16, k 16, n 16, f16 init
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @mmad_align_c block_dim 1 {
    // expected-error @+1 {{c offset 32 in l0c must be 64-byte aligned}}
    isa.mmad l0c[r3 + 32], l0a[r1], l0b[r2], m 16, k 16, n 16, f16
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @mmad_dtype block_dim 1 {
    // expected-error @+1 {{operand type must be f16 or f32, not 'i16'}}
    isa.mmad l0c[r3], l0a[r1], l0b[r2], m 16, k 16, n 16, i16
}
}

// -----

isa.plan "ascend910" gm_size 1024 {
isa.kernel @mmad_range block_dim 1 {
    // expected-error @+1 {{attribute 'k' failed to satisfy constraint}}
    isa.mmad l0c[r3], l0a[r1], l0b[r2], m 16, k 4096, n 16, f16
}
}

// -----

// expected-error @+1 {{address offset -64 is negative}}
func.func @negative_offset() attributes {isa.where = #isa.addr<ub[r1 + -64]>} {
  return
}

// -----

// expected-error @+1 {{unknown machine preset 'ascend999' (known presets: ascend310, ascend910)}}
isa.plan "ascend999" gm_size 64 {
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{event id 4 exceeds the 4 event ids per pipe pair of ascend910}}
    isa.set_flag mte2 -> v, 4
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    isa.loop r1 {
      // expected-error @+1 {{dst offset 262144 is outside ub (262144 bytes on ascend910)}}
      isa.copy ub[r1 + 262144], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
    }
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  // expected-error @+1 {{bytes [960, 1088) exceed the plan's global memory of 1024 bytes}}
  isa.tensor "x" input tensor<4x16xf16> at 960
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<4x16xf16> at 0
  // expected-error @+1 {{overlaps bytes [0, 128) of another tensor or constant}}
  isa.constant at 64 dense<0.0> : tensor<4xf32>
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<4xf16> at 0
  // expected-error @+1 {{duplicate tensor name 'x'}}
  isa.tensor "x" output tensor<4xf16> at 64
}

// -----

// expected-error @+1 {{expects parent op 'isa.plan'}}
isa.kernel @k block_dim 1 {
}

// -----

func.func @outside() {
  // expected-error @+1 {{expects parent op to be one of 'isa.kernel, isa.loop'}}
  isa.li r1, 0
  return
}

// -----

isa.plan "ascend910" gm_size 1024 {
  // expected-error @+1 {{'isa.tensor' op attribute 'type' failed to satisfy constraint: type attribute of statically shaped tensor of any type values}}
  isa.tensor "x" input tensor<?xf16> at 0
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128 (lanes of one repeat)}}
    isa.vadd ub[r1], ub[r2], ub[r3], f16, repeat 1, mask 129, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 65 must be between 1 and 64}}
    isa.vexp ub[r1], ub[r2], f32, repeat 1, mask 65, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src1 must be in ub, not l1}}
    isa.vmul ub[r1], ub[r2], l1[r3], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'repeat' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 1 whose maximum value is 255}}
    isa.vmax ub[r1], ub[r2], ub[r3], f32, repeat 256, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16, f32, i16, i32, i64 or ui64, not 'i8'}}
    isa.vadds ub[r1], ub[r2], 1.0, i8, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst offset 8 in ub must be 32-byte aligned}}
    isa.vdup ub[r1 + 8], 1.0, f32, repeat 1, mask 64, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{cond must be in ub, not gm}}
    isa.vsel ub[r1], gm[r4], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src0 must be in ub, not l0c}}
    isa.vcmp gt ub[r1], l0c[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 128 must be between 1 and 64}}
    isa.vconv ub[r1], ub[r2], f16, f32, repeat 1, mask 128, blk[1, 1], rep[4, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'src_type' failed to satisfy constraint}}
    isa.vconv ub[r1], ub[r2], f16, bf16, repeat 1, mask 64, blk[1, 1], rep[4, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src must be in ub, not l1}}
    isa.vcadd ub[r1], l1[r2], f32, repeat 1, mask 64, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src offset 16 in ub must be 32-byte aligned}}
    isa.vtranspose ub[r1], ub[r2 + 16]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst must be in l0a or l0b, not ub}}
    isa.load2d ub[r1], l1[r2], count 1, src_stride 0, f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{an f32 transpose moves two fractals per step; count 2048 exceeds 2047}}
    isa.load2d l0b[r1], l1[r2], count 2048, src_stride 0, f32 transpose
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src must be in l1, not gm}}
    isa.load3d l0a[r1], gm[r2], fmap[4, 4, 1], kernel[1, 1], stride[1, 1], pad[0, 0, 0, 0], dilation[1, 1], m[0, 1], k[0, 1], f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{fractal columns [8, 10) exceed the 9 of c1 * kh * kw}}
    isa.load3d l0a[r1], l1[r2], fmap[4, 4, 1], kernel[3, 3], stride[1, 1], pad[1, 1, 1, 1], dilation[1, 1], m[0, 1], k[8, 2], f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{kernel window does not fit the padded feature map}}
    isa.load3d l0a[r1], l1[r2], fmap[2, 2, 1], kernel[3, 3], stride[1, 1], pad[0, 0, 0, 0], dilation[1, 1], m[0, 1], k[0, 1], f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{kernel, stride and dilation must be at least 1}}
    isa.load3d l0a[r1], l1[r2], fmap[4, 4, 1], kernel[1, 1], stride[0, 1], pad[0, 0, 0, 0], dilation[1, 1], m[0, 1], k[0, 1], f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src must be in l0c, not ub}}
    isa.l0c_to_ub ub[r1], ub[r2], count 1, f16
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'count' failed to satisfy constraint}}
    isa.loop r40 {
    }
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  // expected-error @+1 {{offset 16 is not 32-byte aligned}}
  isa.tensor "x" input tensor<4xf16> at 16
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<3xf16> at 0
  // The 6-byte tensor owns 32 bytes.
  // expected-error @+1 {{overlaps bytes [0, 32) of another tensor or constant}}
  isa.constant at 8 dense<0.0> : tensor<2xf32>
}

// -----

// expected-error @+1 {{needs 68719476736 bytes of global memory but ascend910 has 34359738368}}
isa.plan "ascend910" gm_size 68719476736 {
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'lhs' failed to satisfy constraint}}
    isa.sdiv r1, r32, r3
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'lhs' failed to satisfy constraint}}
    isa.smin r1, r32, r3
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'lhs' failed to satisfy constraint}}
    isa.smax r1, r32, r3
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'src' failed to satisfy constraint}}
    isa.saddi r1, r33, 4
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'src' failed to satisfy constraint}}
    isa.smuli r1, r33, 4
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'dst' failed to satisfy constraint}}
    isa.get_block_idx r40
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'dst' failed to satisfy constraint}}
    isa.get_block_num r40
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 0 must be between 1 and 64}}
    isa.vsub ub[r1], ub[r2], ub[r3], f32, repeat 1, mask 0, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 0 must be between 1 and 64}}
    isa.vdiv ub[r1], ub[r2], ub[r3], f32, repeat 1, mask 0, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 0 must be between 1 and 64}}
    isa.vmin ub[r1], ub[r2], ub[r3], f32, repeat 1, mask 0, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst must be in ub, not l0a}}
    isa.vmuls l0a[r1], ub[r2], 2.0, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst must be in ub, not l0a}}
    isa.vmaxs l0a[r1], ub[r2], 2.0, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst must be in ub, not l0a}}
    isa.vmins l0a[r1], ub[r2], 2.0, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vln ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vabs ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vrelu ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vsqrt ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vrec ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vrsqrt ub[r1], ub[r2], f16, repeat 1, mask 129, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src offset 8 in ub must be 32-byte aligned}}
    isa.vcmax ub[r1], ub[r2 + 8], f32, repeat 1, mask 64, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src offset 8 in ub must be 32-byte aligned}}
    isa.vcmin ub[r1], ub[r2 + 8], f32, repeat 1, mask 64, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src must be in ub, not l1}}
    isa.vnchwconv ub[r1], l1[r2], f16, repeat 1, stride[1, 1], rep[16, 1]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16 or f32, not 'i16'}}
    isa.vnchwconv ub[r1], ub[r2], i16, repeat 1, stride[1, 1], rep[16, 1]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'src_stride' failed to satisfy constraint}}
    isa.vnchwconv ub[r1], ub[r2], f16, repeat 1, stride[1, 256], rep[16, 1]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{moves gm -> ub or ub -> gm, not gm -> l1}}
    isa.copy_pad l1[r1], gm[r2], nburst 1, len 18, src_stride 0, dst_stride 0
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{ub stride 48 must be a multiple of 32 and at least the 64 bytes of one padded burst}}
    isa.copy_pad ub[r1], gm[r2 + 3], nburst 2, len 40, src_stride 40, dst_stride 48
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src offset 8 in ub must be 32-byte aligned}}
    isa.copy_pad gm[r1], ub[r2 + 8], nburst 1, len 40, src_stride 0, dst_stride 0
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src must be in ub, not l1}}
    isa.vbrcb ub[r1], l1[r2], f32, repeat 1, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dst offset 16 in ub must be 32-byte aligned}}
    isa.vbrcb ub[r1 + 16], ub[r2], f16, repeat 1, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{attribute 'dtype' failed to satisfy constraint}}
    isa.vadd ub[r1], ub[r2], ub[r3], bf16, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16 or f32, not 'i32'}}
    isa.vdiv ub[r1], ub[r2], ub[r3], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16 or f32, not 'i16'}}
    isa.vexp ub[r1], ub[r2], i16, repeat 1, mask 128, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be i16, not 'i32'}}
    isa.vand ub[r1], ub[r2], ub[r3], i32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be i16, not 'f16'}}
    isa.vnot ub[r1], ub[r2], f16, repeat 1, mask 128, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{scalar 1.500000e+00 is not an integer that 'i32' holds}}
    isa.vadds ub[r1], ub[r2], 1.5, i32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{scalar 3.276800e+04 is not an integer that 'i16' holds}}
    isa.vdup ub[r1], 32768.0, i16, repeat 1, mask 128, blk[1], rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{cannot convert 'i16' to 'f32'}}
    isa.vconv ub[r1], ub[r2], f32, i16, repeat 1, mask 64, blk[1, 1], rep[8, 4]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{a float to integer conversion needs a round mode}}
    isa.vconv ub[r1], ub[r2], i32, f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{a round mode applies to float to integer conversions only}}
    isa.vconv ub[r1], ub[r2], f16, f32, round rint, repeat 1, mask 64, blk[1, 1], rep[4, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 129 must be between 1 and 128}}
    isa.vconv ub[r1], ub[r2], ui8, f16, round trunc, repeat 1, mask 129, blk[1, 1], rep[4, 8]
  }
}

// -----

// 64-bit lanes: 32 per repeat.
isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 64 must be between 1 and 32 (lanes of one repeat)}}
    isa.vadd ub[r1], ub[r2], ub[r3], i64, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

// No 64-bit division.
isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16 or f32, not 'i64'}}
    isa.vdiv ub[r1], ub[r2], ub[r3], i64, repeat 1, mask 32, blk[1, 1, 1], rep[8, 8, 8]
  }
}

// -----

// u64 immediates are unsigned.
isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{scalar -1.000000e+00 is not an integer that 'ui64' holds}}
    isa.vadds ub[r1], ub[r2], -1.0, ui64, repeat 1, mask 32, blk[1, 1], rep[8, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{scalar 1.844674e+19 is not an integer that 'ui64' holds}}
    isa.vdup ub[r1], 18446744073709551616.0, ui64, repeat 1, mask 32, blk[1], rep[8]
  }
}

// -----

// The 64-bit lanes convert to and from s32 and f32 only.
isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{cannot convert 'f16' to 'i64'}}
    isa.vconv ub[r1], ub[r2], i64, f16, round trunc, repeat 1, mask 32, blk[1, 1], rep[8, 2]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{cannot convert 'ui64' to 'i16'}}
    isa.vconv ub[r1], ub[r2], i16, ui64, repeat 1, mask 32, blk[1, 1], rep[2, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{a float to integer conversion needs a round mode}}
    isa.vconv ub[r1], ub[r2], ui64, f32, repeat 1, mask 32, blk[1, 1], rep[8, 4]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 64 must be between 1 and 32}}
    isa.vconv ub[r1], ub[r2], f32, i64, repeat 1, mask 64, blk[1, 1], rep[4, 8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{offsets must be in ub, not l1}}
    isa.vgather ub[r1], ub[r2], l1[r3], f32, src_bytes 64, repeat 1, mask 64, rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{src_bytes 2 holds no 'f32' element}}
    isa.vgather ub[r1], ub[r2], ub[r3], f32, src_bytes 2, repeat 1, mask 64, rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{mask 65 must be between 1 and 64}}
    isa.vgather ub[r1], ub[r2], ub[r3], i32, src_bytes 64, repeat 1, mask 65, rep[8]
  }
}

// -----

isa.plan "ascend910" gm_size 1024 {
  isa.kernel @k block_dim 1 {
    // expected-error @+1 {{dtype must be f16, f32, i16, i32, i64 or ui64, not 'i8'}}
    isa.vgather ub[r1], ub[r2], ub[r3], i8, src_bytes 64, repeat 1, mask 64, rep[8]
  }
}
