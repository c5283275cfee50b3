//===- ISAAttrs.td - Attributes of the isa dialect -----------*- tablegen -*-===//

#ifndef ASCEND_ISA_ATTRS
#define ASCEND_ISA_ATTRS

include "isa/ISADialect.td"
include "common/AscendEnums.td"
include "mlir/IR/AttrTypeBase.td"

def ISA_PipeAttr : EnumAttr<ISA_Dialect, Ascend_Pipe, "pipe"> {
  let cppNamespace = "::ascend::isa";
  let summary = "Execution pipe";
  let description = [{
    `s` scalar, `mte1` L1 -> L0A/L0B, `mte2` GM -> L1/UB, `mte3` UB -> GM/L1,
    `m` cube, `v` vector. Printed bare inside instructions
    (`isa.barrier mte2`) and as `#isa.pipe<v>` elsewhere.
  }];
  let assemblyFormat = "`<` $value `>`";
}

def ISA_AddressAttr : AttrDef<ISA_Dialect, "Address"> {
  let mnemonic = "addr";
  let summary = "Memory operand: a register plus a byte offset in one space";
  let description = [{
    The address `offset` bytes past the value of scalar register `base`, in
    memory space `space`. Inside instructions it prints as `ub[r1 + 64]`;
    standalone as `#isa.addr<ub[r1 + 64]>`.
  }];
  let parameters = (ins EnumParameter<Ascend_MemorySpace>:$space,
                    "uint32_t":$base, "int64_t":$offset);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

#endif // ASCEND_ISA_ATTRS
