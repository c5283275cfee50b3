// RUN: ascend-opt -ascend-plan-memory -split-input-file -verify-diagnostics %s

// Each kernel that overflows a space is reported, with the bytes it needs
// (two 150016-byte ub buffers live together) and the preset's capacity.

!g = memref<75008xf16, #tile.space<gm>>
!u = memref<75008xf16, #tile.space<ub>>
!a = memref<128x128xf16, #tile.space<l0a>>
!ga = memref<128x128xf16, #tile.space<gm>>
!l1 = memref<128x128xf16, #tile.space<l1>>

// expected-error@+1 {{kernel 'k' needs 300032 bytes of ub but ascend910 has 262144}}
func.func private @k(%in: !g, %out: !g) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %u1 = memref.alloc() : !u
  %u2 = memref.alloc() : !u
  tile.copy %in, %u1 : !g to !u
  tile.vrelu %u1, %u2 : !u
  tile.copy %u2, %out : !u to !g
  return
}

// Two 32 KiB l0a buffers fit 64 KiB exactly; a third live one does not.
// expected-error@+1 {{kernel 'k2' needs 98304 bytes of l0a but ascend910 has 65536}}
func.func private @k2(%in: !ga) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %l1 = memref.alloc() : !l1
  %a1 = memref.alloc() : !a
  %a2 = memref.alloc() : !a
  %a3 = memref.alloc() : !a
  tile.copy %in, %l1 : !ga to !l1
  tile.copy %l1, %a1 : !l1 to !a
  tile.copy %l1, %a2 : !l1 to !a
  tile.copy %l1, %a3 : !l1 to !a
  tile.copy %l1, %a2 : !l1 to !a
  tile.copy %l1, %a1 : !l1 to !a
  return
}

// Reuse is what makes this one fit: 4 x 32 KiB of l0a, one at a time.
func.func private @fits(%in: !ga) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  %l1 = memref.alloc() : !l1
  tile.copy %in, %l1 : !ga to !l1
  %a1 = memref.alloc() : !a
  %a2 = memref.alloc() : !a
  %a3 = memref.alloc() : !a
  %a4 = memref.alloc() : !a
  tile.copy %l1, %a1 : !l1 to !a
  tile.copy %l1, %a2 : !l1 to !a
  tile.copy %l1, %a3 : !l1 to !a
  tile.copy %l1, %a4 : !l1 to !a
  return
}

// -----

// The preset's global memory (ascend910: 32 GiB) bounds gm_size.

// expected-error@+1 {{@main needs 40000000032 bytes of gm but ascend910 has 34359738368}}
func.func @main(%big: memref<5000000000xf64, #tile.space<gm>>,
                %x: memref<4xf32, #tile.space<gm>>) {
  return
}

// -----

// expected-error@+1 {{argument #1 of @main must be a memref in #tile.space<gm>, not 'memref<4xf32, #tile.space<ub>>'}}
func.func @main(%x: memref<4xf32, #tile.space<gm>>, %y: memref<4xf32, #tile.space<ub>>) {
  return
}

// -----

func.func @main() {
  // expected-error@+1 {{@main can only allocate global memory; on-chip buffers belong in kernels}}
  %u = memref.alloc() : memref<16xf16, #tile.space<ub>>
  return
}

// -----

// expected-error@+1 {{argument #0 of @main must be a memref in #tile.space<gm>, not 'index'}}
func.func @main(%n: index) {
  return
}

// -----

func.func private @dyn(%n: index) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // expected-error@+1 {{cannot plan memory for a buffer of dynamic shape}}
  %t = memref.alloc(%n) : memref<?xf16, #tile.space<ub>>
  return
}

// -----

func.func private @gm_in_kernel() attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // expected-error@+1 {{kernel 'gm_in_kernel' allocates global memory; only @main can}}
  %t = memref.alloc() : memref<16xf16, #tile.space<gm>>
  return
}

// -----

func.func private @no_space() attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // expected-error@+1 {{buffer in kernel 'no_space' has no #tile.space memory space}}
  %t = memref.alloc() : memref<16xf16>
  return
}

// -----

func.func private @index_buffer() attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // expected-error@+1 {{cannot plan memory for element type 'index' (no size in bytes)}}
  %t = memref.alloc() : memref<16xindex, #tile.space<ub>>
  return
}

// -----

func.func private @dynamic_layout(%n: index) attributes {tile.kernel, tile.block_dim = 1 : i32} {
  // expected-error@+1 {{cannot plan memory for layout strided<[1], offset: ?>: it must be the identity or strided with static, non-negative strides and offset}}
  %t = memref.alloc()[%n] : memref<4xf16, strided<[1], offset: ?>, #tile.space<ub>>
  return
}
