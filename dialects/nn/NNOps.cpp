//===- NNOps.cpp - Operations of the nn dialect ---------------------------===//

#include "nn/NNOps.h"
#include "nn/NNLayout.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace ascend::nn;

static std::string shapeToString(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleaveComma(shape, os);
  os << "]";
  return s;
}

LogicalResult ascend::nn::verifyBroadcastingOp(Operation *op, bool boolResult) {
  auto lhs = cast<RankedTensorType>(op->getOperand(0).getType());
  auto rhs = cast<RankedTensorType>(op->getOperand(1).getType());
  auto result = cast<RankedTensorType>(op->getResult(0).getType());
  Type resultElem =
      boolResult ? IntegerType::get(op->getContext(), 1) : lhs.getElementType();
  if (lhs.getElementType() != rhs.getElementType() ||
      resultElem != result.getElementType())
    return op->emitOpError("operands and result must have one element type, "
                           "got ")
           << lhs.getElementType() << ", " << rhs.getElementType() << " -> "
           << result.getElementType();
  SmallVector<int64_t> expected;
  if (!OpTrait::util::getBroadcastedShape(lhs.getShape(), rhs.getShape(),
                                          expected))
    return op->emitOpError("operand shapes ")
           << shapeToString(lhs.getShape()) << " and "
           << shapeToString(rhs.getShape()) << " do not broadcast";
  if (ArrayRef<int64_t>(expected) != result.getShape())
    return op->emitOpError("result shape ")
           << shapeToString(result.getShape()) << " is not the broadcast shape "
           << shapeToString(expected);
  return success();
}

/// Checks that `shape` broadcasts to `target` (ONNX unidirectional
/// broadcasting).
static bool broadcastsTo(ArrayRef<int64_t> shape, ArrayRef<int64_t> target) {
  SmallVector<int64_t> b;
  return OpTrait::util::getBroadcastedShape(shape, target, b) &&
         ArrayRef<int64_t>(b) == target;
}

static LogicalResult checkResultShape(Operation *op, ArrayRef<int64_t> expected,
                                      unsigned result = 0) {
  auto ty = cast<ShapedType>(op->getResult(result).getType());
  if (ty.getShape() != expected)
    return op->emitOpError("result shape ")
           << shapeToString(ty.getShape()) << " should be "
           << shapeToString(expected);
  return success();
}

static LogicalResult checkSameElementType(Operation *op) {
  Type elemTy = getElementTypeOrSelf(op->getOperand(0).getType());
  for (Value v : op->getOperands())
    if (getElementTypeOrSelf(v.getType()) != elemTy)
      return op->emitOpError("operands and results must have one element "
                             "type");
  for (Value v : op->getResults())
    if (getElementTypeOrSelf(v.getType()) != elemTy)
      return op->emitOpError("operands and results must have one element "
                             "type");
  return success();
}

LogicalResult PReluOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  if (!broadcastsTo(getSlope().getType().getShape(),
                    getInput().getType().getShape()))
    return emitOpError("slope shape ")
           << shapeToString(getSlope().getType().getShape())
           << " does not broadcast to input shape "
           << shapeToString(getInput().getType().getShape());
  return checkResultShape(*this, getInput().getType().getShape());
}

LogicalResult WhereOp::verify() {
  if (getLhs().getType().getElementType() !=
          getRhs().getType().getElementType() ||
      getLhs().getType().getElementType() != getType().getElementType())
    return emitOpError("lhs, rhs and result must have one element type");
  SmallVector<int64_t> shape1, shape;
  if (!OpTrait::util::getBroadcastedShape(getCondition().getType().getShape(),
                                          getLhs().getType().getShape(),
                                          shape1) ||
      !OpTrait::util::getBroadcastedShape(shape1, getRhs().getType().getShape(),
                                          shape))
    return emitOpError("operand shapes do not broadcast");
  return checkResultShape(*this, shape);
}

LogicalResult ClipOp::verify() {
  if (getMin() && getMax() &&
      getMin()->convertToDouble() > getMax()->convertToDouble())
    return emitOpError("min ")
           << getMin()->convertToDouble() << " is greater than max "
           << getMax()->convertToDouble();
  return success();
}

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulOp::verify() {
  auto lhsTy = getLhs().getType(), rhsTy = getRhs().getType();
  if (lhsTy.getElementType() != rhsTy.getElementType() ||
      lhsTy.getElementType() != getType().getElementType())
    return emitOpError("operands and result must have one element type");
  if (lhsTy.getRank() == 0 || rhsTy.getRank() == 0)
    return emitOpError("operands must have rank >= 1");

  // numpy promotion: a 1-D lhs is [1, K], a 1-D rhs is [K, 1].
  SmallVector<int64_t> lhs(lhsTy.getShape()), rhs(rhsTy.getShape());
  bool lhsVector = lhs.size() == 1, rhsVector = rhs.size() == 1;
  if (lhsVector)
    lhs.insert(lhs.begin(), 1);
  if (rhsVector)
    rhs.push_back(1);
  int64_t k = lhs.back(), k2 = rhs[rhs.size() - 2];
  if (k != k2)
    return emitOpError("contracting dimensions differ: lhs has ")
           << k << ", rhs has " << k2;

  SmallVector<int64_t> batch;
  if (!OpTrait::util::getBroadcastedShape(ArrayRef(lhs).drop_back(2),
                                          ArrayRef(rhs).drop_back(2), batch))
    return emitOpError("batch dimensions do not broadcast");
  SmallVector<int64_t> expected(batch);
  if (!lhsVector)
    expected.push_back(lhs[lhs.size() - 2]);
  if (!rhsVector)
    expected.push_back(rhs.back());
  if (ArrayRef<int64_t>(expected) != getType().getShape())
    return emitOpError("result shape ")
           << shapeToString(getType().getShape()) << " should be "
           << shapeToString(expected);
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::verify() {
  auto inTy = getInput().getType(), wTy = getWeight().getType();
  Type elemTy = inTy.getElementType();
  if (wTy.getElementType() != elemTy || getType().getElementType() != elemTy ||
      (getBias() && getBias().getType().getElementType() != elemTy))
    return emitOpError("operands and result must have one element type");
  if (inTy.getRank() != 4 || wTy.getRank() != 4 || getType().getRank() != 4)
    return emitOpError("expects rank-4 NCHW input, MCHW weight and result");
  if (getStrides().size() != 2 || getDilations().size() != 2 ||
      getPads().size() != 4)
    return emitOpError("expects 2 strides, 2 dilations and 4 pads");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s <= 0; }) ||
      llvm::any_of(getDilations(), [](int64_t d) { return d <= 0; }))
    return emitOpError("strides and dilations must be positive");
  if (llvm::any_of(getPads(), [](int64_t p) { return p < 0; }))
    return emitOpError("pads must be non-negative");

  int64_t group = getGroup();
  ArrayRef<int64_t> in = inTy.getShape(), w = wTy.getShape();
  if (in[1] % group != 0 || w[0] % group != 0)
    return emitOpError("input channels (")
           << in[1] << ") and output channels (" << w[0]
           << ") must be divisible by group " << group;
  if (w[1] * group != in[1])
    return emitOpError("weight has ")
           << w[1] << " input channels per group, expected " << in[1] / group;
  if (getBias() && getBias().getType().getShape() != ArrayRef<int64_t>{w[0]})
    return emitOpError("bias must have shape [") << w[0] << "]";

  SmallVector<int64_t> expected = {in[0], w[0]};
  for (int i = 0; i < 2; ++i) {
    int64_t padded = in[2 + i] + getPads()[i] + getPads()[i + 2];
    int64_t window = getDilations()[i] * (w[2 + i] - 1) + 1;
    if (padded < window)
      return emitOpError("kernel window ")
             << window << " exceeds padded input extent " << padded
             << " in spatial dimension " << i;
    expected.push_back((padded - window) / getStrides()[i] + 1);
  }
  if (ArrayRef<int64_t>(expected) != getType().getShape())
    return emitOpError("result shape ")
           << shapeToString(getType().getShape()) << " should be "
           << shapeToString(expected);
  return success();
}

//===----------------------------------------------------------------------===//
// GemmOp, ConvTransposeOp
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  auto aTy = getA().getType(), bTy = getB().getType();
  if (aTy.getRank() != 2 || bTy.getRank() != 2)
    return emitOpError("a and b must be matrices");
  int64_t m = aTy.getDimSize(getTransA() ? 1 : 0);
  int64_t k = aTy.getDimSize(getTransA() ? 0 : 1);
  int64_t k2 = bTy.getDimSize(getTransB() ? 1 : 0);
  int64_t n = bTy.getDimSize(getTransB() ? 0 : 1);
  if (k != k2)
    return emitOpError("contracting dimensions differ: a has ")
           << k << ", b has " << k2;
  if (getC() && !broadcastsTo(getC().getType().getShape(), {m, n}))
    return emitOpError("c shape ")
           << shapeToString(getC().getType().getShape())
           << " does not broadcast to [" << m << ", " << n << "]";
  return checkResultShape(*this, {m, n});
}

LogicalResult ConvTransposeOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  auto inTy = getInput().getType(), wTy = getWeight().getType();
  if (inTy.getRank() != 4 || wTy.getRank() != 4 || getType().getRank() != 4)
    return emitOpError("expects rank-4 NCHW input, CMHW weight and result");
  if (getStrides().size() != 2 || getDilations().size() != 2 ||
      getPads().size() != 4 || getOutputPadding().size() != 2)
    return emitOpError(
        "expects 2 strides, 2 dilations, 4 pads and 2 output paddings");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s <= 0; }) ||
      llvm::any_of(getDilations(), [](int64_t d) { return d <= 0; }))
    return emitOpError("strides and dilations must be positive");
  int64_t group = getGroup();
  ArrayRef<int64_t> in = inTy.getShape(), w = wTy.getShape();
  if (w[0] != in[1])
    return emitOpError("weight has ")
           << w[0] << " input channels, expected " << in[1];
  if (in[1] % group != 0)
    return emitOpError("input channels (")
           << in[1] << ") must be divisible by group " << group;
  int64_t outChannels = w[1] * group;
  if (getBias() &&
      getBias().getType().getShape() != ArrayRef<int64_t>{outChannels})
    return emitOpError("bias must have shape [") << outChannels << "]";
  SmallVector<int64_t> expected = {in[0], outChannels};
  for (int i = 0; i < 2; ++i)
    expected.push_back(getStrides()[i] * (in[2 + i] - 1) +
                       getOutputPadding()[i] +
                       (w[2 + i] - 1) * getDilations()[i] + 1 - getPads()[i] -
                       getPads()[i + 2]);
  return checkResultShape(*this, expected);
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

static LogicalResult checkChannelOperands(Operation *op, OperandRange params) {
  auto inTy = cast<RankedTensorType>(op->getOperand(0).getType());
  if (inTy.getRank() < 2)
    return op->emitOpError("input must have rank >= 2");
  int64_t c = inTy.getDimSize(1);
  for (Value v : params)
    if (cast<RankedTensorType>(v.getType()).getShape() != ArrayRef<int64_t>{c})
      return op->emitOpError("per-channel operands must have shape [")
             << c << "]";
  return checkResultShape(op, inTy.getShape());
}

LogicalResult BatchNormOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  return checkChannelOperands(*this, getOperands().drop_front());
}

/// Fails with "axis N is out of range" unless 0 <= axis < rank.
static LogicalResult checkAxis(Operation *op, int64_t axis, int64_t rank) {
  if (axis >= 0 && axis < rank)
    return success();
  return op->emitOpError("axis ") << axis << " is out of range";
}

LogicalResult InstanceNormOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  if (getInput().getType().getRank() < 3)
    return emitOpError("input must have rank >= 3");
  return checkChannelOperands(*this, getOperands().drop_front());
}

LogicalResult LayerNormOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  auto inTy = getInput().getType();
  int64_t axis = getAxis();
  if (failed(checkAxis(*this, axis, inTy.getRank())))
    return failure();
  ArrayRef<int64_t> normalized = inTy.getShape().drop_front(axis);
  if (!broadcastsTo(getScale().getType().getShape(), normalized) ||
      (getBias() && !broadcastsTo(getBias().getType().getShape(), normalized)))
    return emitOpError("scale and bias must broadcast to ")
           << shapeToString(normalized);
  if (!getStats().empty()) {
    if (getStats().size() != 2)
      return emitOpError("stats must be a mean and an inverse standard "
                         "deviation");
    // The normalized dimensions are kept with size 1.
    SmallVector<int64_t> statShape(inTy.getShape());
    std::fill(statShape.begin() + axis, statShape.end(), 1);
    if (failed(checkResultShape(*this, statShape, 1)) ||
        failed(checkResultShape(*this, statShape, 2)))
      return failure();
  }
  return checkResultShape(*this, inTy.getShape());
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

int64_t ascend::nn::getWindowOutputSize(int64_t in, int64_t padBegin,
                                        int64_t padEnd, int64_t kernel,
                                        int64_t stride, int64_t dilation,
                                        bool ceilMode) {
  int64_t padded = in + padBegin + padEnd;
  int64_t window = dilation * (kernel - 1) + 1;
  if (padded < window)
    return 0;
  int64_t span = padded - window;
  int64_t out = (ceilMode ? llvm::divideCeil(span, stride) : span / stride) + 1;
  // In ceil mode the last window must start inside the input or left pad.
  if (ceilMode && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}

LogicalResult ascend::nn::verifyPoolOp(Operation *op, ArrayRef<int64_t> kernel,
                                       ArrayRef<int64_t> strides,
                                       ArrayRef<int64_t> pads,
                                       ArrayRef<int64_t> dilations,
                                       bool ceilMode) {
  if (failed(checkSameElementType(op)))
    return failure();
  auto inTy = cast<RankedTensorType>(op->getOperand(0).getType());
  int64_t spatial = inTy.getRank() - 2;
  if (spatial < 1)
    return op->emitOpError("input must have rank >= 3");
  if (int64_t(kernel.size()) != spatial || int64_t(strides.size()) != spatial ||
      int64_t(dilations.size()) != spatial ||
      int64_t(pads.size()) != 2 * spatial)
    return op->emitOpError("expects ")
           << spatial << " kernel sizes, strides and dilations and "
           << 2 * spatial << " pads";
  if (llvm::any_of(kernel, [](int64_t v) { return v <= 0; }) ||
      llvm::any_of(strides, [](int64_t v) { return v <= 0; }) ||
      llvm::any_of(dilations, [](int64_t v) { return v <= 0; }))
    return op->emitOpError(
        "kernel sizes, strides and dilations must be positive");
  if (llvm::any_of(pads, [](int64_t v) { return v < 0; }))
    return op->emitOpError("pads must be non-negative");
  SmallVector<int64_t> expected(inTy.getShape().take_front(2));
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t out =
        getWindowOutputSize(inTy.getDimSize(2 + i), pads[i], pads[spatial + i],
                            kernel[i], strides[i], dilations[i], ceilMode);
    if (out <= 0)
      return op->emitOpError("kernel window exceeds the padded input in "
                             "spatial dimension ")
             << i;
    expected.push_back(out);
  }
  return checkResultShape(op, expected);
}

LogicalResult ascend::nn::verifyGlobalPoolOp(Operation *op) {
  if (failed(checkSameElementType(op)))
    return failure();
  auto inTy = cast<RankedTensorType>(op->getOperand(0).getType());
  if (inTy.getRank() < 3)
    return op->emitOpError("input must have rank >= 3");
  SmallVector<int64_t> expected(inTy.getShape().take_front(2));
  expected.append(inTy.getRank() - 2, 1);
  return checkResultShape(op, expected);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

LogicalResult ascend::nn::verifyReduceOp(Operation *op, ArrayRef<int64_t> axes,
                                         bool keepdims) {
  auto inTy = cast<RankedTensorType>(op->getOperand(0).getType());
  auto outTy = cast<RankedTensorType>(op->getResult(0).getType());
  // (ArgMax/ArgMin results are indices, typed by their ODS constraint.)
  if (!isa<ArgMaxOp, ArgMinOp>(op) &&
      outTy.getElementType() != inTy.getElementType())
    return op->emitOpError("result must have the input's element type");
  for (auto [i, axis] : llvm::enumerate(axes)) {
    if (failed(checkAxis(op, axis, std::max<int64_t>(inTy.getRank(), 1))))
      return failure();
    if (i > 0 && axes[i - 1] >= axis)
      return op->emitOpError("axes must be sorted and unique");
  }
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < inTy.getRank(); ++d) {
    if (!llvm::is_contained(axes, d))
      expected.push_back(inTy.getDimSize(d));
    else if (keepdims)
      expected.push_back(1);
  }
  return checkResultShape(op, expected);
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

LogicalResult ShapeOp::verify() {
  return checkResultShape(*this, {getInput().getType().getRank()});
}

LogicalResult ReshapeOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  if (getInput().getType().getNumElements() != getType().getNumElements())
    return emitOpError("cannot reshape ")
           << shapeToString(getInput().getType().getShape()) << " to "
           << shapeToString(getType().getShape()) << ": element counts differ";
  return success();
}

LogicalResult TransposeOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> perm = getPerm(), in = getInput().getType().getShape();
  if (perm.size() != in.size())
    return emitOpError("perm has ")
           << perm.size() << " entries for a rank-" << in.size() << " input";
  SmallVector<bool> seen(in.size(), false);
  SmallVector<int64_t> expected;
  for (int64_t p : perm) {
    if (p < 0 || p >= int64_t(in.size()) || seen[p])
      return emitOpError("perm ")
             << shapeToString(perm) << " is not a permutation";
    seen[p] = true;
    expected.push_back(in[p]);
  }
  return checkResultShape(*this, expected);
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  if (failed(checkSameElementType(*this)))
    return failure();
  auto first = cast<RankedTensorType>(getInputs()[0].getType());
  int64_t axis = getAxis(), rank = first.getRank();
  if (failed(checkAxis(*this, axis, rank)))
    return failure();
  SmallVector<int64_t> expected(first.getShape());
  expected[axis] = 0;
  for (Value v : getInputs()) {
    auto ty = cast<RankedTensorType>(v.getType());
    if (ty.getRank() != rank)
      return emitOpError("inputs must have one rank");
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && ty.getDimSize(d) != first.getDimSize(d))
        return emitOpError("input shapes ")
               << shapeToString(first.getShape()) << " and "
               << shapeToString(ty.getShape()) << " differ off axis " << axis;
    expected[axis] += ty.getDimSize(axis);
  }
  return checkResultShape(*this, expected);
}

LogicalResult SplitOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  auto inTy = getInput().getType();
  int64_t axis = getAxis();
  if (failed(checkAxis(*this, axis, inTy.getRank())))
    return failure();
  int64_t total = 0;
  for (Value r : getResults()) {
    auto ty = cast<RankedTensorType>(r.getType());
    SmallVector<int64_t> expected(inTy.getShape());
    expected[axis] = ty.getRank() == inTy.getRank() ? ty.getDimSize(axis) : 0;
    if (ty.getShape() != ArrayRef<int64_t>(expected))
      return emitOpError("result shape ")
             << shapeToString(ty.getShape())
             << " differs from the input off axis " << axis;
    total += ty.getDimSize(axis);
  }
  if (total != inTy.getDimSize(axis))
    return emitOpError("results add up to ")
           << total << " along axis " << axis << ", input has "
           << inTy.getDimSize(axis);
  return success();
}

LogicalResult SliceOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  size_t rank = in.size();
  if (getStarts().size() != rank || getEnds().size() != rank ||
      getSteps().size() != rank)
    return emitOpError("expects ") << rank << " starts, ends and steps";
  SmallVector<int64_t> expected;
  for (size_t d = 0; d < rank; ++d) {
    int64_t start = getStarts()[d], end = getEnds()[d], step = getSteps()[d];
    if (step == 0)
      return emitOpError("steps must be non-zero");
    bool ok = step > 0 ? (0 <= start && start <= end && end <= in[d])
                       : (-1 <= end && end <= start && start <= in[d] - 1);
    if (!ok)
      return emitOpError("slice [") << start << ", " << end << ") step " << step
                                    << " is not normalized for dimension " << d
                                    << " of size " << in[d];
    expected.push_back(step > 0 ? llvm::divideCeil(end - start, step)
                                : llvm::divideCeil(start - end, -step));
  }
  return checkResultShape(*this, expected);
}

LogicalResult GatherOp::verify() {
  auto dataTy = getData().getType();
  if (dataTy.getElementType() != getType().getElementType())
    return emitOpError("result must have the data's element type");
  int64_t axis = getAxis();
  if (failed(checkAxis(*this, axis, dataTy.getRank())))
    return failure();
  SmallVector<int64_t> expected(dataTy.getShape().take_front(axis));
  llvm::append_range(expected, getIndices().getType().getShape());
  llvm::append_range(expected, dataTy.getShape().drop_front(axis + 1));
  return checkResultShape(*this, expected);
}

LogicalResult GatherElementsOp::verify() {
  auto dataTy = getData().getType();
  auto indicesTy = getIndices().getType();
  if (dataTy.getElementType() != getType().getElementType())
    return emitOpError("result must have the data's element type");
  int64_t axis = getAxis(), rank = dataTy.getRank();
  if (failed(checkAxis(*this, axis, rank)))
    return failure();
  if (indicesTy.getRank() != rank)
    return emitOpError("indices must have the data's rank ") << rank;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis && indicesTy.getDimSize(d) > dataTy.getDimSize(d))
      return emitOpError("indices dimension ")
             << d << " exceeds the data's " << dataTy.getDimSize(d);
  return checkResultShape(*this, indicesTy.getShape());
}

LogicalResult GatherNDOp::verify() {
  auto dataTy = getData().getType();
  auto indicesTy = getIndices().getType();
  if (dataTy.getElementType() != getType().getElementType())
    return emitOpError("result must have the data's element type");
  ArrayRef<int64_t> data = dataTy.getShape(), indices = indicesTy.getShape();
  int64_t b = getBatchDims();
  if (indices.empty())
    return emitOpError("indices must have rank at least 1");
  int64_t k = indices.back();
  if (b < 0 || b >= (int64_t)std::min(data.size(), indices.size()))
    return emitOpError("batch_dims ") << b << " must be below both ranks";
  if (data.take_front(b) != indices.take_front(b))
    return emitOpError("data and indices must share their batch dimensions");
  if (k < 1 || b + k > (int64_t)data.size())
    return emitOpError("index tuples of ")
           << k << " entries do not fit data of rank " << data.size()
           << " after " << b << " batch dimensions";
  SmallVector<int64_t> expected(indices.drop_back());
  llvm::append_range(expected, data.drop_front(b + k));
  return checkResultShape(*this, expected);
}

LogicalResult PadOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  if (getPads().size() != 2 * in.size())
    return emitOpError("expects ") << 2 * in.size() << " pads";
  if (getMode() != "constant" && getMode() != "reflect" && getMode() != "edge")
    return emitOpError("mode must be constant, reflect or edge, got '")
           << getMode() << "'";
  SmallVector<int64_t> expected;
  for (size_t d = 0; d < in.size(); ++d)
    expected.push_back(in[d] + getPads()[d] + getPads()[in.size() + d]);
  if (llvm::any_of(expected, [](int64_t v) { return v < 0; }))
    return emitOpError("pads crop below zero");
  return checkResultShape(*this, expected);
}

LogicalResult ResizeOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  if (getScales().size() != in.size())
    return emitOpError("expects ") << in.size() << " scales";
  if (getMode() != "nearest" && getMode() != "linear" && getMode() != "cubic")
    return emitOpError("mode must be nearest, linear or cubic, got '")
           << getMode() << "'";
  ArrayRef<int64_t> out = getType().getShape();
  for (size_t d = 0; d < in.size(); ++d) {
    if (getScales()[d] <= 0)
      return emitOpError("scales must be positive");
    // floor(in * scale); a scale derived from sizes (out / in, rounded to
    // f32) may land just below the integer.
    double exact = double(in[d]) * getScales()[d];
    int64_t expected = int64_t(std::floor(exact));
    if (out[d] != expected &&
        std::abs(exact - double(out[d])) > 1e-5 * std::max(1.0, exact))
      return emitOpError("result size ")
             << out[d] << " in dimension " << d << " should be " << expected
             << " (input " << in[d] << " x scale " << getScales()[d] << ")";
  }
  return success();
}

LogicalResult ExpandOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  if (!broadcastsTo(getInput().getType().getShape(), getType().getShape()))
    return emitOpError("input shape ")
           << shapeToString(getInput().getType().getShape())
           << " does not broadcast to " << shapeToString(getType().getShape());
  return success();
}

LogicalResult TileOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  if (getRepeats().size() != in.size())
    return emitOpError("expects ") << in.size() << " repeats";
  SmallVector<int64_t> expected;
  for (size_t d = 0; d < in.size(); ++d) {
    if (getRepeats()[d] < 0)
      return emitOpError("repeats must be non-negative");
    expected.push_back(in[d] * getRepeats()[d]);
  }
  return checkResultShape(*this, expected);
}

LogicalResult RangeOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  for (Value v : getOperands())
    if (cast<RankedTensorType>(v.getType()).getRank() != 0)
      return emitOpError("start, limit and delta must be scalars");
  if (getType().getRank() != 1)
    return emitOpError("result must be 1-D");
  return success();
}

LogicalResult DepthToSpaceOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  int64_t b = getBlocksize();
  if (in.size() != 4)
    return emitOpError("expects a rank-4 input");
  if (getMode() != "DCR" && getMode() != "CRD")
    return emitOpError("mode must be DCR or CRD");
  if (in[1] % (b * b) != 0)
    return emitOpError("channels (")
           << in[1] << ") must be divisible by blocksize^2 (" << b * b << ")";
  return checkResultShape(*this,
                          {in[0], in[1] / (b * b), in[2] * b, in[3] * b});
}

LogicalResult SpaceToDepthOp::verify() {
  if (failed(checkSameElementType(*this)))
    return failure();
  ArrayRef<int64_t> in = getInput().getType().getShape();
  int64_t b = getBlocksize();
  if (in.size() != 4)
    return emitOpError("expects a rank-4 input");
  if (in[2] % b != 0 || in[3] % b != 0)
    return emitOpError("spatial size must be divisible by blocksize ") << b;
  return checkResultShape(*this, {in[0], in[1] * b * b, in[2] / b, in[3] / b});
}

//===----------------------------------------------------------------------===//
// LayoutCastOp
//===----------------------------------------------------------------------===//

LogicalResult LayoutCastOp::verify() {
  auto inTy = getInput().getType(), outTy = getType();
  if (inTy.getElementType() != outTy.getElementType())
    return emitOpError("changes the element type");
  if (inTy.getShape() != outTy.getShape())
    return emitOpError("changes the logical shape ")
           << shapeToString(inTy.getShape()) << " to "
           << shapeToString(outTy.getShape()) << "; layouts are type encodings";
  Layout from = getFrom(), to = getTo();
  if (from == to)
    return emitOpError("converts layout '")
           << stringifyLayout(from) << "' to itself";
  for (auto [what, layout, type] : {std::make_tuple("operand", from, inTy),
                                    std::make_tuple("result", to, outTy)})
    if (isPackedLayout(layout) ? getLayout(type) != layout
                               : bool(type.getEncoding()))
      return emitOpError() << what << " type " << type << " is not in layout '"
                           << stringifyLayout(layout) << "'";
  bool supported = (from == Layout::NCHW && to == Layout::NC1HWC0) ||
                   (from == Layout::ND && to == Layout::FractalNZ);
  if (!supported && !(to == Layout::NCHW && from == Layout::NC1HWC0) &&
      !(to == Layout::ND && from == Layout::FractalNZ))
    return emitOpError("cannot convert layout '")
           << stringifyLayout(from) << "' to '" << stringifyLayout(to) << "'";
  return success();
}

//===----------------------------------------------------------------------===//
// KernelOp
//===----------------------------------------------------------------------===//

LogicalResult KernelOp::verifyRegions() {
  Block &body = getBody().front();
  if (body.getArgumentTypes() != getInputs().getTypes())
    return emitOpError("body arguments must match the kernel inputs");
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("body must end with nn.yield");
  if (yield.getValues().getTypes() != getResultTypes())
    return yield.emitOpError("yields ")
           << yield.getValues().size()
           << " values whose types must match the kernel results";
  return success();
}

#define GET_OP_CLASSES
#include "nn/NNOps.cpp.inc"
