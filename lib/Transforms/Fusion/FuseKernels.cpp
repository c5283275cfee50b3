//===- FuseKernels.cpp - Group nn ops into nn.kernel regions --------------===//

#include "ascend/Transforms/FusionPasses.h"

#include "nn/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace ascend {
#define GEN_PASS_DEF_FUSEKERNELS
#define GEN_PASS_REGISTRATION
#include "Transforms/Fusion/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;

/// Ops computed lane by lane: the unary ones carry the Elementwise trait,
/// the binary ones broadcast (so they cannot carry it).
static bool isElementwise(Operation *op) {
  return op->hasTrait<OpTrait::Elementwise>() ||
         isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp>(op);
}

static bool isCube(Operation *op) {
  return isa<nn::ConvOp, nn::MatMulOp>(op) ||
         op->getName().getStringRef() == "nn.gemm";
}

/// Ops that are data, not work: they stay outside kernels.
static bool staysOutside(Operation *op) {
  return op->hasTrait<OpTrait::ConstantLike>() || isa<nn::KernelOp>(op) ||
         op->hasTrait<OpTrait::IsTerminator>();
}

/// The ONNX node name of an op, from its NameLoc (possibly fused).
static std::string nodeName(Operation *op) {
  Location loc = op->getLoc();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(inner))
        return name.getName().str();
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  return op->getName().stripDialect().str();
}

namespace {
struct FuseKernelsPass : public ascend::impl::FuseKernelsBase<FuseKernelsPass> {
  void runOnOperation() override;
};
} // namespace

/// Whether `user` can join `group`: elementwise, the group's last result is
/// its only producer inside, and its other operands exist before the group.
static bool canAppend(ArrayRef<Operation *> group, Operation *user) {
  if (!isElementwise(user) || user->getBlock() != group.front()->getBlock())
    return false;
  Operation *last = group.back();
  for (Value operand : user->getOperands()) {
    if (operand.getDefiningOp() == last)
      continue;
    Operation *def = operand.getDefiningOp();
    // Block arguments and values defined before the group are available.
    if (def && !def->isBeforeInBlock(group.front()))
      return false;
  }
  return true;
}

static void wrapInKernel(ArrayRef<Operation *> group, OpBuilder &builder) {
  llvm::SmallPtrSet<Operation *, 8> members(group.begin(), group.end());
  llvm::SetVector<Value> inputs;
  SmallVector<Value> results;
  for (Operation *op : group) {
    for (Value operand : op->getOperands())
      if (!members.contains(operand.getDefiningOp()))
        inputs.insert(operand);
    for (Value result : op->getResults())
      if (llvm::any_of(result.getUsers(), [&](Operation *user) {
            return !members.contains(user);
          }))
        results.push_back(result);
  }

  std::string name = nodeName(group.front());
  for (Operation *op : group.drop_front())
    name += "_" + nodeName(op);
  builder.setInsertionPoint(group.back());
  SmallVector<Type> resultTypes;
  for (Value v : results)
    resultTypes.push_back(v.getType());
  SmallVector<Location> locs;
  for (Operation *op : group)
    locs.push_back(op->getLoc());
  auto kernel = nn::KernelOp::create(builder, builder.getFusedLoc(locs),
                                     resultTypes, name, inputs.getArrayRef());
  Block *body = builder.createBlock(&kernel.getBody());
  IRMapping mapping;
  for (Value input : inputs)
    mapping.map(input, body->addArgument(input.getType(), input.getLoc()));
  for (Operation *op : group)
    builder.clone(*op, mapping);
  SmallVector<Value> yielded;
  for (Value v : results)
    yielded.push_back(mapping.lookup(v));
  nn::YieldOp::create(builder, kernel.getLoc(), yielded);
  for (auto [old, replacement] : llvm::zip(results, kernel.getResults()))
    old.replaceAllUsesWith(replacement);
  for (Operation *op : llvm::reverse(group))
    op->erase();
}

void FuseKernelsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  // Collect groups first, then rewrite, so the walk sees the original IR.
  SmallVector<SmallVector<Operation *>> groups;
  llvm::SmallPtrSet<Operation *, 32> taken;
  for (Block &block : func.getBody()) {
    for (Operation &op : block) {
      if (taken.contains(&op) || staysOutside(&op) ||
          op.getParentOfType<nn::KernelOp>())
        continue;
      SmallVector<Operation *> group = {&op};
      if (isCube(&op) || isElementwise(&op)) {
        while (group.back()->getNumResults() == 1 &&
               group.back()->getResult(0).hasOneUse()) {
          Operation *user = *group.back()->getResult(0).getUsers().begin();
          if (taken.contains(user) || !canAppend(group, user))
            break;
          group.push_back(user);
        }
      }
      taken.insert(group.begin(), group.end());
      groups.push_back(std::move(group));
    }
  }
  OpBuilder builder(func.getContext());
  for (ArrayRef<Operation *> group : groups)
    wrapInKernel(group, builder);
}

void ascend::registerFusionPasses() { registerFuseKernels(); }
