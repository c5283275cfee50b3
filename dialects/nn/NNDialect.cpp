//===- NNDialect.cpp - Tensor-level graph dialect -------------------------===//

#include "nn/NNDialect.h"
#include "nn/NNAttrs.h"
#include "nn/NNOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend::nn;

#include "nn/NNDialect.cpp.inc"
#include "nn/NNEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "nn/NNAttrs.cpp.inc"

void NNDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "nn/NNAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "nn/NNOps.cpp.inc"
      >();
}
