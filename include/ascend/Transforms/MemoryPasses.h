//===- MemoryPasses.h - Memory planning on the tile dialect -----*- C++ -*-===//

#ifndef ASCEND_TRANSFORMS_MEMORYPASSES_H
#define ASCEND_TRANSFORMS_MEMORYPASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>
#include <string>

namespace ascend {

#define GEN_PASS_DECL
#include "Transforms/Memory/Passes.h.inc"

/// Registers `ascend-plan-memory` with the global pass registry.
void registerMemoryPasses();

} // namespace ascend

#endif // ASCEND_TRANSFORMS_MEMORYPASSES_H
