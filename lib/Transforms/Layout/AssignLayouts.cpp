//===- AssignLayouts.cpp - NC1HWC0 for convolution and pooling chains -----===//
//
// One forward pass over the graph in program order decides each op's layout
// from its operands' (already decided) layouts and inserts nn.layout_cast
// where a consumer needs another layout; then the greedy rewriter folds the
// casts (opposite pairs cancel, casts of constants become packed constants)
// and drops the dead ones.
//
//===----------------------------------------------------------------------===//

#include "ascend/Transforms/LayoutPasses.h"

#include "nn/NNLayout.h"
#include "nn/NNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace ascend {
#define GEN_PASS_DEF_ASSIGNLAYOUTS
#define GEN_PASS_REGISTRATION
#include "Transforms/Layout/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;
using nn::Layout;

namespace {
struct AssignLayoutsPass
    : public ascend::impl::AssignLayoutsBase<AssignLayoutsPass> {
  void runOnOperation() override;
};
} // namespace

static bool isRank4(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() == 4;
}

static bool isPacked(Value v) {
  auto tensor = dyn_cast<RankedTensorType>(v.getType());
  return tensor && nn::getLayout(tensor) == Layout::NC1HWC0;
}

/// Ops whose input and result are feature maps best kept in NC1HWC0.
static bool isPackedAnchor(Operation *op) {
  return isa<nn::ConvOp, nn::MaxPoolOp, nn::AveragePoolOp,
             nn::GlobalAveragePoolOp, nn::GlobalMaxPoolOp>(op) &&
         isRank4(op->getOperand(0).getType()) &&
         isRank4(op->getResult(0).getType());
}

/// Elementwise float ops that may run on packed tensors: computed lane by
/// lane, with the zero padding channels staying finite (so not div, pow,
/// log or reciprocal, whose padding would turn into inf/NaN).
static bool mayFollow(Operation *op) {
  if (isa<nn::DivOp, nn::PowOp, nn::LogOp, nn::ReciprocalOp, nn::CastOp,
          nn::NotOp>(op))
    return false;
  bool elementwise =
      op->hasTrait<OpTrait::Elementwise>() ||
      isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::MaxOp, nn::MinOp>(op);
  return elementwise && op->getNumResults() == 1 &&
         isRank4(op->getResult(0).getType()) &&
         isa<FloatType>(cast<RankedTensorType>(op->getResult(0).getType())
                            .getElementType());
}

static bool isSplatConstant(Value v) {
  DenseElementsAttr dense;
  return matchPattern(v, m_Constant(&dense)) && dense.isSplat();
}

namespace {
/// Casts made so far, one per (value, layout): every consumer of a value in
/// another layout shares it.
class CastCache {
public:
  explicit CastCache(MLIRContext *context) : builder(context) {}

  /// `value` in `layout`, through a layout_cast placed right after its
  /// definition when needed.
  Value get(Value value, Layout layout) {
    auto type = cast<RankedTensorType>(value.getType());
    Layout from = nn::getLayout(type);
    if (from == layout)
      return value;
    Value &cached = casts[{value, static_cast<unsigned>(layout)}];
    if (!cached) {
      builder.setInsertionPointAfterValue(value);
      cached = nn::LayoutCastOp::create(builder, value.getLoc(),
                                        nn::withLayout(type, layout), value,
                                        from, layout);
    }
    return cached;
  }

private:
  OpBuilder builder;
  DenseMap<std::pair<Value, unsigned>, Value> casts;
};
} // namespace

static void setResultLayout(Operation *op, Layout layout) {
  for (Value result : op->getResults())
    if (auto type = dyn_cast<RankedTensorType>(result.getType()))
      result.setType(nn::withLayout(type, layout));
}

namespace {
/// pack(f(x, ...)) -> f(pack(x), ...) for an elementwise f that may follow
/// and has no other user: the op then runs packed, and pack(x) is shared
/// with x's other packed consumers (e.g. relu(x) feeding a pool while x
/// also feeds another pool needs one conversion, not two).
struct HoistPackAboveElementwise : OpRewritePattern<nn::LayoutCastOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(nn::LayoutCastOp cast,
                                PatternRewriter &rewriter) const override {
    Operation *def = cast.getInput().getDefiningOp();
    if (cast.getTo() != Layout::NC1HWC0 || !def || !mayFollow(def) ||
        !def->hasOneUse())
      return failure();
    ArrayRef<int64_t> shape = cast.getType().getShape();
    for (Value operand : def->getOperands()) {
      auto type = dyn_cast<RankedTensorType>(operand.getType());
      if (!isSplatConstant(operand) &&
          (!type || type.getShape() != shape || type.getEncoding()))
        return failure();
    }
    rewriter.setInsertionPoint(cast);
    IRMapping mapping;
    for (Value operand : def->getOperands())
      if (llvm::cast<RankedTensorType>(operand.getType()).getShape() == shape)
        mapping.map(operand, getPacked(rewriter, operand, cast));
    Operation *packed = rewriter.clone(*def, mapping);
    packed->getResult(0).setType(cast.getType());
    rewriter.replaceOp(cast, packed->getResults());
    rewriter.eraseOp(def);
    return success();
  }

  /// `value` packed before `at`: an existing cast that comes earlier, or a
  /// new one.
  static Value getPacked(PatternRewriter &rewriter, Value value,
                         Operation *at) {
    for (Operation *user : value.getUsers())
      if (auto existing = dyn_cast<nn::LayoutCastOp>(user);
          existing && existing.getTo() == Layout::NC1HWC0 &&
          existing->getBlock() == at->getBlock() &&
          existing->isBeforeInBlock(at))
        return existing;
    auto type = cast<RankedTensorType>(value.getType());
    return nn::LayoutCastOp::create(rewriter, at->getLoc(),
                                    nn::withLayout(type, Layout::NC1HWC0),
                                    value, Layout::NCHW, Layout::NC1HWC0);
  }
};
} // namespace

void AssignLayoutsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  CastCache casts(func.getContext());
  for (Block &block : func.getBody()) {
    for (Operation &op : llvm::make_early_inc_range(block)) {
      if (isa<nn::LayoutCastOp, nn::KernelOp>(op) ||
          op.hasTrait<OpTrait::ConstantLike>())
        continue;
      if (isPackedAnchor(&op)) {
        op.setOperand(0, casts.get(op.getOperand(0), Layout::NC1HWC0));
        // Runtime weights of a convolution (group 1) are packed for the
        // cube from NC1HWC0, whose blocks are (Cout, C1, tap) C0-vectors
        // (docs/conv-lowering.md); constant weights are packed on the host.
        if (auto conv = dyn_cast<nn::ConvOp>(op);
            conv && conv.getGroup() == 1 &&
            isRank4(conv.getWeight().getType()) &&
            !matchPattern(conv.getWeight(), m_Constant()))
          conv->setOperand(1, casts.get(conv.getWeight(), Layout::NC1HWC0));
        setResultLayout(&op, Layout::NC1HWC0);
        continue;
      }
      if (mayFollow(&op)) {
        ArrayRef<int64_t> shape =
            cast<RankedTensorType>(op.getResult(0).getType()).getShape();
        bool shapesFit = true, anyPacked = false;
        for (Value operand : op.getOperands()) {
          auto type = dyn_cast<RankedTensorType>(operand.getType());
          shapesFit &=
              (type && type.getShape() == shape) || isSplatConstant(operand);
          anyPacked |= isPacked(operand);
        }
        if (shapesFit && anyPacked) {
          for (OpOperand &operand : op.getOpOperands())
            if (auto type = dyn_cast<RankedTensorType>(operand.get().getType());
                type && type.getShape() == shape)
              operand.set(casts.get(operand.get(), Layout::NC1HWC0));
          setResultLayout(&op, Layout::NC1HWC0);
          continue;
        }
      }
      // Everyone else, graph outputs included, reads the framework layout.
      for (OpOperand &operand : op.getOpOperands())
        if (isPacked(operand.get()))
          operand.set(casts.get(operand.get(), Layout::NCHW));
    }
  }

  // Fold cast pairs and casts of constants; dead casts go away.
  SmallVector<Operation *> castOps;
  func.walk([&](nn::LayoutCastOp cast) { castOps.push_back(cast); });
  // The folders and the hoisting pattern, to a fixpoint.
  RewritePatternSet patterns(func.getContext());
  patterns.add<HoistPackAboveElementwise>(func.getContext());
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
  if (failed(applyOpPatternsGreedily(castOps, std::move(patterns), config)))
    return signalPassFailure();
  // Constants whose only use was a folded cast are dead now.
  for (Operation &op : llvm::make_early_inc_range(func.getBody().front()))
    if (op.hasTrait<OpTrait::ConstantLike>() && op.use_empty())
      op.erase();
}

void ascend::registerLayoutPasses() { registerAssignLayouts(); }
