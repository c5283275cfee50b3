//===- FoldConstants.cpp - Evaluate nn ops on constants -------------------===//

#include "ascend/Transforms/Passes.h"
#include "nn/NNDialect.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ascend {
#define GEN_PASS_DEF_NNFOLDCONSTANTS
#include "Transforms/Passes.h.inc"
} // namespace ascend

using namespace mlir;

namespace {
struct FoldConstantsPass
    : ascend::impl::NNFoldConstantsBase<FoldConstantsPass> {
  void runOnOperation() override {
    // No patterns: the driver folds every op (the op folders do the work)
    // and erases what becomes dead.
    RewritePatternSet patterns(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
