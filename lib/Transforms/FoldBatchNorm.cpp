//===- FoldBatchNorm.cpp - Fold BatchNormalization into Conv/Gemm ---------===//

#include "ascend/Transforms/Passes.h"
#include "nn/NNConstants.h"
#include "nn/NNOps.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>
#include <limits>

namespace ascend {
#define GEN_PASS_DEF_NNFOLDBATCHNORM
#include "Transforms/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend::nn;

/// Name for a new weight: the old blob's name when there is one.
static std::string weightName(Value weight, StringRef fallback) {
  Attribute attr;
  if (matchPattern(weight, m_Constant(&attr)))
    if (auto res = dyn_cast<DenseResourceElementsAttr>(attr))
      return res.getRawHandle().getKey().str();
  return fallback.str();
}

namespace {
/// Per-channel factor f = scale / sqrt(var + eps) and shift
/// bias - mean * f of a batch norm with constant parameters.
struct BatchNormParams {
  SmallVector<double> factor, shift;
};
} // namespace

static std::optional<BatchNormParams> getParams(BatchNormOp bn) {
  auto scale = getAllConstantFloats(bn.getScale());
  auto bias = getAllConstantFloats(bn.getBias());
  auto mean = getAllConstantFloats(bn.getMean());
  auto var = getAllConstantFloats(bn.getVariance());
  if (!scale || !bias || !mean || !var)
    return std::nullopt;
  BatchNormParams p;
  double eps = bn.getEpsilon().convertToDouble();
  for (size_t c = 0; c < scale->size(); ++c) {
    double f = (*scale)[c] / std::sqrt((*var)[c] + eps);
    p.factor.push_back(f);
    p.shift.push_back((*bias)[c] - (*mean)[c] * f);
  }
  return p;
}

namespace {
struct FoldIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    auto conv = bn.getInput().getDefiningOp<ConvOp>();
    if (!conv || !conv->hasOneUse())
      return rewriter.notifyMatchFailure(bn, "input is not a single-use conv");
    std::optional<BatchNormParams> p = getParams(bn);
    auto weight = getAllConstantFloats(conv.getWeight());
    std::optional<SmallVector<double>> bias;
    if (conv.getBias() && !(bias = getAllConstantFloats(conv.getBias())))
      return rewriter.notifyMatchFailure(bn, "conv bias is not constant");
    if (!p || !weight)
      return rewriter.notifyMatchFailure(bn, "parameters are not constant");
    auto wTy = conv.getWeight().getType();
    int64_t channels = wTy.getDimSize(0);
    int64_t perChannel = wTy.getNumElements() / channels;
    for (int64_t m = 0; m < channels; ++m)
      for (int64_t k = 0; k < perChannel; ++k)
        (*weight)[m * perChannel + k] *= p->factor[m];
    SmallVector<double> newBias(channels);
    for (int64_t m = 0; m < channels; ++m)
      newBias[m] = (bias ? (*bias)[m] : 0.0) * p->factor[m] + p->shift[m];

    Location loc = rewriter.getFusedLoc({conv.getLoc(), bn.getLoc()});
    Value w = ConstantOp::create(
        rewriter, conv.getWeight().getLoc(),
        makeWeightAttr(wTy, *weight, weightName(conv.getWeight(), "weight")));
    auto biasTy = RankedTensorType::get({channels}, wTy.getElementType());
    Value b = ConstantOp::create(
        rewriter, loc,
        makeWeightAttr(biasTy, newBias,
                       conv.getBias() ? weightName(conv.getBias(), "bias")
                                      : "bias"));
    rewriter.replaceOpWithNewOp<ConvOp>(
        bn, bn.getType(), conv.getInput(), w, b, conv.getStridesAttr(),
        conv.getPadsAttr(), conv.getDilationsAttr(), conv.getGroupAttr());
    rewriter.eraseOp(conv);
    return success();
  }
};

struct FoldIntoGemm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    auto gemm = bn.getInput().getDefiningOp<GemmOp>();
    if (!gemm || !gemm->hasOneUse())
      return rewriter.notifyMatchFailure(bn, "input is not a single-use gemm");
    std::optional<BatchNormParams> p = getParams(bn);
    auto weight = getAllConstantFloats(gemm.getB());
    if (!p || !weight)
      return rewriter.notifyMatchFailure(bn, "parameters are not constant");
    auto bTy = gemm.getB().getType();
    int64_t n = gemm.getType().getDimSize(1);
    // c must be absent or vary only by column.
    std::optional<SmallVector<double>> c;
    if (gemm.getC()) {
      auto cTy = gemm.getC().getType();
      bool perColumn =
          cTy.getRank() == 0 ||
          (cTy.getRank() >= 1 && cTy.getNumElements() == cTy.getShape().back());
      if (!perColumn || !(c = getAllConstantFloats(gemm.getC())))
        return rewriter.notifyMatchFailure(bn, "c is not a constant row");
    }
    // Scale output column j of op(B).
    int64_t rows = bTy.getDimSize(0), cols = bTy.getDimSize(1);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t k = 0; k < cols; ++k)
        (*weight)[r * cols + k] *= p->factor[gemm.getTransB() ? r : k];
    double beta = gemm.getBeta().convertToDouble();
    SmallVector<double> newC(n);
    for (int64_t j = 0; j < n; ++j) {
      double cj = c ? (*c)[c->size() == 1 ? 0 : j] * beta : 0.0;
      newC[j] = cj * p->factor[j] + p->shift[j];
    }
    Location loc = rewriter.getFusedLoc({gemm.getLoc(), bn.getLoc()});
    Value b = ConstantOp::create(
        rewriter, gemm.getB().getLoc(),
        makeWeightAttr(bTy, *weight, weightName(gemm.getB(), "weight")));
    auto cTy = RankedTensorType::get({n}, bTy.getElementType());
    Value newCst =
        ConstantOp::create(rewriter, loc, makeWeightAttr(cTy, newC, "bias"));
    rewriter.replaceOpWithNewOp<GemmOp>(
        bn, bn.getType(), gemm.getA(), b, newCst, gemm.getAlphaAttr(),
        rewriter.getF32FloatAttr(1.0), gemm.getTransAAttr(),
        gemm.getTransBAttr());
    rewriter.eraseOp(gemm);
    return success();
  }
};

struct FoldBatchNormPass
    : ascend::impl::NNFoldBatchNormBase<FoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldIntoConv, FoldIntoGemm>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
