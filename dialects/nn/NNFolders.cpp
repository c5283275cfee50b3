//===- NNFolders.cpp - Folders and canonicalizations of nn ops ------------===//
//
// Folders evaluate ops on small constants (shape subgraphs: Shape, Gather,
// Concat, Slice, integer arithmetic, ...) and remove no-ops. They stop at
// kFoldElementLimit elements so that weights are never duplicated inline.
//
//===----------------------------------------------------------------------===//

#include "nn/NNConstants.h"
#include "nn/NNDialect.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <cmath>

using namespace mlir;
using namespace ascend::nn;

Operation *NNDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}

namespace {
/// A small constant tensor, widened: doubles for floats, int64 otherwise.
struct Values {
  bool isFloat = false;
  SmallVector<double> f;
  SmallVector<int64_t> i;

  size_t size() const { return isFloat ? f.size() : i.size(); }
  double asDouble(size_t k) const { return isFloat ? f[k] : double(i[k]); }
  int64_t asInt(size_t k) const { return isFloat ? int64_t(f[k]) : i[k]; }
  /// Appends element `k` of `from` (of the same kind).
  void push(const Values &from, size_t k) {
    if (isFloat)
      f.push_back(from.f[k]);
    else
      i.push_back(from.i[k]);
  }
};
} // namespace

static std::optional<Values> getValues(Attribute attr) {
  Values v;
  if (auto ints = getIntValues(attr)) {
    v.i = std::move(*ints);
    return v;
  }
  if (auto floats = getFloatValues(attr)) {
    v.isFloat = true;
    v.f = std::move(*floats);
    return v;
  }
  return std::nullopt;
}

static Attribute makeAttr(Type type, const Values &v) {
  auto tensorTy = cast<RankedTensorType>(type);
  if (v.isFloat)
    return makeFloatAttr(tensorTy, v.f);
  return makeIntAttr(tensorTy, v.i);
}

static bool isFoldable(Type type) {
  return cast<RankedTensorType>(type).getNumElements() <= kFoldElementLimit;
}

static SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = int64_t(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// For every element of `out`, the linear index of the element of a tensor
/// of shape `in` that broadcasts onto it.
static SmallVector<int64_t> getBroadcastSources(ArrayRef<int64_t> out,
                                                ArrayRef<int64_t> in) {
  int64_t n = 1;
  for (int64_t d : out)
    n *= d;
  SmallVector<int64_t> inStrides = getStrides(in), outStrides = getStrides(out);
  size_t offset = out.size() - in.size();
  SmallVector<int64_t> sources(n);
  for (int64_t k = 0; k < n; ++k) {
    int64_t src = 0;
    for (size_t d = 0; d < in.size(); ++d) {
      int64_t idx = (k / outStrides[offset + d]) % out[offset + d];
      if (in[d] != 1)
        src += idx * inStrides[d];
    }
    sources[k] = src;
  }
  return sources;
}

/// Folds an op whose result is fn(operand values...) element by element with
/// ONNX broadcasting. `fn` gets the operand values and element indices and
/// returns a double (for float results) or int64.
template <typename Fn>
static Attribute foldElementwise(Operation *op, ArrayRef<Attribute> operands,
                                 Fn fn) {
  Type resultTy = op->getResult(0).getType();
  if (!isFoldable(resultTy))
    return {};
  SmallVector<Values> values;
  SmallVector<SmallVector<int64_t>> sources;
  ArrayRef<int64_t> outShape = cast<RankedTensorType>(resultTy).getShape();
  for (auto [attr, operand] : llvm::zip(operands, op->getOperands())) {
    std::optional<Values> v = getValues(attr);
    if (!v)
      return {};
    values.push_back(std::move(*v));
    sources.push_back(getBroadcastSources(
        outShape, cast<RankedTensorType>(operand.getType()).getShape()));
  }
  Values result;
  result.isFloat =
      isa<FloatType>(cast<RankedTensorType>(resultTy).getElementType());
  int64_t n = cast<RankedTensorType>(resultTy).getNumElements();
  for (int64_t k = 0; k < n; ++k) {
    SmallVector<size_t, 3> idx;
    for (auto &s : sources)
      idx.push_back(s[k]);
    double r = fn(values, idx);
    if (result.isFloat)
      result.f.push_back(r);
    else
      result.i.push_back(int64_t(r));
  }
  return makeAttr(resultTy, result);
}

/// Folds a binary arithmetic op: float and integer versions of the operation.
template <typename FloatFn, typename IntFn>
static Attribute foldBinary(Operation *op, ArrayRef<Attribute> operands,
                            FloatFn ff, IntFn fi) {
  // Integer division by zero is undefined: leave it to run time.
  return foldElementwise(
      op, operands, [&](ArrayRef<Values> v, ArrayRef<size_t> idx) -> double {
        if (v[0].isFloat)
          return ff(v[0].f[idx[0]], v[1].f[idx[1]]);
        return double(fi(v[0].i[idx[0]], v[1].i[idx[1]]));
      });
}

static bool hasZero(Attribute attr) {
  std::optional<Values> v = getValues(attr);
  if (!v || v->isFloat)
    return false;
  return llvm::is_contained(v->i, 0);
}

OpFoldResult AddOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return x + y; },
      [](int64_t x, int64_t y) { return x + y; });
}
OpFoldResult SubOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return x - y; },
      [](int64_t x, int64_t y) { return x - y; });
}
OpFoldResult MulOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return x * y; },
      [](int64_t x, int64_t y) { return x * y; });
}
OpFoldResult DivOp::fold(FoldAdaptor a) {
  if (hasZero(a.getRhs()))
    return {};
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return x / y; },
      [](int64_t x, int64_t y) { return x / y; });
}
OpFoldResult PowOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return std::pow(x, y); },
      [](int64_t x, int64_t y) { return int64_t(std::pow(x, y)); });
}
OpFoldResult MaxOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return std::max(x, y); },
      [](int64_t x, int64_t y) { return std::max(x, y); });
}
OpFoldResult MinOp::fold(FoldAdaptor a) {
  return foldBinary(
      *this, a.getOperands(), [](double x, double y) { return std::min(x, y); },
      [](int64_t x, int64_t y) { return std::min(x, y); });
}

template <typename Cmp>
static Attribute foldCompare(Operation *op, ArrayRef<Attribute> operands,
                             Cmp cmp) {
  return foldElementwise(
      op, operands, [&](ArrayRef<Values> v, ArrayRef<size_t> idx) -> double {
        if (v[0].isFloat)
          return cmp(v[0].f[idx[0]], v[1].f[idx[1]]);
        return cmp(v[0].i[idx[0]], v[1].i[idx[1]]);
      });
}

OpFoldResult EqualOp::fold(FoldAdaptor a) {
  return foldCompare(*this, a.getOperands(),
                     [](auto x, auto y) { return x == y; });
}
OpFoldResult LessOp::fold(FoldAdaptor a) {
  return foldCompare(*this, a.getOperands(),
                     [](auto x, auto y) { return x < y; });
}
OpFoldResult GreaterOp::fold(FoldAdaptor a) {
  return foldCompare(*this, a.getOperands(),
                     [](auto x, auto y) { return x > y; });
}
OpFoldResult AndOp::fold(FoldAdaptor a) {
  return foldCompare(*this, a.getOperands(),
                     [](auto x, auto y) { return x && y; });
}
OpFoldResult OrOp::fold(FoldAdaptor a) {
  return foldCompare(*this, a.getOperands(),
                     [](auto x, auto y) { return x || y; });
}
OpFoldResult NotOp::fold(FoldAdaptor a) {
  return foldElementwise(*this, a.getOperands(),
                         [](ArrayRef<Values> v, ArrayRef<size_t> idx) {
                           return double(v[0].i[idx[0]] == 0);
                         });
}

OpFoldResult NegOp::fold(FoldAdaptor a) {
  return foldElementwise(*this, a.getOperands(),
                         [](ArrayRef<Values> v, ArrayRef<size_t> idx) {
                           return -v[0].asDouble(idx[0]);
                         });
}

OpFoldResult AbsOp::fold(FoldAdaptor a) {
  return foldElementwise(*this, a.getOperands(),
                         [](ArrayRef<Values> v, ArrayRef<size_t> idx) {
                           return std::abs(v[0].asDouble(idx[0]));
                         });
}

OpFoldResult WhereOp::fold(FoldAdaptor a) {
  return foldElementwise(
      *this, a.getOperands(), [](ArrayRef<Values> v, ArrayRef<size_t> idx) {
        return v[0].i[idx[0]] ? v[1].asDouble(idx[1]) : v[2].asDouble(idx[2]);
      });
}

OpFoldResult CastOp::fold(FoldAdaptor a) {
  if (getInput().getType() == getType())
    return getInput();
  Type outElem = getType().getElementType();
  return foldElementwise(*this, a.getOperands(),
                         [&](ArrayRef<Values> v, ArrayRef<size_t> idx) {
                           double x = v[0].asDouble(idx[0]);
                           if (outElem.isInteger(1))
                             return double(x != 0);
                           if (outElem.isInteger())
                             return std::trunc(x);
                           return x;
                         });
}

OpFoldResult IdentityOp::fold(FoldAdaptor) { return getInput(); }
OpFoldResult DropoutOp::fold(FoldAdaptor) { return getInput(); }
OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  return makeIntAttr(getType(), getInput().getType().getShape());
}

OpFoldResult SizeOp::fold(FoldAdaptor) {
  return makeIntAttr(getType(), {getInput().getType().getNumElements()});
}

OpFoldResult ReshapeOp::fold(FoldAdaptor a) {
  if (getInput().getType() == getType())
    return getInput();
  // reshape(reshape(x)) is one reshape of x.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(a.getInput()))
    return dense.reshape(getType());
  return {};
}

namespace {
/// reshape(constant) for any constant, including dense_resource weights that
/// the folder leaves alone: a constant of the new type with the same data.
struct ReshapeConstant : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    auto cst = op.getInput().getDefiningOp<ConstantOp>();
    auto res = cst ? dyn_cast<DenseResourceElementsAttr>(cst.getValue())
                   : DenseResourceElementsAttr();
    if (!res)
      return failure();
    auto attr =
        DenseResourceElementsAttr::get(op.getType(), res.getRawHandle());
    rewriter.replaceOpWithNewOp<ConstantOp>(op, attr);
    return success();
  }
};
} // namespace

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<ReshapeConstant>(context);
}

OpFoldResult LayoutCastOp::fold(FoldAdaptor a) {
  if (auto producer = getInput().getDefiningOp<LayoutCastOp>())
    if (producer.getFrom() == getTo() && producer.getTo() == getFrom())
      return producer.getInput();
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(a.getInput()))
    return DenseElementsAttr::getFromRawBuffer(getType(), dense.getRawData());
  if (auto res = dyn_cast_or_null<DenseResourceElementsAttr>(a.getInput()))
    return DenseResourceElementsAttr::get(getType(), res.getRawHandle());
  return {};
}

/// Folds an op whose every result element is one element of its constant
/// input (transpose, slice): `term(d, idx, inStrides)` is output dimension
/// d's share of the source offset at output index `idx` along d.
static OpFoldResult foldRearrangement(
    RankedTensorType inType, Attribute input, RankedTensorType type,
    function_ref<int64_t(size_t, int64_t, ArrayRef<int64_t>)> term) {
  if (!isFoldable(type))
    return {};
  std::optional<Values> v = getValues(input);
  if (!v)
    return {};
  ArrayRef<int64_t> outShape = type.getShape();
  SmallVector<int64_t> inStrides = getStrides(inType.getShape());
  SmallVector<int64_t> outStrides = getStrides(outShape);
  Values result;
  result.isFloat = v->isFloat;
  for (int64_t k = 0, n = type.getNumElements(); k < n; ++k) {
    int64_t src = 0;
    for (size_t d = 0; d < outShape.size(); ++d)
      src += term(d, (k / outStrides[d]) % outShape[d], inStrides);
    result.push(*v, src);
  }
  return makeAttr(type, result);
}

OpFoldResult TransposeOp::fold(FoldAdaptor a) {
  ArrayRef<int64_t> perm = getPerm();
  bool identity = true;
  for (auto [i, p] : llvm::enumerate(perm))
    identity &= int64_t(i) == p;
  if (identity)
    return getInput();
  return foldRearrangement(getInput().getType(), a.getInput(), getType(),
                           [&](size_t d, int64_t idx, ArrayRef<int64_t> in) {
                             return idx * in[perm[d]];
                           });
}

namespace {
/// transpose(transpose(x, p1), p2) is transpose(x, p1[p2[i]]).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto producer = op.getInput().getDefiningOp<TransposeOp>();
    if (!producer)
      return failure();
    SmallVector<int64_t> perm;
    for (int64_t p : op.getPerm())
      perm.push_back(producer.getPerm()[p]);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(),
                                             producer.getInput(), perm);
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
}

OpFoldResult ConcatOp::fold(FoldAdaptor a) {
  if (getInputs().size() == 1 && getInputs()[0].getType() == getType())
    return getInputs()[0];
  if (!isFoldable(getType()))
    return {};
  int64_t axis = getAxis();
  ArrayRef<int64_t> outShape = getType().getShape();
  // Outer blocks before the axis; each input contributes a contiguous chunk
  // of (its axis size x inner size) elements per block.
  int64_t outer = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= outShape[d];
  SmallVector<Values> values;
  SmallVector<int64_t> chunks;
  for (auto [attr, v] : llvm::zip(a.getInputs(), getInputs())) {
    std::optional<Values> vals = getValues(attr);
    if (!vals)
      return {};
    values.push_back(std::move(*vals));
    chunks.push_back(outer ? int64_t(values.back().size()) / outer : 0);
  }
  Values result;
  result.isFloat = values[0].isFloat;
  for (int64_t o = 0; o < outer; ++o)
    for (auto [vals, chunk] : llvm::zip(values, chunks))
      for (int64_t k = 0; k < chunk; ++k)
        result.push(vals, o * chunk + k);
  return makeAttr(getType(), result);
}

OpFoldResult SliceOp::fold(FoldAdaptor a) {
  if (getInput().getType() == getType() &&
      llvm::all_of(getSteps(), [](int64_t s) { return s == 1; }))
    return getInput();
  return foldRearrangement(getInput().getType(), a.getInput(), getType(),
                           [&](size_t d, int64_t idx, ArrayRef<int64_t> in) {
                             return (getStarts()[d] + idx * getSteps()[d]) *
                                    in[d];
                           });
}

OpFoldResult GatherOp::fold(FoldAdaptor a) {
  if (!isFoldable(getType()))
    return {};
  std::optional<Values> data = getValues(a.getData());
  std::optional<SmallVector<int64_t>> indices = getIntValues(a.getIndices());
  if (!data || !indices)
    return {};
  ArrayRef<int64_t> dataShape = getData().getType().getShape();
  int64_t axis = getAxis(), axisSize = dataShape[axis];
  int64_t inner = 1, outer = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= dataShape[d];
  for (size_t d = axis + 1; d < dataShape.size(); ++d)
    inner *= dataShape[d];
  Values result;
  result.isFloat = data->isFloat;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t index : *indices) {
      if (index < -axisSize || index >= axisSize)
        return {};
      if (index < 0)
        index += axisSize;
      for (int64_t k = 0; k < inner; ++k) {
        int64_t src = (o * axisSize + index) * inner + k;
        result.push(*data, src);
      }
    }
  return makeAttr(getType(), result);
}

OpFoldResult ExpandOp::fold(FoldAdaptor a) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto splat = dyn_cast_or_null<SplatElementsAttr>(a.getInput()))
    return splat.resizeSplat(getType());
  return foldElementwise(*this, a.getOperands(),
                         [](ArrayRef<Values> v, ArrayRef<size_t> idx) {
                           return v[0].asDouble(idx[0]);
                         });
}

OpFoldResult RangeOp::fold(FoldAdaptor a) {
  if (!isFoldable(getType()))
    return {};
  std::optional<Values> start = getValues(a.getStart()),
                        delta = getValues(a.getDelta());
  if (!start || !delta)
    return {};
  Values result;
  result.isFloat = start->isFloat;
  for (int64_t k = 0, n = getType().getNumElements(); k < n; ++k) {
    if (result.isFloat)
      result.f.push_back(start->f[0] + double(k) * delta->f[0]);
    else
      result.i.push_back(start->i[0] + k * delta->i[0]);
  }
  return makeAttr(getType(), result);
}
