//===- LayoutPasses.h - Data layout assignment on nn ------------*- C++ -*-===//

#ifndef ASCEND_TRANSFORMS_LAYOUTPASSES_H
#define ASCEND_TRANSFORMS_LAYOUTPASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace ascend {

#define GEN_PASS_DECL
#include "Transforms/Layout/Passes.h.inc"

/// Registers `ascend-assign-layouts`.
void registerLayoutPasses();

} // namespace ascend

#endif // ASCEND_TRANSFORMS_LAYOUTPASSES_H
