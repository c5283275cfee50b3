//===- ISASyncOps.td - Pipe synchronization ----------------------*- tablegen -*-===//

#ifndef ASCEND_ISA_SYNCOPS
#define ASCEND_ISA_SYNCOPS

include "isa/ISABase.td"

//===----------------------------------------------------------------------===//
// Synchronization
//===----------------------------------------------------------------------===//

// Event ids are encoded in 3 bits; the preset may allow fewer.
def ISA_EventId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<7>]>;

// set_flag issues in the source pipe's queue, wait_flag in the destination's.
class ISA_FlagOp<string mnemonic, string queue>
    : ISA_Instruction<mnemonic, [Ascend_PipeOpInterface]> {
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
def ISA_BarrierOp : ISA_Instruction<"barrier", [Ascend_PipeOpInterface]> {
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

#endif // ASCEND_ISA_SYNCOPS
