//===- ISADialect.td - Instruction-level dialect -------------*- tablegen -*-===//

#ifndef ASCEND_ISA_DIALECT
#define ASCEND_ISA_DIALECT

include "mlir/IR/OpBase.td"

def ISA_Dialect : Dialect {
  let name = "isa";
  let cppNamespace = "::ascend::isa";
  let summary = "Instructions of the Da Vinci AI core";
  let description = [{
    One `isa` op is one instruction on one pipe. Operands are physical:
    scalar registers `r0`..`r31` and memory addresses `space[rN + imm]`
    (register plus byte offset), so one kernel program serves every core.
    Instructions report their pipe through `PipeOpInterface`; the scalar unit
    dispatches them in program order to per-pipe queues, and `set_flag` /
    `wait_flag` / `barrier` order the pipes.
  }];
  let useDefaultAttributePrinterParser = 1;
}

class ISA_Op<string mnemonic, list<Trait> traits = []>
    : Op<ISA_Dialect, mnemonic, traits>;

// Scalar register index, printed rN.
def ISA_Reg : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<31>]>;

#endif // ASCEND_ISA_DIALECT
