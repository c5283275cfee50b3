//===- PlanMemory.cpp - The ascend-plan-memory pass -----------------------===//

#include "MemoryPlanning.h"

#include "ascend/Transforms/MemoryPasses.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace ascend {
#define GEN_PASS_DEF_PLANMEMORY
#define GEN_PASS_REGISTRATION
#include "Transforms/Memory/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;

namespace {

struct PlanMemoryPass : ascend::impl::PlanMemoryBase<PlanMemoryPass> {
  using PlanMemoryBase::PlanMemoryBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::string name = target;
    if (name.empty()) {
      auto attr = module->getAttrOfType<StringAttr>(kTargetAttr);
      name = attr ? attr.str() : "ascend910";
    }
    llvm::Expected<MachineModel> machine = MachineModel::getPreset(name);
    if (!machine) {
      module.emitError() << llvm::toString(machine.takeError());
      return signalPassFailure();
    }

    // Plan everything before failing, so one run reports every kernel that
    // does not fit.
    bool ok = true;
    if (auto main = module.lookupSymbol<func::FuncOp>("main"))
      ok &= succeeded(planGlobalMemory(module, main, *machine));
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(kKernelAttr))
        ok &= succeeded(planKernelBuffers(func, *machine));
    if (!ok)
      signalPassFailure();
  }
};

} // namespace

void ascend::registerMemoryPasses() { registerAscendMemoryPasses(); }
