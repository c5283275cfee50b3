// RUN: ascend-opt %s | ascend-opt | FileCheck %s
// RUN: ascend-opt %s --mlir-print-op-generic | ascend-opt | FileCheck %s

// CHECK-LABEL: isa.plan "ascend910" gm_size 8192 {
// CHECK-NEXT: isa.tensor "x" input tensor<4x16xf16> at 0
// CHECK-NEXT: isa.tensor "y" output tensor<2x3xi1> at 4096
// CHECK-NEXT: isa.constant at 128 dense<1.000000e+00> : tensor<16x16xf16>
// CHECK-NEXT: isa.constant at 1024 dense_resource<weights> : tensor<4xf32>
isa.plan "ascend910" gm_size 8192 {
  isa.tensor "x" input tensor<4x16xf16> at 0
  isa.tensor "y" output tensor<2x3xi1> at 4096
  isa.constant at 128 dense<1.0> : tensor<16x16xf16>
  isa.constant at 1024 dense_resource<weights> : tensor<4xf32>

  // CHECK-LABEL: isa.kernel @sync block_dim 2 {
  isa.kernel @sync block_dim 2 {
    // CHECK: isa.set_flag mte2 -> v, 0
    isa.set_flag mte2 -> v, 0
    // CHECK: isa.wait_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    // CHECK: isa.set_flag m -> mte1, 3
    isa.set_flag m -> mte1, 3
    // CHECK: isa.wait_flag s -> mte3, 3
    isa.wait_flag s -> mte3, 3
    // CHECK: isa.barrier v
    isa.barrier v
    // CHECK: isa.barrier mte2
    isa.barrier mte2
  }

  // CHECK-LABEL: isa.kernel @scalar block_dim 65535 {
  isa.kernel @scalar block_dim 65535 {
    // CHECK: isa.li r0, -5
    isa.li r0, -5
    // CHECK: isa.li r31, 1099511627776
    isa.li r31, 1099511627776
    // CHECK: isa.sadd r1, r0, r31
    isa.sadd r1, r0, r31
    // CHECK: isa.ssub r2, r1, r0
    isa.ssub r2, r1, r0
    // CHECK: isa.smul r3, r2, r2
    isa.smul r3, r2, r2
    // CHECK: isa.sdiv r3, r2, r1
    isa.sdiv r3, r2, r1
    // CHECK: isa.smin r3, r2, r1
    isa.smin r3, r2, r1
    // CHECK: isa.smax r3, r2, r1
    isa.smax r3, r2, r1
    // CHECK: isa.saddi r4, r4, -32
    isa.saddi r4, r4, -32
    // CHECK: isa.smuli r4, r5, 512
    isa.smuli r4, r5, 512
    // CHECK: isa.get_block_idx r6
    isa.get_block_idx r6
    // CHECK: isa.get_block_num r7
    isa.get_block_num r7
    // CHECK: isa.loop r7 {
    // CHECK-NEXT: isa.saddi r1, r1, 1
    // CHECK-NEXT: isa.loop r2 {
    // CHECK-NEXT: isa.saddi r3, r3, 1
    // CHECK-NEXT: }
    // CHECK-NEXT: }
    isa.loop r7 {
      isa.saddi r1, r1, 1
      isa.loop r2 {
        isa.saddi r3, r3, 1
      }
    }
  }

  // CHECK-LABEL: isa.kernel @memory
  isa.kernel @memory block_dim 1 {
    // CHECK: isa.copy ub[r1], gm[r2 + 4097], nburst 16, len 2, src_gap 6, dst_gap 0
    isa.copy ub[r1 + 0], gm[r2 + 4097], nburst 16, len 2, src_gap 6, dst_gap 0
    // CHECK: isa.copy l1[r3 + 96], gm[r2], nburst 4095, len 65535, src_gap 65535, dst_gap 65535
    isa.copy l1[r3 + 96], gm[r2], nburst 4095, len 65535, src_gap 65535, dst_gap 65535
    // CHECK: isa.copy gm[r4 + 1], ub[r1 + 32], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.copy gm[r4 + 1], ub[r1 + 32], nburst 1, len 1, src_gap 0, dst_gap 0
    // CHECK: isa.copy l1[r5], ub[r1], nburst 1, len 1, src_gap 0, dst_gap 0
    isa.copy l1[r5], ub[r1], nburst 1, len 1, src_gap 0, dst_gap 0
    // CHECK: isa.load2d l0a[r1 + 512], l1[r2 + 64], count 4, src_stride 2, f16{{$}}
    isa.load2d l0a[r1 + 512], l1[r2 + 64], count 4, src_stride 2, f16
    // CHECK: isa.load2d l0b[r1], l1[r2], count 1, src_stride 0, f16 transpose
    isa.load2d l0b[r1], l1[r2], count 1, src_stride 0, f16 transpose
    // CHECK: isa.load3d l0a[r1], l1[r2], fmap[8, 9, 2], kernel[3, 3], stride[2, 1], pad[1, 0, 1, 1], dilation[1, 2], m[16, 4], k[3, 9], f16
    isa.load3d l0a[r1], l1[r2], fmap[8, 9, 2], kernel[3, 3], stride[2, 1], pad[1, 0, 1, 1], dilation[1, 2], m[16, 4], k[3, 9], f16
    // CHECK: isa.load3d l0b[r1], l1[r2], fmap[4, 4, 1], kernel[1, 1], stride[1, 1], pad[0, 0, 0, 0], dilation[1, 1], m[0, 1], k[0, 1], f32
    isa.load3d l0b[r1], l1[r2], fmap[4, 4, 1], kernel[1, 1], stride[1, 1], pad[0, 0, 0, 0], dilation[1, 1], m[0, 1], k[0, 1], f32
    // CHECK: isa.l0c_to_ub ub[r1], l0c[r2 + 64], count 4, f16 relu
    isa.l0c_to_ub ub[r1], l0c[r2 + 64], count 4, f16 relu
    // CHECK: isa.l0c_to_ub ub[r1], l0c[r2], count 1, f32{{$}}
    isa.l0c_to_ub ub[r1], l0c[r2], count 1, f32
  }

  // CHECK-LABEL: isa.kernel @cube
  isa.kernel @cube block_dim 1 {
    // CHECK: isa.mmad l0c[r3], l0a[r1], l0b[r2 + 512], m 64, k 128, n 32, f16 init
    isa.mmad l0c[r3], l0a[r1], l0b[r2 + 512], m 64, k 128, n 32, f16 init
    // CHECK: isa.mmad l0c[r3 + 64], l0a[r1 + 1024], l0b[r2], m 1, k 4095, n 7, f32{{$}}
    isa.mmad l0c[r3 + 64], l0a[r1 + 1024], l0b[r2], m 1, k 4095, n 7, f32
  }

  // CHECK-LABEL: isa.kernel @vector
  isa.kernel @vector block_dim 1 {
    // CHECK: isa.vadd ub[r1], ub[r2 + 256], ub[r3], f16, repeat 4, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    isa.vadd ub[r1], ub[r2 + 256], ub[r3], f16, repeat 4, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vsub {{.*}}, f32, repeat 255, mask 64, blk[0, 2, 1], rep[255, 0, 16]
    isa.vsub ub[r1], ub[r2], ub[r3], f32, repeat 255, mask 64, blk[0, 2, 1], rep[255, 0, 16]
    // CHECK: isa.vmul
    isa.vmul ub[r1], ub[r2], ub[r3], f32, repeat 1, mask 1, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vdiv
    isa.vdiv ub[r1], ub[r2], ub[r3], f32, repeat 1, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vmax
    isa.vmax ub[r1], ub[r2], ub[r3], f16, repeat 1, mask 100, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vmin
    isa.vmin ub[r1], ub[r2], ub[r3], f16, repeat 1, mask 128, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vcmp lt ub[r1], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vcmp lt ub[r1], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vcmp ne
    isa.vcmp ne ub[r1], ub[r2], ub[r3], f16, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vsel ub[r1], ub[r4], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    isa.vsel ub[r1], ub[r4], ub[r2], ub[r3], f32, repeat 2, mask 64, blk[1, 1, 1], rep[8, 8, 8]
    // CHECK: isa.vadds ub[r1], ub[r2], 5.000000e-01, f32, repeat 3, mask 64, blk[1, 1], rep[8, 8]
    isa.vadds ub[r1], ub[r2], 0.5, f32, repeat 3, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vmuls ub[r1], ub[r2], -2.000000e+00, f16
    isa.vmuls ub[r1], ub[r2], -2.0, f16, repeat 3, mask 128, blk[1, 1], rep[8, 8]
    // CHECK: isa.vmaxs
    isa.vmaxs ub[r1], ub[r2], 0.0, f16, repeat 3, mask 128, blk[1, 1], rep[8, 8]
    // CHECK: isa.vmins
    isa.vmins ub[r1], ub[r2], 6.0, f16, repeat 3, mask 128, blk[1, 1], rep[8, 8]
    // CHECK: isa.vexp ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vexp ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vln
    isa.vln ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vabs
    isa.vabs ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vrelu
    isa.vrelu ub[r1], ub[r2], f16, repeat 1, mask 128, blk[1, 1], rep[8, 8]
    // CHECK: isa.vsqrt
    isa.vsqrt ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vrec
    isa.vrec ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vrsqrt
    isa.vrsqrt ub[r1], ub[r2], f32, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    // CHECK: isa.vconv ub[r1], ub[r2], f16, f32, repeat 2, mask 64, blk[1, 1], rep[4, 8]
    isa.vconv ub[r1], ub[r2], f16, f32, repeat 2, mask 64, blk[1, 1], rep[4, 8]
    // CHECK: isa.vdup ub[r1], 1.250000e+00, f32, repeat 2, mask 64, blk[1], rep[8]
    isa.vdup ub[r1], 1.25, f32, repeat 2, mask 64, blk[1], rep[8]
    // CHECK: isa.vcadd ub[r1], ub[r2], f32, repeat 4, mask 64, blk[1], rep[8]
    isa.vcadd ub[r1], ub[r2], f32, repeat 4, mask 64, blk[1], rep[8]
    // CHECK: isa.vcmax
    isa.vcmax ub[r1], ub[r2], f16, repeat 4, mask 128, blk[1], rep[8]
    // CHECK: isa.vcmin
    isa.vcmin ub[r1], ub[r2], f16, repeat 4, mask 128, blk[1], rep[8]
    // CHECK: isa.vbrcb ub[r1], ub[r2], f32, repeat 2, blk[1], rep[8]
    isa.vbrcb ub[r1], ub[r2], f32, repeat 2, blk[1], rep[8]
    // CHECK: isa.vgather ub[r1], ub[r2], ub[r3 + 256], f16, src_bytes 4096, repeat 3, mask 128, rep[8]
    isa.vgather ub[r1], ub[r2], ub[r3 + 256], f16, src_bytes 4096, repeat 3, mask 128, rep[8]
    // CHECK: isa.copy_pad ub[r1], gm[r2 + 12], nburst 3, len 20, src_stride 24, dst_stride 64
    isa.copy_pad ub[r1], gm[r2 + 12], nburst 3, len 20, src_stride 24, dst_stride 64
    // CHECK: isa.copy_pad gm[r2 + 7], ub[r1], nburst 2, len 100, src_stride 128, dst_stride 100100
    isa.copy_pad gm[r2 + 7], ub[r1], nburst 2, len 100, src_stride 128, dst_stride 100100
    // CHECK: isa.vtranspose ub[r1 + 512], ub[r2]
    isa.vtranspose ub[r1 + 512], ub[r2]
    // CHECK: isa.vnchwconv ub[r1 + 512], ub[r2], f16, repeat 2, stride[1, 2], rep[16, 1]
    isa.vnchwconv ub[r1 + 512], ub[r2], f16, repeat 2, stride[1, 2], rep[16, 1]
    // CHECK: isa.vnchwconv ub[r1], ub[r2], f32, repeat 255, stride[255, 0], rep[65535, 8]
    isa.vnchwconv ub[r1], ub[r2], f32, repeat 255, stride[255, 0], rep[65535, 8]
    // CHECK: isa.copy_pad ub[r1], gm[r2 + 6], nburst 3, len 18, src_stride 50, dst_stride 32
    isa.copy_pad ub[r1], gm[r2 + 6], nburst 3, len 18, src_stride 50, dst_stride 32
    // CHECK: isa.copy_pad gm[r2 + 3], ub[r1], nburst 1, len 65535, src_stride 0, dst_stride 0
    isa.copy_pad gm[r2 + 3], ub[r1], nburst 1, len 65535, src_stride 0, dst_stride 0
  }
}

// The preset's other sizes: ascend310 has a 248 KiB unified buffer.
// CHECK-LABEL: isa.plan "ascend310"
isa.plan "ascend310" gm_size 64 {
  isa.kernel @k block_dim 1 {
    // CHECK: isa.vrelu ub[r0 + 253920]
    isa.vrelu ub[r0 + 253920], ub[r0], f16, repeat 1, mask 16, blk[1, 1], rep[8, 8]
  }
}

// Addresses and pipes also exist as standalone attributes.
// CHECK-LABEL: func.func @attrs
// CHECK-SAME: isa.where = #isa.addr<ub[r7 + 64]>
// CHECK-SAME: isa.which = #isa.pipe<mte3>
func.func @attrs() attributes {isa.where = #isa.addr<ub[r7 + 64]>, isa.which = #isa.pipe<mte3>} {
  return
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
