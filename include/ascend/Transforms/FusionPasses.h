//===- FusionPasses.h - Kernel fusion on the nn dialect ---------*- C++ -*-===//

#ifndef ASCEND_TRANSFORMS_FUSIONPASSES_H
#define ASCEND_TRANSFORMS_FUSIONPASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace ascend {

#define GEN_PASS_DECL
#include "Transforms/Fusion/Passes.h.inc"

/// Registers `ascend-fuse`.
void registerFusionPasses();

} // namespace ascend

#endif // ASCEND_TRANSFORMS_FUSIONPASSES_H
