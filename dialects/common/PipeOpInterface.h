//===- PipeOpInterface.h - Which pipe executes an op ------------*- C++ -*-===//

#ifndef ASCEND_COMMON_PIPEOPINTERFACE_H
#define ASCEND_COMMON_PIPEOPINTERFACE_H

#include "common/AscendEnums.h"
#include "mlir/IR/OpDefinition.h"

#include "common/PipeOpInterface.h.inc"

#endif // ASCEND_COMMON_PIPEOPINTERFACE_H
