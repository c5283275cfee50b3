//===- ISABase.td - Base classes of isa instructions --------*- tablegen -*-===//

#ifndef ASCEND_ISA_BASE
#define ASCEND_ISA_BASE

include "isa/ISADialect.td"
include "isa/ISAAttrs.td"
include "common/PipeOpInterface.td"

// An instruction: it lives in a kernel program and runs on one pipe.
class ISA_Instruction<string mnemonic, list<Trait> traits = []>
    : ISA_Op<mnemonic, traits # [ParentOneOf<["KernelOp", "LoopOp"]>]>;

// An instruction whose pipe is fixed by its opcode.
class ISA_PipeOp<string mnemonic, string pipe, list<Trait> traits = []>
    : ISA_Instruction<mnemonic, traits # [Ascend_PipeOpInterface]> {
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return ::ascend::Pipe::}] # pipe # [{; }
  }];
}

// Immediate ranges of the instruction encoding.
def ISA_Repeat : ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<255>]>;
def ISA_Stride : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<255>]>;
def ISA_Count : ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<4095>]>;
def ISA_U16 : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<65535>]>;
def ISA_U8 : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<255>]>;
// Vector lane types: f16/f32, and the integer lanes of the Da Vinci vector
// unit (s16/s32 arithmetic, s64/u64 on newer cores, s8/u8 only as vconv
// operands). Signless integers are signed lanes; which
// instructions take which types is checked by each instruction's verifier.
def ISA_DType : TypeAttrOf<AnyTypeOf<[F16, F32, I8, UI8, I16, I32, I64, UI64]>>;

#endif // ASCEND_ISA_BASE
