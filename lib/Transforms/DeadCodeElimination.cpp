//===- DeadCodeElimination.cpp - Remove unused side-effect-free ops -------===//

#include "ascend/Transforms/Passes.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace ascend {
#define GEN_PASS_DEF_NNDEADCODEELIMINATION
#include "Transforms/Passes.h.inc"
} // namespace ascend

using namespace mlir;

namespace {
struct DeadCodeEliminationPass
    : ascend::impl::NNDeadCodeEliminationBase<DeadCodeEliminationPass> {
  void runOnOperation() override {
    // Post-order walk: users come after producers in a block, so visiting
    // blocks backwards erases a dead chain in one sweep.
    getOperation()->walk([](Block *block) {
      for (Operation &op :
           llvm::make_early_inc_range(llvm::reverse(block->getOperations())))
        if (isOpTriviallyDead(&op))
          op.erase();
    });
  }
};
} // namespace
