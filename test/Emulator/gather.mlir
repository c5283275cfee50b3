// vgather on 32-bit and 16-bit lanes against numpy: every lane reads the
// table element at its byte offset (repeats, a full f16 repeat), and the
// plan file round trip keeps the instruction.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %npytool rand %t/x.npy 16 float32 --seed 1
// RUN: %npytool rand %t/h.npy 32 float16 --seed 2
// RUN: %npytool rand %t/i.npy 128 int32 --seed 3 --low 0 --high 16
// RUN: %npytool rand %t/j.npy 128 int32 --seed 4 --low 0 --high 32
// RUN: %npytool eval %t/o.npy int32 "i * 4" i=%t/i.npy
// RUN: %npytool eval %t/p.npy int32 "j * 2" j=%t/j.npy
// RUN: ascend-translate --isa-to-plan %s -o %t/p.plan
// RUN: ascend-translate --plan-to-isa %t/p.plan | FileCheck %s --check-prefix=RT
// RUN: ascend-run %t/p.plan --input x=%t/x.npy --input h=%t/h.npy --input o=%t/o.npy --input p=%t/p.npy --output-dir %t --profile-json %t/prof.json
// RUN: %python -c "import json; k = json.load(open('%t/prof.json'))['kernels'][0]; print('v busy', round(k['busy']['v'] * k['cycles']))" | FileCheck %s
// RUN: %npytool check %t/y.npy "x[i]" x=%t/x.npy i=%t/i.npy --exact
// RUN: %npytool check %t/z.npy "h[j]" h=%t/h.npy j=%t/j.npy --exact

// RT: isa.vgather ub[r0 + 1152], ub[r0], ub[r0 + 128], f32, src_bytes 64, repeat 2, mask 64, rep[8]
// RT: isa.vgather ub[r0 + 1664], ub[r0 + 64], ub[r0 + 640], f16, src_bytes 64, repeat 1, mask 128, rep[8]

// Each gather moves 128 lanes at vector.gather_lanes_per_cycle (8): 16
// cycles each (a contiguous vector op would take 2 and 1).
// CHECK: v busy 32

isa.plan "ascend910" gm_size 2048 {
  isa.tensor "x" input tensor<16xf32> at 0
  isa.tensor "h" input tensor<32xf16> at 64
  isa.tensor "o" input tensor<128xi32> at 128
  isa.tensor "p" input tensor<128xi32> at 640
  isa.tensor "y" output tensor<128xf32> at 1152
  isa.tensor "z" output tensor<128xf16> at 1664
  isa.kernel @k block_dim 1 {
    isa.li r0, 0
    isa.copy ub[r0], gm[r0], nburst 1, len 2, src_gap 0, dst_gap 0
    isa.copy ub[r0 + 64], gm[r0 + 64], nburst 1, len 2, src_gap 0, dst_gap 0
    isa.copy ub[r0 + 128], gm[r0 + 128], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.copy ub[r0 + 640], gm[r0 + 640], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.set_flag mte2 -> v, 0
    isa.wait_flag mte2 -> v, 0
    isa.vgather ub[r0 + 1152], ub[r0], ub[r0 + 128], f32, src_bytes 64, repeat 2, mask 64, rep[8]
    isa.vgather ub[r0 + 1664], ub[r0 + 64], ub[r0 + 640], f16, src_bytes 64, repeat 1, mask 128, rep[8]
    isa.set_flag v -> mte3, 0
    isa.wait_flag v -> mte3, 0
    isa.copy gm[r0 + 1152], ub[r0 + 1152], nburst 1, len 16, src_gap 0, dst_gap 0
    isa.copy gm[r0 + 1664], ub[r0 + 1664], nburst 1, len 8, src_gap 0, dst_gap 0
  }
}
