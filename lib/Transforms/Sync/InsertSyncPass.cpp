//===- InsertSyncPass.cpp - ascend-insert-sync ----------------------------===//
//
// Drives the steps for each kernel: dependence analysis, placement (with
// the simulator as ordering oracle), redundancy removal, event allocation,
// and finally erasing the units found redundant.
//
//===----------------------------------------------------------------------===//

#include "ascend/Transforms/SyncPasses.h"

#include "BufferAccess.h"
#include "EventAllocation.h"
#include "RedundancyRemoval.h"
#include "SyncPlacement.h"
#include "SyncSimulator.h"

#include "ascend/Machine/MachineModel.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace ascend {
#define GEN_PASS_DECL_INSERTSYNC
#define GEN_PASS_DEF_INSERTSYNC
#define GEN_PASS_REGISTRATION
#include "Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;
using namespace ascend::sync;

namespace {

struct InsertSyncPass : public ascend::impl::InsertSyncBase<InsertSyncPass> {
  using InsertSyncBase::InsertSyncBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::string preset = target;
    if (preset.empty()) {
      auto attr = module->getAttrOfType<StringAttr>("tile.target");
      preset = attr ? attr.getValue().str() : "ascend910";
    }
    llvm::Expected<MachineModel> machine = MachineModel::getPreset(preset);
    if (!machine) {
      module.emitError("ascend-insert-sync: ")
          << llvm::toString(machine.takeError());
      return signalPassFailure();
    }
    for (auto kernel : module.getOps<func::FuncOp>()) {
      if (!kernel->hasAttr("tile.kernel") || kernel.isExternal())
        continue;
      if (failed(runOnKernel(kernel, *machine)))
        return signalPassFailure();
    }
  }

  LogicalResult runOnKernel(func::FuncOp kernel, const MachineModel &machine) {
    DependenceInfo deps(kernel);
    SyncPlan plan;
    SyncSimulator simulator(kernel, deps, plan, machine.selfOrderedPipes);
    if (failed(placeSyncs(kernel, deps, simulator, plan)))
      return failure();
    removeRedundantSyncs(simulator, plan);
    if (failed(allocateEvents(kernel, simulator, plan, machine.eventIds)))
      return failure();
    for (SyncUnit &unit : plan.units)
      if (unit.disabled)
        for (Operation *op : unit.ops)
          op->erase();
    return success();
  }
};

} // namespace

std::unique_ptr<Pass> ascend::createInsertSyncPass(llvm::StringRef target) {
  InsertSyncOptions options;
  options.target = target.str();
  return createInsertSync(options);
}

void ascend::registerSyncPasses() { registerAscendSyncPasses(); }
