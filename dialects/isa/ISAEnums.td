//===- ISAEnums.td - Enums of the isa dialect ----------------*- tablegen -*-===//

#ifndef ASCEND_ISA_ENUMS
#define ASCEND_ISA_ENUMS

include "mlir/IR/EnumAttr.td"

def ISA_TensorKind : I32EnumAttr<"TensorKind", "role of a plan tensor", [
    I32EnumAttrCase<"Input", 0, "input">,
    I32EnumAttrCase<"Output", 1, "output">
  ]> {
  let cppNamespace = "::ascend::isa";
}

def ISA_CmpMode : I32EnumAttr<"CmpMode", "vector comparison", [
    I32EnumAttrCase<"LT", 0, "lt">, I32EnumAttrCase<"LE", 1, "le">,
    I32EnumAttrCase<"GT", 2, "gt">, I32EnumAttrCase<"GE", 3, "ge">,
    I32EnumAttrCase<"EQ", 4, "eq">, I32EnumAttrCase<"NE", 5, "ne">
  ]> {
  let cppNamespace = "::ascend::isa";
}

#endif // ASCEND_ISA_ENUMS
