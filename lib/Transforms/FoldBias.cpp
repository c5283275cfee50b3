//===- FoldBias.cpp - Fold constant bias Adds into Conv/MatMul/Gemm -------===//

#include "ascend/Transforms/Passes.h"
#include "nn/NNConstants.h"
#include "nn/NNOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <limits>

namespace ascend {
#define GEN_PASS_DEF_NNFOLDBIAS
#include "Transforms/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend::nn;

/// The operand of `add` defined by an OpTy with one use, and the other one.
template <typename OpTy>
static std::pair<OpTy, Value> matchProducer(AddOp add) {
  for (int i = 0; i < 2; ++i) {
    auto producer = add->getOperand(i).getDefiningOp<OpTy>();
    if (producer && producer->hasOneUse() &&
        producer.getType() == add.getType())
      return {producer, add->getOperand(1 - i)};
  }
  return {OpTy(), Value()};
}

/// Values of a constant `c` that adds the same value to every element of
/// dimension `dim` of a result of rank `rank` (and varies along no other
/// dimension), expanded to `size` per-index values.
static std::optional<SmallVector<double>>
getPerDimValues(Value c, int64_t dim, int64_t rank, int64_t size) {
  auto values = getAllConstantFloats(c);
  if (!values)
    return std::nullopt;
  auto ty = cast<RankedTensorType>(c.getType());
  if (ty.getNumElements() == 1)
    return SmallVector<double>(size, (*values)[0]);
  // Aligned to the result's trailing dims, only `dim` may differ from 1.
  int64_t offset = rank - ty.getRank();
  for (int64_t d = 0; d < ty.getRank(); ++d)
    if (ty.getDimSize(d) != 1 && d + offset != dim)
      return std::nullopt;
  if (dim - offset < 0 || ty.getDimSize(dim - offset) != size)
    return std::nullopt;
  return values;
}

namespace {
struct AddIntoConv : OpRewritePattern<AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    auto [conv, other] = matchProducer<ConvOp>(add);
    if (!conv)
      return rewriter.notifyMatchFailure(add, "no single-use conv operand");
    int64_t channels = conv.getType().getDimSize(1);
    auto addend = getPerDimValues(other, 1, 4, channels);
    if (!addend)
      return rewriter.notifyMatchFailure(add, "not a per-channel constant");
    SmallVector<double> bias(channels, 0.0);
    if (conv.getBias()) {
      auto old = getAllConstantFloats(conv.getBias());
      if (!old)
        return rewriter.notifyMatchFailure(add, "conv bias is not constant");
      bias = *old;
    }
    for (int64_t m = 0; m < channels; ++m)
      bias[m] += (*addend)[m];
    auto biasTy =
        RankedTensorType::get({channels}, conv.getType().getElementType());
    Value b = ConstantOp::create(rewriter, other.getLoc(),
                                 makeWeightAttr(biasTy, bias, "bias"));
    rewriter.replaceOpWithNewOp<ConvOp>(
        add, add.getType(), conv.getInput(), conv.getWeight(), b,
        conv.getStridesAttr(), conv.getPadsAttr(), conv.getDilationsAttr(),
        conv.getGroupAttr());
    rewriter.eraseOp(conv);
    return success();
  }
};

/// The per-column constant of an add onto an [M, N] result, as [N] values.
static std::optional<SmallVector<double>> getRowBias(Value c, int64_t n) {
  return getPerDimValues(c, 1, 2, n);
}

struct AddIntoMatMul : OpRewritePattern<AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    auto [matmul, other] = matchProducer<MatMulOp>(add);
    if (!matmul || matmul.getLhs().getType().getRank() != 2 ||
        matmul.getRhs().getType().getRank() != 2)
      return rewriter.notifyMatchFailure(add, "no single-use 2-D matmul");
    int64_t n = matmul.getType().getDimSize(1);
    auto bias = getRowBias(other, n);
    if (!bias)
      return rewriter.notifyMatchFailure(add, "not a per-column constant");
    auto biasTy = RankedTensorType::get({n}, matmul.getType().getElementType());
    Value c = ConstantOp::create(rewriter, other.getLoc(),
                                 makeWeightAttr(biasTy, *bias, "bias"));
    rewriter.replaceOpWithNewOp<GemmOp>(
        add, add.getType(), matmul.getLhs(), matmul.getRhs(), c,
        rewriter.getF32FloatAttr(1.0), rewriter.getF32FloatAttr(1.0),
        rewriter.getBoolAttr(false), rewriter.getBoolAttr(false));
    rewriter.eraseOp(matmul);
    return success();
  }
};

struct AddIntoGemm : OpRewritePattern<AddOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    auto [gemm, other] = matchProducer<GemmOp>(add);
    if (!gemm)
      return rewriter.notifyMatchFailure(add, "no single-use gemm");
    int64_t n = gemm.getType().getDimSize(1);
    auto bias = getRowBias(other, n);
    if (!bias)
      return rewriter.notifyMatchFailure(add, "not a per-column constant");
    if (gemm.getC()) {
      auto old = getRowBias(gemm.getC(), n);
      if (!old)
        return rewriter.notifyMatchFailure(add, "gemm c is not a constant row");
      double beta = gemm.getBeta().convertToDouble();
      for (int64_t j = 0; j < n; ++j)
        (*bias)[j] += beta * (*old)[j];
    }
    auto biasTy = RankedTensorType::get({n}, gemm.getType().getElementType());
    Value c = ConstantOp::create(rewriter, other.getLoc(),
                                 makeWeightAttr(biasTy, *bias, "bias"));
    rewriter.replaceOpWithNewOp<GemmOp>(
        add, add.getType(), gemm.getA(), gemm.getB(), c, gemm.getAlphaAttr(),
        rewriter.getF32FloatAttr(1.0), gemm.getTransAAttr(),
        gemm.getTransBAttr());
    rewriter.eraseOp(gemm);
    return success();
  }
};

struct FoldBiasPass : ascend::impl::NNFoldBiasBase<FoldBiasPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<AddIntoConv, AddIntoMatMul, AddIntoGemm>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
