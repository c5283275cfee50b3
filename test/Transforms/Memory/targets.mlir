// RUN: ascend-opt -ascend-plan-memory -split-input-file -verify-diagnostics %s
// RUN: not ascend-opt -ascend-plan-memory='target=ascend310' -split-input-file %s 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not ascend-opt -ascend-plan-memory='target=tpu' -split-input-file %s 2>&1 | FileCheck %s --check-prefix=BAD

// The module's tile.target names the preset; an unknown one is an error. The
// pass option wins over the module attribute.

// OPT-NOT: unknown machine preset
// BAD: unknown machine preset 'tpu' (known presets: ascend310, ascend910)
// expected-error@+1 {{unknown machine preset 'ascend999' (known presets: ascend310, ascend910)}}
module attributes {tile.target = "ascend999"} {
}

// -----

// On ascend310 (UB 248 KiB) 256 KiB of ub does not fit; on ascend910 it does
// exactly.
// OPT: error: kernel 'k' needs 262144 bytes of ub but ascend310 has 253952
module attributes {tile.target = "ascend910"} {
  func.func private @k(%in: memref<131072xf16, #tile.space<gm>>)
      attributes {tile.kernel, tile.block_dim = 1 : i32} {
    %u = memref.alloc() : memref<131072xf16, #tile.space<ub>>
    tile.copy %in, %u : memref<131072xf16, #tile.space<gm>> to memref<131072xf16, #tile.space<ub>>
    return
  }
}

// -----

// Without tile.target the preset is ascend910.
func.func private @k(%in: memref<131072xf16, #tile.space<gm>>)
    attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %u = memref.alloc() : memref<131072xf16, #tile.space<ub>>
  tile.copy %in, %u : memref<131072xf16, #tile.space<gm>> to memref<131072xf16, #tile.space<ub>>
  return
}
