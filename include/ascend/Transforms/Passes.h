//===- Passes.h - Graph passes on the nn dialect ----------------*- C++ -*-===//

#ifndef ASCEND_TRANSFORMS_PASSES_H
#define ASCEND_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"

namespace ascend {

#define GEN_PASS_DECL
#include "Transforms/Passes.h.inc"

/// Adds the import cleanup pipeline (`nn-graph-opt`): constant folding,
/// canonicalization, BatchNormalization and bias folding, dead-code
/// elimination.
void buildGraphOptPipeline(mlir::OpPassManager &pm);

/// Registers the passes above and the `nn-graph-opt` pipeline.
void registerTransformsPasses();

} // namespace ascend

#endif // ASCEND_TRANSFORMS_PASSES_H
