// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 64 float32 --seed 1
// RUN: not ascend-run %s --input x=%t/x.npy --output-dir %t 2>&1 | FileCheck %s
// Static checks run when the plan loads: an instruction writing a buffer it
// has no data path to.
// CHECK: illegal-path.mlir:12:5: error: 'isa.load2d' op dst must be in l0a or l0b, not ub

isa.plan "ascend910" gm_size 1024 {
  isa.tensor "x" input tensor<64xf32> at 0
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.load2d ub[r0], l1[r0], count 1, src_stride 0, f16
  }
}
