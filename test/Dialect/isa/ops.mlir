// RUN: ascend-opt %s | ascend-opt | FileCheck %s
// RUN: ascend-opt %s --mlir-print-op-generic | ascend-opt | FileCheck %s

// CHECK-LABEL: func.func @sync
func.func @sync() {
  // CHECK: isa.set_flag mte2 -> v, 0
  isa.set_flag mte2 -> v, 0
  // CHECK: isa.wait_flag mte2 -> v, 0
  isa.wait_flag mte2 -> v, 0
  // CHECK: isa.set_flag m -> mte1, 7
  isa.set_flag m -> mte1, 7
  // CHECK: isa.wait_flag s -> mte3, 3
  isa.wait_flag s -> mte3, 3
  // CHECK: isa.barrier v
  isa.barrier v
  // CHECK: isa.barrier mte2
  isa.barrier mte2
  return
}

// CHECK-LABEL: func.func @scalar
func.func @scalar() {
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
  return
}

// CHECK-LABEL: func.func @memory
func.func @memory() {
  // CHECK: isa.copy ub[r1], gm[r2 + 4097], nburst 16, len 2, src_gap 6, dst_gap 0
  isa.copy ub[r1 + 0], gm[r2 + 4097], nburst 16, len 2, src_gap 6, dst_gap 0
  // CHECK: isa.copy l1[r3 + 96], gm[r2], nburst 4095, len 65535, src_gap 65535, dst_gap 65535
  isa.copy l1[r3 + 96], gm[r2], nburst 4095, len 65535, src_gap 65535, dst_gap 65535
  // CHECK: isa.copy gm[r4 + 1], ub[r1 + 32], nburst 1, len 1, src_gap 0, dst_gap 0
  isa.copy gm[r4 + 1], ub[r1 + 32], nburst 1, len 1, src_gap 0, dst_gap 0
  // CHECK: isa.copy l1[r5], ub[r1], nburst 1, len 1, src_gap 0, dst_gap 0
  isa.copy l1[r5], ub[r1], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// CHECK-LABEL: func.func @cube
func.func @cube() {
  // CHECK: isa.mmad l0c[r3], l0a[r1], l0b[r2 + 512], m 64, k 128, n 32, f16 init
  isa.mmad l0c[r3], l0a[r1], l0b[r2 + 512], m 64, k 128, n 32, f16 init
  // CHECK: isa.mmad l0c[r3 + 64], l0a[r1 + 1024], l0b[r2], m 1, k 4095, n 7, f32{{$}}
  isa.mmad l0c[r3 + 64], l0a[r1 + 1024], l0b[r2], m 1, k 4095, n 7, f32
  return
}

// Addresses also exist as standalone attributes.
// CHECK-LABEL: func.func @attrs
// CHECK-SAME: isa.where = #isa.addr<ub[r7 + 64]>
// CHECK-SAME: isa.which = #isa.pipe<mte3>
func.func @attrs() attributes {isa.where = #isa.addr<ub[r7 + 64]>, isa.which = #isa.pipe<mte3>} {
  return
}
