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

#endif // ASCEND_ISA_ENUMS
