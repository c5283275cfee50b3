// A 32x48 by 48x32 f16 matmul through the whole cube path: GM -> L1 as
// fractals (copy), L1 -> L0A (load2d) and L0B (load2d transpose), mmad
// accumulating in fp32, L0C -> UB, and back to GM row-major.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/a.npy 32x48 float16 --seed 1
// RUN: %npytool rand %t/b.npy 48x32 float16 --seed 2
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --output-dir %t --profile 2> %t/profile.txt
// RUN: %npytool check %t/c.npy "a @ b" a=%t/a.npy b=%t/b.npy --rtol 1e-5 --atol 1e-5
// RUN: FileCheck %s < %t/profile.txt
// CHECK: kernel {{.*}} FLOPs
// CHECK-NEXT: matmul{{ +}}1{{ .*}} 98304

isa.plan "ascend910" gm_size 12288 {
  isa.tensor "a" input tensor<32x48xf16> at 0
  isa.tensor "b" input tensor<48x32xf16> at 4096
  isa.tensor "c" output tensor<32x32xf32> at 8192
  isa.kernel @matmul block_dim 1 {
    isa.li r0, 0
    // A fractal (m1, k1): 16 rows of 32 bytes, rows K*2 bytes apart.
    isa.copy l1[r0 + 0], gm[r0 + 0], nburst 16, len 1, src_gap 2, dst_gap 0
    isa.copy l1[r0 + 512], gm[r0 + 32], nburst 16, len 1, src_gap 2, dst_gap 0
    isa.copy l1[r0 + 1024], gm[r0 + 64], nburst 16, len 1, src_gap 2, dst_gap 0
    isa.copy l1[r0 + 1536], gm[r0 + 1536], nburst 16, len 1, src_gap 2, dst_gap 0
    isa.copy l1[r0 + 2048], gm[r0 + 1568], nburst 16, len 1, src_gap 2, dst_gap 0
    isa.copy l1[r0 + 2560], gm[r0 + 1600], nburst 16, len 1, src_gap 2, dst_gap 0
    // B fractal (k1, n1), row-major inside; load2d transposes it.
    isa.copy l1[r0 + 4096], gm[r0 + 4096], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 4608], gm[r0 + 4128], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 5120], gm[r0 + 5120], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 5632], gm[r0 + 5152], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 6144], gm[r0 + 6144], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 6656], gm[r0 + 6176], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.set_flag mte2 -> mte1, 0
    isa.wait_flag mte2 -> mte1, 0
    isa.load2d l0a[r0], l1[r0], count 6, src_stride 1, f16
    isa.load2d l0b[r0], l1[r0 + 4096], count 6, src_stride 1, f16 transpose
    isa.set_flag mte1 -> m, 0
    isa.wait_flag mte1 -> m, 0
    isa.mmad l0c[r0], l0a[r0], l0b[r0], m 32, k 48, n 32, f16 init
    isa.set_flag m -> v, 0
    isa.wait_flag m -> v, 0
    isa.l0c_to_ub ub[r0], l0c[r0], count 4, f32
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    // C fractal (n1, m1): 16 rows of 64 bytes into rows N*4 bytes apart.
    isa.copy gm[r0 + 8192], ub[r0 + 0], nburst 16, len 2, src_gap 0, dst_gap 2
    isa.copy gm[r0 + 10240], ub[r0 + 1024], nburst 16, len 2, src_gap 0, dst_gap 2
    isa.copy gm[r0 + 8256], ub[r0 + 2048], nburst 16, len 2, src_gap 0, dst_gap 2
    isa.copy gm[r0 + 10304], ub[r0 + 3072], nburst 16, len 2, src_gap 0, dst_gap 2
  }
}
