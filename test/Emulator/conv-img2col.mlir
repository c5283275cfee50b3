// A 3x3 convolution, pad 1, of a 6x6x16 f16 feature map (NC1HWC0 with one
// C1) into 16 channels: load3d expands the map into img2col fractals, mmad
// multiplies them with the weights in fractal form.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 1x1x6x6x16 float16 --seed 1
// RUN: %npytool rand %t/w.npy 16x16x3x3 float16 --seed 2
// RUN: %npytool eval %t/b.npy float16 "w.transpose(2, 3, 1, 0).reshape(144, 16)" w=%t/w.npy
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --input b=%t/b.npy --output-dir %t
// RUN: %npytool check %t/y.npy "np.einsum('hwcij,ncij->hwn', np.lib.stride_tricks.sliding_window_view(np.pad(x[0, 0], ((1, 1), (1, 1), (0, 0))), (3, 3), axis=(0, 1)), w).reshape(36, 16)" x=%t/x.npy w=%t/w.npy --rtol 1e-5 --atol 1e-5

isa.plan "ascend910" gm_size 12288 {
  isa.tensor "x" input tensor<1x1x6x6x16xf16> at 0
  isa.tensor "b" input tensor<144x16xf16> at 2048
  isa.tensor "y" output tensor<36x16xf32> at 8192
  isa.kernel @conv3x3 block_dim 1 {
    isa.li r0, 0
    isa.copy l1[r0], gm[r0], nburst 1, len 36, src_gap 0, dst_gap 0
    isa.copy l1[r0 + 4096], gm[r0 + 2048], nburst 1, len 144, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte1, 0
    isa.wait_flag mte2 -> mte1, 0
    isa.load3d l0a[r0], l1[r0], fmap[6, 6, 1], kernel[3, 3], stride[1, 1], pad[1, 1, 1, 1], dilation[1, 1], m[0, 3], k[0, 9], f16
    isa.load2d l0b[r0], l1[r0 + 4096], count 9, src_stride 1, f16 transpose
    isa.set_flag mte1 -> m, 0
    isa.wait_flag mte1 -> m, 0
    isa.mmad l0c[r0], l0a[r0], l0b[r0], m 36, k 144, n 16, f16 init
    isa.set_flag m -> v, 0
    isa.wait_flag m -> v, 0
    isa.l0c_to_ub ub[r0], l0c[r0], count 3, f16 relu
    isa.l0c_to_ub ub[r0 + 2048], l0c[r0], count 3, f32
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 8192], ub[r0 + 2048], nburst 1, len 72, src_gap 0, dst_gap 0
  }
}
