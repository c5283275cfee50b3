//===- FuseKernels.cpp - Group nn ops into nn.kernel regions --------------===//

#include "ascend/Transforms/FusionPasses.h"

#include "nn/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
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
         isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp, nn::MaxOp, nn::MinOp,
             nn::PowOp>(op);
}

static bool isCube(Operation *op) {
  return isa<nn::ConvOp, nn::MatMulOp>(op) ||
         op->getName().getStringRef() == "nn.gemm";
}

/// The matrix product (nn.matmul or nn.gemm) of a group, if any.
static Operation *getMatrixProduct(ArrayRef<Operation *> ops) {
  for (Operation *op : ops)
    if (isa<nn::MatMulOp>(op) || op->getName().getStringRef() == "nn.gemm")
      return op;
  return nullptr;
}

/// Whether `v` is a constant the cube kernel keeps in ub for every tile: a
/// splat, or a row of the `n` values broadcast over the product's rows.
static bool isConstantRow(Value v, int64_t n) {
  Attribute attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return false;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr); dense && dense.isSplat())
    return true;
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type || !type.hasStaticShape())
    return false;
  ArrayRef<int64_t> shape = type.getShape();
  return type.getNumElements() == 1 ||
         (!shape.empty() && shape.back() == n &&
          llvm::all_of(shape.drop_back(), [](int64_t d) { return d == 1; }));
}

/// Whether `op` can extend the epilogue of a matmul/gemm kernel whose chain
/// ends in `chain` (see CubeKernel.cpp): it keeps the product's type, and
/// every other operand is a splat, a constant row or a tensor of the
/// product's type (read from gm per tile). Anything else stays out of the
/// cube kernel rather than failing its lowering.
static bool extendsCubeEpilogue(Operation *op, Value chain,
                                Operation *product) {
  Type type = product->getResult(0).getType();
  if (op->getNumResults() != 1 || op->getResult(0).getType() != type)
    return false;
  int64_t n = cast<RankedTensorType>(type).getShape().back();
  return llvm::all_of(op->getOperands(), [&](Value v) {
    return v == chain || v.getType() == type || isConstantRow(v, n);
  });
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
  // Union of groups: an elementwise op joins every group that produces one
  // of its operands through a value it alone uses (so no intermediate of the
  // merged kernel escapes), keeping at most one cube op per kernel. The
  // kernel is placed at its last op, where every outside operand of every
  // member is already defined.
  struct Group {
    SmallVector<Operation *> ops;
    bool hasCube = false;
  };
  SmallVector<std::unique_ptr<Group>> groups;
  DenseMap<Operation *, Group *> groupOf;
  for (Block &block : func.getBody()) {
    for (Operation &op : block) {
      if (staysOutside(&op) || op.getParentOfType<nn::KernelOp>())
        continue;
      auto fresh = [&]() {
        groups.push_back(std::make_unique<Group>());
        Group *g = groups.back().get();
        g->ops.push_back(&op);
        g->hasCube = isCube(&op);
        groupOf[&op] = g;
      };
      if (!isElementwise(&op)) {
        fresh();
        continue;
      }
      // Extending a matmul/gemm epilogue: the op joins that kernel alone.
      Group *cubeTarget = nullptr;
      for (Value operand : op.getOperands()) {
        Operation *def = operand.getDefiningOp();
        Group *g = def ? groupOf.lookup(def) : nullptr;
        Operation *product = g ? getMatrixProduct(g->ops) : nullptr;
        if (product && operand.hasOneUse() && def == g->ops.back() &&
            extendsCubeEpilogue(&op, operand, product)) {
          cubeTarget = g;
          break;
        }
      }
      if (cubeTarget) {
        cubeTarget->ops.push_back(&op);
        groupOf[&op] = cubeTarget;
        continue;
      }
      Group *target = nullptr;
      for (Value operand : op.getOperands()) {
        Operation *def = operand.getDefiningOp();
        Group *g = def ? groupOf.lookup(def) : nullptr;
        if (!g || !operand.hasOneUse() || g == target ||
            getMatrixProduct(g->ops))
          continue;
        bool fusible = llvm::all_of(g->ops, [](Operation *member) {
          return isElementwise(member) || isCube(member);
        });
        if (!fusible || (target && target->hasCube && g->hasCube))
          continue;
        if (!target) {
          target = g;
          continue;
        }
        // Merge g into target.
        for (Operation *member : g->ops) {
          target->ops.push_back(member);
          groupOf[member] = target;
        }
        target->hasCube |= g->hasCube;
        g->ops.clear();
      }
      if (!target) {
        fresh();
        continue;
      }
      target->ops.push_back(&op);
      groupOf[&op] = target;
    }
  }
  OpBuilder builder(func.getContext());
  for (auto &group : groups) {
    if (group->ops.empty())
      continue;
    llvm::sort(group->ops, [](Operation *a, Operation *b) {
      return a->isBeforeInBlock(b);
    });
    wrapInKernel(group->ops, builder);
  }
}

void ascend::registerFusionPasses() { registerFuseKernels(); }
