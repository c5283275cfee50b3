//===- PlanTranslation.cpp - --isa-to-plan and --plan-to-isa --------------===//

#include "ascend/Target/PlanTranslation.h"

#include "ascend/InitAll.h"
#include "ascend/Target/Plan.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace ascend;

/// The one isa.plan in `op` (a module holding it, or the plan itself).
static isa::PlanOp findPlan(Operation *op) {
  if (auto plan = dyn_cast<isa::PlanOp>(op))
    return plan;
  SmallVector<isa::PlanOp> plans;
  if (op->getNumRegions() == 1)
    for (Block &block : op->getRegion(0))
      for (auto plan : block.getOps<isa::PlanOp>())
        plans.push_back(plan);
  if (plans.size() == 1)
    return plans.front();
  emitError(op->getLoc())
      << "expected exactly one isa.plan in the input, found " << plans.size();
  return {};
}

static LogicalResult isaToPlan(Operation *op, raw_ostream &os) {
  isa::PlanOp plan = findPlan(op);
  return plan ? plan::writePlan(plan, os) : failure();
}

static OwningOpRef<Operation *> planToIsa(llvm::SourceMgr &sourceMgr,
                                          MLIRContext *context) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  OwningOpRef<isa::PlanOp> plan = plan::readPlan(
      buffer->getBuffer(), buffer->getBufferIdentifier(), context);
  if (!plan)
    return nullptr;
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(context));
  module->getBody()->push_back(plan.release());
  return module;
}

void ascend::registerPlanTranslations() {
  auto registerDialects = [](DialectRegistry &registry) {
    registerAllDialects(registry);
  };
  static TranslateFromMLIRRegistration toPlan(
      "isa-to-plan", "encode an isa.plan into a binary plan file", isaToPlan,
      registerDialects);
  static TranslateToMLIRRegistration fromPlan(
      "plan-to-isa", "decode a binary plan file into an isa.plan",
      TranslateRawSourceMgrToMLIRFunction(planToIsa), registerDialects);
}
