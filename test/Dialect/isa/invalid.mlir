// RUN: ascend-opt %s -split-input-file -verify-diagnostics

func.func @flag_same_pipe() {
  // expected-error @+1 {{source and destination pipe are both 'v'; use isa.barrier within one pipe}}
  isa.set_flag v -> v, 0
  return
}

// -----

func.func @wait_same_pipe() {
  // expected-error @+1 {{source and destination pipe are both 'm'}}
  isa.wait_flag m -> m, 1
  return
}

// -----

func.func @flag_event() {
  // expected-error @+1 {{attribute 'event' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 7}}
  isa.set_flag mte2 -> v, 8
  return
}

// -----

func.func @wait_event() {
  // expected-error @+1 {{attribute 'event' failed to satisfy constraint}}
  isa.wait_flag mte2 -> v, -1
  return
}

// -----

func.func @unknown_pipe() {
  // expected-error @+1 {{unknown pipe 'mte4'}}
  isa.barrier mte4
  return
}

// -----

func.func @barrier_generic() {
  // expected-error @+1 {{requires attribute 'pipe'}}
  "isa.barrier"() : () -> ()
  return
}

// -----

func.func @li_register() {
  // expected-error @+1 {{attribute 'dst' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 31}}
  isa.li r32, 1
  return
}

// -----

func.func @li_not_register() {
  // expected-error @+1 {{expected a scalar register rN}}
  isa.li x1, 1
  return
}

// -----

func.func @sadd_register() {
  // expected-error @+1 {{attribute 'rhs' failed to satisfy constraint}}
  isa.sadd r1, r2, r40
  return
}

// -----

func.func @ssub_register() {
  // expected-error @+1 {{expected a scalar register rN}}
  isa.ssub r1, r2, 3
  return
}

// -----

func.func @smul_register() {
  // expected-error @+1 {{attribute 'dst' failed to satisfy constraint}}
  isa.smul r99, r2, r3
  return
}

// -----

func.func @copy_path() {
  // expected-error @+1 {{no burst-copy path from gm to l0a (isa.copy moves gm -> l1/ub and ub -> gm/l1)}}
  isa.copy l0a[r1], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @copy_mte1_path() {
  // expected-error @+1 {{no burst-copy path from l1 to l0b}}
  isa.copy l0b[r1], l1[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @copy_align() {
  // expected-error @+1 {{dst offset 16 in ub must be 32-byte aligned}}
  isa.copy ub[r1 + 16], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @copy_nburst() {
  // expected-error @+1 {{attribute 'nburst' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 1 whose maximum value is 4095}}
  isa.copy ub[r1], gm[r2], nburst 0, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @copy_len() {
  // expected-error @+1 {{attribute 'len' failed to satisfy constraint}}
  isa.copy ub[r1], gm[r2], nburst 1, len 65536, src_gap 0, dst_gap 0
  return
}

// -----

func.func @address_register() {
  // expected-error @+1 {{register r32 does not exist (scalar registers are r0..r31)}}
  isa.copy ub[r32], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @address_space() {
  // expected-error @+1 {{unknown memory space 'l2'}}
  isa.copy l2[r1], gm[r2], nburst 1, len 1, src_gap 0, dst_gap 0
  return
}

// -----

func.func @mmad_space() {
  // expected-error @+1 {{a must be in l0a, not l1}}
  isa.mmad l0c[r3], l1[r1], l0b[r2], m 16, k 16, n 16, f16 init
  return
}

// -----

func.func @mmad_align() {
  // expected-error @+1 {{b offset 256 in l0b must be 512-byte aligned}}
  isa.mmad l0c[r3], l0a[r1], l0b[r2 + 256], m 16, k 16, n 16, f16 init
  return
}

// -----

func.func @mmad_align_c() {
  // expected-error @+1 {{c offset 32 in l0c must be 64-byte aligned}}
  isa.mmad l0c[r3 + 32], l0a[r1], l0b[r2], m 16, k 16, n 16, f16
  return
}

// -----

func.func @mmad_dtype() {
  // expected-error @+1 {{operand type must be f16 or f32, not 'bf16'}}
  isa.mmad l0c[r3], l0a[r1], l0b[r2], m 16, k 16, n 16, bf16
  return
}

// -----

func.func @mmad_range() {
  // expected-error @+1 {{attribute 'k' failed to satisfy constraint}}
  isa.mmad l0c[r3], l0a[r1], l0b[r2], m 16, k 4096, n 16, f16
  return
}

// -----

// expected-error @+1 {{address offset -64 is negative}}
func.func @negative_offset() attributes {isa.where = #isa.addr<ub[r1 + -64]>} {
  return
}
