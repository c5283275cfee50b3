// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// The vector pipe waits for a flag that is never set.
// CHECK: error: {{.*}}deadlock:
// CHECK-NEXT: kernel 'k' instruction #1 (isa.wait_flag) {{.*}} waits on flag mte2 -> v, event 1, which nothing sets (pipe v is blocked with 1 queued)

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.wait_flag mte2 -> v, 1
  }
}
