// A 16x16 by 16x16 f32 matmul with B row-major in L1: load2d f32 transpose
// turns the 16 x 16 block (two fractals) into the two 16 x 8 ZN fractals
// the cube reads from L0B (k rows 0-7, then 8-15).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/a.npy 16x16 float32 --seed 1
// RUN: %npytool rand %t/b.npy 16x16 float32 --seed 2
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-run %t/p.plan --input a=%t/a.npy --input b=%t/b.npy --output-dir %t --profile 2> %t/profile.txt
// RUN: %npytool check %t/c.npy "a @ b" a=%t/a.npy b=%t/b.npy --rtol 1e-5 --atol 1e-5
// RUN: FileCheck %s < %t/profile.txt
// The transposing load2d moves 1024 bytes: occupancy 2 on mte1.
// CHECK: kernel {{.*}} FLOPs
// CHECK-NEXT: matmul{{ +}}1{{ .*}} 8192

isa.plan "ascend910" gm_size 3072 {
  isa.tensor "a" input tensor<16x16xf32> at 0
  isa.tensor "b" input tensor<16x16xf32> at 1024
  isa.tensor "c" output tensor<16x16xf32> at 2048
  isa.kernel @matmul block_dim 1 {
    isa.li r0, 0
    // A fractals (0, 0) and (0, 1): 16 rows of 8 floats, rows 64 bytes apart.
    isa.copy l1[r0 + 0], gm[r0 + 0], nburst 16, len 1, src_gap 1, dst_gap 0
    isa.copy l1[r0 + 512], gm[r0 + 32], nburst 16, len 1, src_gap 1, dst_gap 0
    // B as it is in gm: one 16 x 16 f32 block.
    isa.copy l1[r0 + 1024], gm[r0 + 1024], nburst 1, len 32, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> mte1, 0
    isa.wait_flag mte2 -> mte1, 0
    isa.load2d l0a[r0], l1[r0], count 2, src_stride 1, f32
    isa.load2d l0b[r0], l1[r0 + 1024], count 1, src_stride 2, f32 transpose
    isa.set_flag mte1 -> m, 0
    isa.wait_flag mte1 -> m, 0
    isa.mmad l0c[r0], l0a[r0], l0b[r0], m 16, k 16, n 16, f32 init
    isa.set_flag m -> v, 0
    isa.wait_flag m -> v, 0
    isa.l0c_to_ub ub[r0], l0c[r0], count 1, f32
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 2048], ub[r0], nburst 1, len 32, src_gap 0, dst_gap 0
  }
}
