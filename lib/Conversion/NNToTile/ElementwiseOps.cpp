//===- ElementwiseOps.cpp - nn elementwise ops as tile vector ops ---------===//

#include "ElementwiseOps.h"
#include "TypedElementwise.h"

#include "FloatMath.h"

#include "tile/TileOps.h"

#include "llvm/ADT/TypeSwitch.h"

#include <type_traits>

using namespace mlir;
using namespace ascend;

LogicalResult ascend::emitElementwise(Operation *op, ArrayRef<Operand> in,
                                      Value dst, TileEmitter &e) {
  using namespace tile;
  auto both = [&]() { return in[0].buffer && in[1].buffer; };
  auto nodeError = [&](const Twine &what) {
    return op->emitError() << "cannot lower " << op->getName() << " to "
                           << "vector instructions: " << what;
  };
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](nn::AddOp) -> LogicalResult {
        if (both())
          e.binary<VAddOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VAddsOp>(in[0].buffer, *in[1].scalar, dst);
        else
          e.scalar<VAddsOp>(in[1].buffer, *in[0].scalar, dst);
        return success();
      })
      .Case([&](nn::MulOp) -> LogicalResult {
        if (both())
          e.binary<VMulOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VMulsOp>(in[0].buffer, *in[1].scalar, dst);
        else
          e.scalar<VMulsOp>(in[1].buffer, *in[0].scalar, dst);
        return success();
      })
      .Case([&](nn::SubOp) -> LogicalResult {
        if (both())
          e.binary<VSubOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VAddsOp>(in[0].buffer, -*in[1].scalar, dst);
        else {
          e.scalar<VMulsOp>(in[1].buffer, -1.0, dst);
          e.scalar<VAddsOp>(dst, *in[0].scalar, dst);
        }
        return success();
      })
      .Case([&](nn::DivOp) -> LogicalResult {
        if (both())
          e.binary<VDivOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VMulsOp>(in[0].buffer, 1.0 / *in[1].scalar, dst);
        else {
          e.unary<VRecOp>(in[1].buffer, dst);
          e.scalar<VMulsOp>(dst, *in[0].scalar, dst);
        }
        return success();
      })
      .Case<nn::MaxOp, nn::MinOp>([&](auto minMax) -> LogicalResult {
        bool isMax = isa<nn::MaxOp>(op);
        Value x = in[0].buffer ? in[0].buffer : in[1].buffer;
        std::optional<double> c = in[0].buffer ? in[1].scalar : in[0].scalar;
        if (both()) {
          if (isMax)
            e.binary<VMaxOp>(in[0].buffer, in[1].buffer, dst);
          else
            e.binary<VMinOp>(in[0].buffer, in[1].buffer, dst);
        } else if (isMax) {
          e.scalar<VMaxsOp>(x, *c, dst);
        } else {
          e.scalar<VMinsOp>(x, *c, dst);
        }
        return success();
      })
      .Case([&](nn::ReluOp) {
        e.unary<VReluOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::ExpOp) {
        e.unary<VExpOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::LogOp) {
        e.unary<VLnOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::AbsOp) {
        e.unary<VAbsOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::SqrtOp) {
        e.unary<VSqrtOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::ReciprocalOp) {
        e.unary<VRecOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::NegOp) {
        e.scalar<VMulsOp>(in[0].buffer, -1.0, dst);
        return success();
      })
      .Case([&](nn::SigmoidOp) {
        // 1 / (1 + exp(-x))
        e.scalar<VMulsOp>(in[0].buffer, -1.0, dst);
        e.unary<VExpOp>(dst, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VRecOp>(dst, dst);
        return success();
      })
      .Case([&](nn::TanhOp) {
        // 2 / (1 + exp(-2x)) - 1
        e.scalar<VMulsOp>(in[0].buffer, -2.0, dst);
        e.unary<VExpOp>(dst, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VRecOp>(dst, dst);
        e.scalar<VMulsOp>(dst, 2.0, dst);
        e.scalar<VAddsOp>(dst, -1.0, dst);
        return success();
      })
      .Case([&](nn::PowOp) -> LogicalResult {
        if (in[0].buffer && in[1].scalar &&
            emitExactPow(in[0].buffer, *in[1].scalar, dst, e))
          return success();
        if (!in[0].buffer && !in[1].buffer)
          return nodeError("two constant operands");
        if (e.scratch.size() < 2)
          return nodeError("needs two scratch buffers");
        emitPow(in[0], in[1], dst, e);
        return success();
      })
      .Case([&](nn::SoftsignOp) {
        // x / (1 + |x|)
        e.unary<VAbsOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.binary<VDivOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case<nn::EluOp, nn::SeluOp>([&](auto elu) -> LogicalResult {
        // x > 0 ? x : alpha * (exp(x) - 1), times gamma for selu.
        double alpha = elu.getAlphaAttr().getValueAsDouble();
        double gamma = 1.0;
        if constexpr (std::is_same_v<decltype(elu), nn::SeluOp>)
          gamma = elu.getGammaAttr().getValueAsDouble();
        if (alpha <= 0)
          return nodeError("alpha must be positive");
        e.unary<VExpOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, -1.0, dst);
        e.scalar<VMulsOp>(dst, alpha, dst);
        e.scalar<VMinsOp>(dst, 0.0, dst);
        if (alpha <= 1 && gamma == 1.0) {
          // alpha * (exp(x) - 1) > x for x < 0 when alpha <= 1: a max picks
          // the right branch without scratch.
          e.binary<VMaxOp>(in[0].buffer, dst, dst);
          return success();
        }
        // relu(x) + min(alpha * (exp(x) - 1), 0) holds for every alpha > 0.
        if (e.scratch.empty())
          return nodeError("needs a scratch buffer (alpha > 1 or selu)");
        e.unary<VReluOp>(in[0].buffer, e.scratch[0]);
        e.binary<VAddOp>(dst, e.scratch[0], dst);
        if (gamma != 1.0)
          e.scalar<VMulsOp>(dst, gamma, dst);
        return success();
      })
      .Case([&](nn::SoftplusOp) {
        // log(1 + exp(x))
        e.unary<VExpOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VLnOp>(dst, dst);
        return success();
      })
      .Case([&](nn::LeakyReluOp leaky) -> LogicalResult {
        double alpha = leaky.getAlphaAttr().getValueAsDouble();
        if (alpha < 0 || alpha > 1)
          return nodeError("alpha outside [0, 1]");
        // max(x, alpha * x) for 0 <= alpha <= 1
        e.scalar<VMulsOp>(in[0].buffer, alpha, dst);
        e.binary<VMaxOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::HardSigmoidOp hard) {
        e.scalar<VMulsOp>(in[0].buffer, hard.getAlphaAttr().getValueAsDouble(),
                          dst);
        e.scalar<VAddsOp>(dst, hard.getBetaAttr().getValueAsDouble(), dst);
        e.scalar<VMaxsOp>(dst, 0.0, dst);
        e.scalar<VMinsOp>(dst, 1.0, dst);
        return success();
      })
      .Case([&](nn::HardSwishOp) {
        e.scalar<VMulsOp>(in[0].buffer, 1.0 / 6.0, dst);
        e.scalar<VAddsOp>(dst, 0.5, dst);
        e.scalar<VMaxsOp>(dst, 0.0, dst);
        e.scalar<VMinsOp>(dst, 1.0, dst);
        e.binary<VMulOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::ClipOp clip) {
        Value src = in[0].buffer;
        if (auto min = clip.getMinAttr()) {
          e.scalar<VMaxsOp>(src, min.getValueAsDouble(), dst);
          src = dst;
        }
        if (auto max = clip.getMaxAttr()) {
          e.scalar<VMinsOp>(src, max.getValueAsDouble(), dst);
          src = dst;
        }
        if (src != dst)
          e.scalar<VAddsOp>(src, 0.0, dst);
        return success();
      })
      // Float math composites (see FloatMath.cpp).
      .Case([&](nn::ErfOp) -> LogicalResult {
        if (e.scratch.size() < 2)
          return nodeError("needs two scratch buffers");
        emitErf(in[0].buffer, dst, e);
        return success();
      })
      .Case<nn::SinOp, nn::CosOp>([&](auto) -> LogicalResult {
        if (e.scratch.size() < 2)
          return nodeError("needs two scratch buffers");
        emitSinCos(in[0].buffer, isa<nn::CosOp>(op), dst, e);
        return success();
      })
      .Case([&](nn::SignOp) {
        emitSign(in[0].buffer, dst, e);
        return success();
      })
      .Case([&](nn::ThresholdedReluOp relu) {
        emitThresholdedRelu(in[0].buffer,
                            relu.getAlphaAttr().getValueAsDouble(), dst, e);
        return success();
      })
      .Case([&](nn::PReluOp) -> LogicalResult {
        // relu(x) + slope * min(x, 0)
        if (e.scratch.empty())
          return nodeError("needs a scratch buffer");
        if (!in[0].buffer)
          return nodeError("a constant input is not supported");
        e.scalar<VMinsOp>(in[0].buffer, 0.0, dst);
        if (in[1].buffer)
          e.binary<VMulOp>(dst, in[1].buffer, dst);
        else
          e.scalar<VMulsOp>(dst, *in[1].scalar, dst);
        e.unary<VReluOp>(in[0].buffer, e.scratch[0]);
        e.binary<VAddOp>(dst, e.scratch[0], dst);
        return success();
      })
      .Default([&](Operation *) { return nodeError("unsupported op"); });
}

bool ascend::isSupportedElementwise(Operation *op) {
  return isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp, nn::MaxOp, nn::MinOp,
             nn::ReluOp, nn::ExpOp, nn::LogOp, nn::AbsOp, nn::SqrtOp,
             nn::ReciprocalOp, nn::NegOp, nn::SigmoidOp, nn::TanhOp, nn::PowOp,
             nn::SoftplusOp, nn::SoftsignOp, nn::EluOp, nn::SeluOp,
             nn::LeakyReluOp, nn::HardSigmoidOp, nn::HardSwishOp, nn::ClipOp,
             nn::ErfOp, nn::PReluOp, nn::SinOp, nn::CosOp, nn::SignOp,
             nn::ThresholdedReluOp>(op);
}

bool ascend::isSupportedCast(Operation *op) {
  auto castOp = dyn_cast<nn::CastOp>(op);
  if (!castOp)
    return false;
  auto isFloat = [](Value v) {
    Type elem = cast<ShapedType>(v.getType()).getElementType();
    return elem.isF32() || elem.isF16();
  };
  return isFloat(castOp->getOperand(0)) && isFloat(castOp->getResult(0));
}

LogicalResult ascend::checkElementwiseKernel(nn::KernelOp kernel,
                                             bool allowCasts) {
  Block &body = kernel.getBody().front();
  // Typed ops (integers, bools, rounding) compute any element type.
  bool typed = llvm::any_of(body.without_terminator(), [](Operation &op) {
    return isTypedElementwise(&op);
  });
  Type elem =
      cast<RankedTensorType>(kernel.getResult(0).getType()).getElementType();
  if (!(allowCasts && typed) && !elem.isF32() && !elem.isF16())
    return kernel.emitError("elementwise kernels on ")
           << elem << " are not supported yet";
  for (Operation &op : body.without_terminator())
    if (!isSupportedElementwise(&op) &&
        !(allowCasts && (isSupportedCast(&op) || isTypedElementwise(&op))))
      return op.emitError()
             << "cannot lower " << op.getName() << " to the tile level yet";
  return success();
}

SmallVector<unsigned> ascend::getLoadOrder(Block &body,
                                           ArrayRef<Value> inputs) {
  DenseMap<Value, unsigned> lastUse;
  for (auto [index, op] : llvm::enumerate(body.without_terminator()))
    for (Value v : op.getOperands())
      lastUse[v] = index;
  SmallVector<unsigned> order;
  for (unsigned i = 0; i < inputs.size(); ++i)
    order.push_back(i);
  llvm::stable_sort(order, [&](unsigned a, unsigned b) {
    return lastUse.lookup(inputs[a]) > lastUse.lookup(inputs[b]);
  });
  return order;
}

unsigned ascend::scratchCount(Operation *op,
                              ArrayRef<std::optional<double>> scalars) {
  if (auto elu = dyn_cast<nn::EluOp>(op))
    return elu.getAlphaAttr().getValueAsDouble() > 1;
  if (isa<nn::SeluOp, nn::PReluOp>(op))
    return 1;
  if (isa<nn::ErfOp, nn::SinOp, nn::CosOp>(op))
    return 2;
  if (isa<nn::PowOp>(op) && !isTypedElementwise(op)) {
    // A constant exponent with an exact form needs none (integer pow uses
    // typed scratch).
    auto arg = dyn_cast<BlockArgument>(op->getOperand(1));
    std::optional<double> y =
        arg ? scalars[arg.getArgNumber()] : std::optional<double>();
    return y && hasExactPow(*y) ? 0 : 2;
  }
  return 0;
}
