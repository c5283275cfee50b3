//===- NNOps.cpp - Operations of the nn dialect ---------------------------===//

#include "nn/NNOps.h"

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

LogicalResult ascend::nn::verifyBroadcastingOp(Operation *op) {
  auto lhs = cast<RankedTensorType>(op->getOperand(0).getType());
  auto rhs = cast<RankedTensorType>(op->getOperand(1).getType());
  auto result = cast<RankedTensorType>(op->getResult(0).getType());
  if (lhs.getElementType() != rhs.getElementType() ||
      lhs.getElementType() != result.getElementType())
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
           << shapeToString(result.getShape())
           << " is not the broadcast shape " << shapeToString(expected);
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
// LayoutCastOp
//===----------------------------------------------------------------------===//

/// Elements per 32-byte block: the C0 of NC1HWC0 and the N0 of fractals.
static int64_t getBlockElements(Type elemTy) {
  unsigned bits = elemTy.getIntOrFloatBitWidth();
  return 256 / std::max(bits, 8u);
}

/// Shape of `shape` (in layout `from`) when rearranged to layout `to`, or
/// nothing when the pair is not a supported conversion.
static FailureOr<SmallVector<int64_t>>
getConvertedShape(ArrayRef<int64_t> shape, Layout from, Layout to,
                  int64_t c0) {
  if (from == Layout::NCHW && to == Layout::NC1HWC0 && shape.size() == 4)
    return SmallVector<int64_t>{shape[0], llvm::divideCeilSigned(shape[1], c0),
                                shape[2], shape[3], c0};
  if (from == Layout::ND && to == Layout::FractalNZ && shape.size() >= 2) {
    SmallVector<int64_t> result(shape.drop_back(2));
    int64_t m = shape[shape.size() - 2], n = shape.back();
    result.append({llvm::divideCeilSigned(n, c0), llvm::divideCeilSigned(m, int64_t(16)), 16, c0});
    return result;
  }
  return failure();
}

LogicalResult LayoutCastOp::verify() {
  auto inTy = getInput().getType(), outTy = getType();
  if (inTy.getElementType() != outTy.getElementType())
    return emitOpError("changes the element type");
  Layout from = getFrom(), to = getTo();
  if (from == to)
    return emitOpError("converts layout '")
           << stringifyLayout(from) << "' to itself";
  int64_t c0 = getBlockElements(inTy.getElementType());

  // Unpacking is checked by packing the result: the packed shape determines
  // the unpacked one only up to padding, so compare in the packed direction.
  bool packs = (from == Layout::NCHW || from == Layout::ND);
  ArrayRef<int64_t> plain = packs ? inTy.getShape() : outTy.getShape();
  ArrayRef<int64_t> packed = packs ? outTy.getShape() : inTy.getShape();
  Layout plainLayout = packs ? from : to, packedLayout = packs ? to : from;
  auto expected = getConvertedShape(plain, plainLayout, packedLayout, c0);
  if (failed(expected))
    return emitOpError("cannot convert layout '")
           << stringifyLayout(from) << "' to '" << stringifyLayout(to)
           << "' for a rank-" << inTy.getRank() << " tensor";
  if (ArrayRef<int64_t>(*expected) != packed)
    return emitOpError("'")
           << stringifyLayout(packedLayout) << "' shape "
           << shapeToString(packed) << " should be "
           << shapeToString(*expected) << " for '"
           << stringifyLayout(plainLayout) << "' shape "
           << shapeToString(plain);
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
