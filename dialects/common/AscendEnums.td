//===- AscendEnums.td - Machine-level enums shared by dialects -*- tablegen -*-===//
//
// Memory spaces and pipes of the Da Vinci core. The tile dialect tags buffers
// with a memory space, the isa dialect tags instructions with a pipe; both
// describe the same machine, so the enums are defined once.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_COMMON_ENUMS
#define ASCEND_COMMON_ENUMS

include "mlir/IR/EnumAttr.td"

def Ascend_MemorySpace : I32EnumAttr<"MemorySpace",
    "memory space of a buffer", [
      I32EnumAttrCase<"GM", 0, "gm">,
      I32EnumAttrCase<"L1", 1, "l1">,
      I32EnumAttrCase<"L0A", 2, "l0a">,
      I32EnumAttrCase<"L0B", 3, "l0b">,
      I32EnumAttrCase<"L0C", 4, "l0c">,
      I32EnumAttrCase<"UB", 5, "ub">
    ]> {
  let cppNamespace = "::ascend";
  let genSpecializedAttr = 0;
}

def Ascend_Pipe : I32EnumAttr<"Pipe",
    "execution pipe of the AI core", [
      I32EnumAttrCase<"S", 0, "s">,
      I32EnumAttrCase<"MTE1", 1, "mte1">,
      I32EnumAttrCase<"MTE2", 2, "mte2">,
      I32EnumAttrCase<"MTE3", 3, "mte3">,
      I32EnumAttrCase<"M", 4, "m">,
      I32EnumAttrCase<"V", 5, "v">
    ]> {
  let cppNamespace = "::ascend";
  let genSpecializedAttr = 0;
}

// Lane comparison of vcmp (tile.vcmp, isa.vcmp).
def Ascend_CmpMode : I32EnumAttr<"CmpMode", "vector comparison", [
    I32EnumAttrCase<"LT", 0, "lt">, I32EnumAttrCase<"LE", 1, "le">,
    I32EnumAttrCase<"GT", 2, "gt">, I32EnumAttrCase<"GE", 3, "ge">,
    I32EnumAttrCase<"EQ", 4, "eq">, I32EnumAttrCase<"NE", 5, "ne">
  ]> {
  let cppNamespace = "::ascend";
}

// Rounding of a float -> integer conversion (tile.vconv, isa.vconv): the
// modes of the Da Vinci vconv (`_r`, `_f`, `_c`, `_z`, `_a` suffixes).
def Ascend_RoundMode : I32EnumAttr<"RoundMode",
    "rounding of a float to integer conversion", [
      I32EnumAttrCase<"Rint", 0, "rint">,
      I32EnumAttrCase<"Floor", 1, "floor">,
      I32EnumAttrCase<"Ceil", 2, "ceil">,
      I32EnumAttrCase<"Trunc", 3, "trunc">,
      I32EnumAttrCase<"Round", 4, "round">
    ]> {
  let cppNamespace = "::ascend";
}

#endif // ASCEND_COMMON_ENUMS
