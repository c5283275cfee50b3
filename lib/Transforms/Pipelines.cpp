//===- Pipelines.cpp - Registration of the graph passes -------------------===//

#include "ascend/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace ascend {
#define GEN_PASS_REGISTRATION
#include "Transforms/Passes.h.inc"
} // namespace ascend

void ascend::buildGraphOptPipeline(mlir::OpPassManager &pm) {
  pm.addPass(createNNFoldConstants());
  pm.addPass(mlir::createCanonicalizerPass());
  pm.addPass(createNNFoldBatchNorm());
  pm.addPass(createNNFoldBias());
  // Folding BN can expose a bias add (and the other way round): once more.
  pm.addPass(createNNFoldBatchNorm());
  pm.addPass(createNNDeadCodeElimination());
}

void ascend::registerTransformsPasses() {
  registerAscendTransformsPasses();
  mlir::PassPipelineRegistration<>(
      "nn-graph-opt",
      "Clean up imported nn IR: fold constants, canonicalize, fold "
      "BatchNormalization and bias adds into Conv/Gemm, remove dead code",
      buildGraphOptPipeline);
}
