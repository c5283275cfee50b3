//===- ISADialect.cpp - Instruction-level dialect -------------------------===//

#include "isa/ISADialect.h"
#include "isa/ISAAttrs.h"
#include "isa/ISAOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend::isa;

#include "isa/ISADialect.cpp.inc"
#include "isa/ISAEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "isa/ISAAttrs.cpp.inc"

void ISADialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "isa/ISAAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "isa/ISAOps.cpp.inc"
      >();
}
