//===- ISAOps.td - Instructions of the isa dialect -----------*- tablegen -*-===//

#ifndef ASCEND_ISA_OPS
#define ASCEND_ISA_OPS

include "isa/ISADialect.td"
include "isa/ISAAttrs.td"
include "common/PipeOpInterface.td"

// An instruction whose pipe is fixed by its opcode.
class ISA_PipeOp<string mnemonic, string pipe, list<Trait> traits = []>
    : ISA_Op<mnemonic, traits # [Ascend_PipeOpInterface]> {
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return ::ascend::Pipe::}] # pipe # [{; }
  }];
}

//===----------------------------------------------------------------------===//
// Synchronization
//===----------------------------------------------------------------------===//

// Event ids are encoded in 3 bits; the preset may allow fewer.
def ISA_EventId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<7>]>;

// set_flag issues in the source pipe's queue, wait_flag in the destination's.
class ISA_FlagOp<string mnemonic, string queue>
    : ISA_Op<mnemonic, [Ascend_PipeOpInterface]> {
  let arguments = (ins ISA_PipeAttr:$src, ISA_PipeAttr:$dst,
                   ISA_EventId:$event);
  let assemblyFormat = "custom<Pipe>($src) `->` custom<Pipe>($dst) `,` $event attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return get}] # queue # [{(); }
  }];
}

def ISA_SetFlagOp : ISA_FlagOp<"set_flag", "Src"> {
  let summary = "Signal an event from one pipe to another";
  let description = [{
    Issued into pipe `src`'s queue, so it completes when every earlier
    instruction of `src` has completed; then sets flag (`src`, `dst`,
    `event`).

    ```mlir
    isa.set_flag mte2 -> v, 0
    ```
  }];
}

def ISA_WaitFlagOp : ISA_FlagOp<"wait_flag", "Dst"> {
  let summary = "Block a pipe until an event is signalled";
  let description = [{
    Issued into pipe `dst`'s queue, which it blocks until flag (`src`, `dst`, `event`) is set, then
    clears it.

    ```mlir
    isa.wait_flag mte2 -> v, 0
    ```
  }];
}

// The pipe attribute's getter is also the PipeOpInterface method: the barrier
// sits in the queue of the pipe it orders.
def ISA_BarrierOp : ISA_Op<"barrier", [Ascend_PipeOpInterface]> {
  let summary = "Order memory accesses within one pipe";
  let description = [{
    Later instructions of `pipe` start only after every earlier instruction of
    `pipe` has completed.

    ```mlir
    isa.barrier v
    ```
  }];
  let arguments = (ins ISA_PipeAttr:$pipe);
  let assemblyFormat = "custom<Pipe>($pipe) attr-dict";
}

//===----------------------------------------------------------------------===//
// Scalar
//===----------------------------------------------------------------------===//

def ISA_LoadImmOp : ISA_PipeOp<"li", "S"> {
  let summary = "Load an immediate into a scalar register";
  let description = [{
    `dst = imm`, a signed 64-bit value.

    ```mlir
    isa.li r1, 4096
    ```
  }];
  let arguments = (ins ISA_Reg:$dst, I64Attr:$imm);
  let assemblyFormat = "custom<Reg>($dst) `,` $imm attr-dict";
}

class ISA_ScalarBinaryOp<string mnemonic, string formula>
    : ISA_PipeOp<mnemonic, "S"> {
  let summary = "Scalar " # formula;
  let description = "`dst = " # formula # "` on signed 64-bit registers.";
  let arguments = (ins ISA_Reg:$dst, ISA_Reg:$lhs, ISA_Reg:$rhs);
  let assemblyFormat = [{
    custom<Reg>($dst) `,` custom<Reg>($lhs) `,` custom<Reg>($rhs) attr-dict
  }];
}

def ISA_ScalarAddOp : ISA_ScalarBinaryOp<"sadd", "lhs + rhs">;
def ISA_ScalarSubOp : ISA_ScalarBinaryOp<"ssub", "lhs - rhs">;
def ISA_ScalarMulOp : ISA_ScalarBinaryOp<"smul", "lhs * rhs">;

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def ISA_CopyOp : ISA_Op<"copy",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Strided burst copy between global memory and L1/UB";
  let description = [{
    Copies `nburst` bursts of `len` 32-byte blocks from `src` to `dst`. After
    each burst the source skips `src_gap` blocks and the destination
    `dst_gap` blocks. gm -> l1/ub runs on MTE2, ub -> gm/l1 on MTE3.

    ```mlir
    isa.copy ub[r1], gm[r2 + 4096], nburst 16, len 2, src_gap 6, dst_gap 0
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<4095>]>:$nburst,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<65535>]>:$len,
                   ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<65535>]>:$src_gap,
                   ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<65535>]>:$dst_gap);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` `nburst` $nburst `,`
    `len` $len `,` `src_gap` $src_gap `,` `dst_gap` $dst_gap attr-dict
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Cube
//===----------------------------------------------------------------------===//

def ISA_MmadOp : ISA_PipeOp<"mmad", "M"> {
  let summary = "Cube matrix multiply-accumulate";
  let description = [{
    `c[m, n] (+)= sum_k a[m, k] * b[k, n]` with `a` in L0A (ZZ fractals), `b`
    in L0B (ZN fractals) and `c` in L0C (NZ fractals, fp32). `dtype` is the
    operand type (f16, or f32 in the cube's fp32 mode). With `init`, `c` is
    overwritten, otherwise accumulated into. Cost:
    ceil(m/16) * ceil(k/16) * ceil(n/16) cycles plus the pipe latency.

    ```mlir
    isa.mmad l0c[r3], l0a[r1], l0b[r2], m 64, k 128, n 32, f16 init
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$c, ISA_AddressAttr:$a,
                   ISA_AddressAttr:$b,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<4095>]>:$m,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<4095>]>:$k,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<4095>]>:$n,
                   TypeAttrOf<AnyFloat>:$dtype, UnitAttr:$init);
  let assemblyFormat = [{
    custom<Address>($c) `,` custom<Address>($a) `,` custom<Address>($b) `,`
    `m` $m `,` `k` $k `,` `n` $n `,` $dtype (`init` $init^)? attr-dict
  }];
  let hasVerifier = 1;
}

#endif // ASCEND_ISA_OPS
