//===- OnnxOps.cpp - One handler per ONNX op ------------------------------===//
//
// Each handler maps one ONNX node, at any opset from 7 to 17, to the one
// normalized nn form: inputs that some opsets take as attributes become
// attributes (they must be constants, possibly after folding), auto_pad
// becomes explicit pads, negative axes become non-negative, variadic ops
// become chains of binary ops. Result types come from ONNX shape inference
// and are checked against what the handler built.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporterImpl.h"

#include "nn/NNConstants.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace ascend;
using namespace ascend::onnx_import;
namespace nn = ascend::nn;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

LogicalResult Importer::importNode(const onnx::NodeProto &proto) {
  Node node{proto, nodeLoc(proto), {}};
  for (const std::string &name : proto.input()) {
    if (name.empty()) {
      node.inputs.push_back(Value());
      continue;
    }
    FailureOr<Value> v = getValue(name, node.loc);
    if (failed(v))
      return failure();
    node.inputs.push_back(*v);
  }
  using Handler = LogicalResult (Importer::*)(Node &);
  Handler handler = llvm::StringSwitch<Handler>(proto.op_type())
#define ONNX_OP(NAME) .Case(#NAME, &Importer::import##NAME)
#include "OnnxOps.def"
                        .Default(nullptr);
  if (!handler)
    return error(node) << "unsupported op";
  currentNode = &proto;
  buildFailed = false;
  LogicalResult result = (this->*handler)(node);
  return failure(failed(result) || buildFailed);
}

Value Importer::finishBuild(Operation *op) {
  if (failed(mlir::verify(op, /*verifyRecursively=*/false))) {
    emitError(op->getLoc())
        << describe(*currentNode) << ": the imported op is invalid (see above)";
    op->erase();
    buildFailed = true;
    return {};
  }
  SmallVector<Value, 1> folded;
  if (succeeded(b.tryFold(op, folded)) && !folded.empty()) {
    op->erase();
    return folded.front();
  }
  return op->getResult(0);
}

/// Errors carry the node's location fused with the file's: printed, they
/// start with the file name, and the message names the node.
InFlightDiagnostic Importer::error(Node &node) {
  return emitError(FusedLoc::get(ctx, {node.loc, fileLoc()}))
         << describe(node.proto) << ": ";
}

FailureOr<RankedTensorType> Importer::outType(Node &node, unsigned i) {
  if (int(i) >= node.proto.output_size() || node.proto.output(i).empty())
    return error(node) << "output " << i << " is missing";
  return getType(node.proto.output(i), node.loc);
}

LogicalResult Importer::setResults(Node &node, ValueRange results) {
  if (buildFailed)
    return failure();
  for (auto [i, v] : llvm::enumerate(results)) {
    if (int(i) >= node.proto.output_size())
      break;
    const std::string &name = node.proto.output(i);
    if (name.empty())
      continue;
    // Check the handler against shape inference where it has a type.
    if (valueTypes.count(name)) {
      FailureOr<RankedTensorType> expected = getType(name, node.loc);
      if (failed(expected))
        return failure();
      if (*expected != v.getType())
        return error(node) << "output '" << name << "' was imported as "
                           << v.getType() << " but ONNX infers " << *expected;
    }
    values[name] = v;
  }
  return success();
}

const onnx::AttributeProto *Importer::attr(Node &node, StringRef name) {
  for (const auto &a : node.proto.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

int64_t Importer::attrInt(Node &node, StringRef name, int64_t def) {
  const onnx::AttributeProto *a = attr(node, name);
  return a ? a->i() : def;
}

float Importer::attrFloat(Node &node, StringRef name, float def) {
  const onnx::AttributeProto *a = attr(node, name);
  return a ? a->f() : def;
}

std::string Importer::attrString(Node &node, StringRef name, StringRef def) {
  const onnx::AttributeProto *a = attr(node, name);
  return a ? a->s() : def.str();
}

std::optional<SmallVector<int64_t>> Importer::attrInts(Node &node,
                                                       StringRef name) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return std::nullopt;
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}

std::optional<SmallVector<float>> Importer::attrFloats(Node &node,
                                                       StringRef name) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return std::nullopt;
  return SmallVector<float>(a->floats().begin(), a->floats().end());
}

FailureOr<SmallVector<int64_t>> Importer::constInts(Node &node, Value v,
                                                    StringRef what) {
  Attribute a;
  if (matchPattern(v, m_Constant(&a)))
    if (auto ints = nn::getIntValues(a, std::numeric_limits<int64_t>::max()))
      return *ints;
  return error(node) << what
                     << " must be a constant (or fold to one) to import";
}

FailureOr<SmallVector<double>> Importer::constFloats(Node &node, Value v,
                                                     StringRef what) {
  Attribute a;
  if (matchPattern(v, m_Constant(&a))) {
    if (auto floats =
            nn::getFloatValues(a, std::numeric_limits<int64_t>::max()))
      return *floats;
    if (auto ints = nn::getIntValues(a, std::numeric_limits<int64_t>::max()))
      return llvm::map_to_vector(*ints, [](int64_t i) { return double(i); });
  }
  return error(node) << what
                     << " must be a constant (or fold to one) to import";
}

FailureOr<int64_t> Importer::normalizeAxis(Node &node, int64_t axis,
                                           int64_t rank) {
  if (axis < -rank || axis >= std::max<int64_t>(rank, 1))
    return error(node) << "axis " << axis << " is out of range for rank "
                       << rank;
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
Importer::resolvePads(Node &node, ArrayRef<int64_t> in,
                      ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                      ArrayRef<int64_t> dilations) {
  size_t n = in.size();
  std::string autoPad = attrString(node, "auto_pad", "NOTSET");
  SmallVector<int64_t> pads(2 * n, 0);
  if (autoPad == "NOTSET") {
    if (auto p = attrInts(node, "pads")) {
      if (p->size() != 2 * n)
        return error(node) << "expects " << 2 * n << " pads, got " << p->size();
      pads = *p;
    }
    return pads;
  }
  if (autoPad == "VALID")
    return pads;
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return error(node) << "unknown auto_pad '" << autoPad << "'";
  for (size_t i = 0; i < n; ++i) {
    int64_t out = llvm::divideCeil(in[i], strides[i]);
    int64_t window = (kernel[i] - 1) * dilations[i] + 1;
    int64_t total =
        std::max<int64_t>(0, (out - 1) * strides[i] + window - in[i]);
    int64_t small = total / 2;
    pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
    pads[n + i] = total - pads[i];
  }
  return pads;
}

static RankedTensorType withShape(RankedTensorType t, ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, t.getElementType());
}

/// A rank-0 constant of `like`'s element type, broadcast by the binary ops.
static Value buildSplat(OpBuilder &b, Location loc, RankedTensorType like,
                        double value) {
  return nn::ConstantOp::create(
      b, loc, nn::makeFloatAttr(withShape(like, {}), {value}));
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

template <typename OpTy>
Value Importer::broadcastBinary(Location loc, Value lhs, Value rhs) {
  auto lt = cast<RankedTensorType>(lhs.getType());
  auto rt = cast<RankedTensorType>(rhs.getType());
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(lt.getShape(), rt.getShape(), shape))
    return {};
  Type elem = lt.getElementType();
  if constexpr (std::is_same_v<OpTy, nn::EqualOp> ||
                std::is_same_v<OpTy, nn::LessOp> ||
                std::is_same_v<OpTy, nn::GreaterOp>)
    elem = b.getI1Type();
  return build<OpTy>(loc, RankedTensorType::get(shape, elem), lhs, rhs);
}

/// Before opset 7, `broadcast = 1` with `axis` aligned rhs to lhs starting at
/// `axis`; numpy broadcasting aligns trailing dimensions, so rhs gets
/// trailing 1s.
LogicalResult Importer::alignLegacyBroadcast(Node &node, Value lhs,
                                             Value &rhs) {
  if (opsetVersion >= 7 || !attr(node, "axis"))
    return success();
  auto lt = cast<RankedTensorType>(lhs.getType());
  auto rt = cast<RankedTensorType>(rhs.getType());
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", 0), lt.getRank());
  if (failed(axis))
    return failure();
  int64_t trailing = lt.getRank() - *axis - rt.getRank();
  if (trailing < 0)
    return error(node) << "rhs does not fit lhs at axis " << *axis;
  SmallVector<int64_t> shape(rt.getShape());
  shape.append(trailing, 1);
  rhs = build<nn::ReshapeOp>(node.loc, withShape(rt, shape), rhs);
  return success(rhs != nullptr);
}

template <typename OpTy> LogicalResult Importer::importBinary(Node &node) {
  Value lhs = node.input(0), rhs = node.input(1);
  if (!lhs || !rhs)
    return error(node) << "expects two inputs";
  if (getElementTypeOrSelf(lhs.getType()) !=
      getElementTypeOrSelf(rhs.getType())) {
    // Only Pow allows a different exponent type; compute in the base's type.
    if (!std::is_same_v<OpTy, nn::PowOp>)
      return error(node) << "operand element types differ";
    auto rt = cast<RankedTensorType>(rhs.getType());
    rhs = build<nn::CastOp>(node.loc,
                            withShape(cast<RankedTensorType>(lhs.getType()), {})
                                .clone(rt.getShape()),
                            rhs);
  }
  if (failed(alignLegacyBroadcast(node, lhs, rhs)))
    return failure();
  Value v = broadcastBinary<OpTy>(node.loc, lhs, rhs);
  if (!v)
    return error(node) << "operand shapes do not broadcast";
  return setResults(node, v);
}

template <typename OpTy> LogicalResult Importer::importVariadic(Node &node) {
  SmallVector<Value> inputs;
  for (Value v : node.inputs)
    if (v)
      inputs.push_back(v);
  if (inputs.empty())
    return error(node) << "expects at least one input";
  Value acc = inputs[0];
  for (Value v : ArrayRef(inputs).drop_front()) {
    acc = broadcastBinary<OpTy>(node.loc, acc, v);
    if (!acc)
      return error(node) << "operand shapes do not broadcast";
  }
  return setResults(node, acc);
}

template <typename OpTy> LogicalResult Importer::importCompare(Node &node) {
  Value v = broadcastBinary<OpTy>(node.loc, node.input(0), node.input(1));
  if (!v)
    return error(node) << "operand shapes do not broadcast";
  return setResults(node, v);
}

template <typename OpTy> LogicalResult Importer::importUnary(Node &node) {
  Value x = node.input(0);
  return setResults(node, build<OpTy>(node.loc, x.getType(), x));
}

LogicalResult Importer::importAdd(Node &n) {
  return importBinary<nn::AddOp>(n);
}
LogicalResult Importer::importSub(Node &n) {
  return importBinary<nn::SubOp>(n);
}
LogicalResult Importer::importMul(Node &n) {
  return importBinary<nn::MulOp>(n);
}
LogicalResult Importer::importDiv(Node &n) {
  return importBinary<nn::DivOp>(n);
}
LogicalResult Importer::importPow(Node &n) {
  return importBinary<nn::PowOp>(n);
}
LogicalResult Importer::importMax(Node &n) {
  return importVariadic<nn::MaxOp>(n);
}
LogicalResult Importer::importMin(Node &n) {
  return importVariadic<nn::MinOp>(n);
}
LogicalResult Importer::importSum(Node &n) {
  return importVariadic<nn::AddOp>(n);
}
LogicalResult Importer::importMean(Node &node) {
  if (failed(importVariadic<nn::AddOp>(node)))
    return failure();
  Value sum = values[node.proto.output(0)];
  auto ty = cast<RankedTensorType>(sum.getType());
  if (!isa<FloatType>(ty.getElementType()))
    return error(node) << "expects float inputs";
  int64_t count = llvm::count_if(node.inputs, [](Value v) { return bool(v); });
  Value divisor = buildSplat(b, node.loc, ty, count);
  return setResults(node, build<nn::DivOp>(node.loc, ty, sum, divisor));
}
LogicalResult Importer::importEqual(Node &n) {
  return importCompare<nn::EqualOp>(n);
}
LogicalResult Importer::importLess(Node &n) {
  return importCompare<nn::LessOp>(n);
}
LogicalResult Importer::importGreater(Node &n) {
  return importCompare<nn::GreaterOp>(n);
}
LogicalResult Importer::importAnd(Node &n) {
  return importBinary<nn::AndOp>(n);
}
LogicalResult Importer::importOr(Node &n) { return importBinary<nn::OrOp>(n); }
LogicalResult Importer::importNot(Node &n) { return importUnary<nn::NotOp>(n); }
// The composites below are exact, NaN included: x >= y is (x > y) or
// (x == y), and on booleans a xor b is not (a == b).
template <typename StrictOp> LogicalResult Importer::importOrEqual(Node &node) {
  Value strict =
      broadcastBinary<StrictOp>(node.loc, node.input(0), node.input(1));
  if (!strict)
    return error(node) << "operand shapes do not broadcast";
  Value equal =
      broadcastBinary<nn::EqualOp>(node.loc, node.input(0), node.input(1));
  return setResults(node, broadcastBinary<nn::OrOp>(node.loc, strict, equal));
}
LogicalResult Importer::importGreaterOrEqual(Node &n) {
  return importOrEqual<nn::GreaterOp>(n);
}
LogicalResult Importer::importLessOrEqual(Node &n) {
  return importOrEqual<nn::LessOp>(n);
}
LogicalResult Importer::importXor(Node &n) {
  Value equal = broadcastBinary<nn::EqualOp>(n.loc, n.input(0), n.input(1));
  if (!equal)
    return error(n) << "operand shapes do not broadcast";
  return setResults(n, build<nn::NotOp>(n.loc, equal.getType(), equal));
}

LogicalResult Importer::importWhere(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node, build<nn::WhereOp>(node.loc, *ty, node.input(0),
                                             node.input(1), node.input(2)));
}

LogicalResult Importer::importRelu(Node &n) {
  return importUnary<nn::ReluOp>(n);
}
LogicalResult Importer::importSigmoid(Node &n) {
  return importUnary<nn::SigmoidOp>(n);
}
LogicalResult Importer::importTanh(Node &n) {
  return importUnary<nn::TanhOp>(n);
}
LogicalResult Importer::importExp(Node &n) { return importUnary<nn::ExpOp>(n); }
LogicalResult Importer::importLog(Node &n) { return importUnary<nn::LogOp>(n); }
LogicalResult Importer::importSqrt(Node &n) {
  return importUnary<nn::SqrtOp>(n);
}
LogicalResult Importer::importErf(Node &n) { return importUnary<nn::ErfOp>(n); }
LogicalResult Importer::importSin(Node &n) { return importUnary<nn::SinOp>(n); }
LogicalResult Importer::importCos(Node &n) { return importUnary<nn::CosOp>(n); }
LogicalResult Importer::importSign(Node &n) {
  return importUnary<nn::SignOp>(n);
}
LogicalResult Importer::importReciprocal(Node &n) {
  return importUnary<nn::ReciprocalOp>(n);
}
LogicalResult Importer::importFloor(Node &n) {
  return importUnary<nn::FloorOp>(n);
}
LogicalResult Importer::importCeil(Node &n) {
  return importUnary<nn::CeilOp>(n);
}
LogicalResult Importer::importSoftplus(Node &n) {
  return importUnary<nn::SoftplusOp>(n);
}
LogicalResult Importer::importSoftsign(Node &n) {
  return importUnary<nn::SoftsignOp>(n);
}
LogicalResult Importer::importHardSwish(Node &n) {
  return importUnary<nn::HardSwishOp>(n);
}
LogicalResult Importer::importNeg(Node &n) { return importUnary<nn::NegOp>(n); }
LogicalResult Importer::importAbs(Node &n) { return importUnary<nn::AbsOp>(n); }
LogicalResult Importer::importIdentity(Node &n) {
  return importUnary<nn::IdentityOp>(n);
}

LogicalResult Importer::importLeakyRelu(Node &node) {
  Value x = node.input(0);
  return setResults(node, build<nn::LeakyReluOp>(node.loc, x.getType(), x,
                                                 b.getF32FloatAttr(attrFloat(
                                                     node, "alpha", 0.01f))));
}

LogicalResult Importer::importElu(Node &node) {
  Value x = node.input(0);
  return setResults(
      node,
      build<nn::EluOp>(node.loc, x.getType(), x,
                       b.getF32FloatAttr(attrFloat(node, "alpha", 1.0f))));
}

LogicalResult Importer::importSelu(Node &node) {
  Value x = node.input(0);
  return setResults(
      node, build<nn::SeluOp>(node.loc, x.getType(), x,
                              b.getF32FloatAttr(attrFloat(
                                  node, "alpha", 1.67326319217681884765625f)),
                              b.getF32FloatAttr(attrFloat(
                                  node, "gamma", 1.05070102214813232421875f))));
}

LogicalResult Importer::importThresholdedRelu(Node &node) {
  Value x = node.input(0);
  return setResults(node,
                    build<nn::ThresholdedReluOp>(
                        node.loc, x.getType(), x,
                        b.getF32FloatAttr(attrFloat(node, "alpha", 1.0f))));
}

LogicalResult Importer::importCelu(Node &node) {
  // celu(x) = max(0, x) + min(0, alpha * (exp(x / alpha) - 1)); as
  // alpha * (exp(x / alpha) - 1) >= x everywhere, that is
  // max(x, min(alpha * (exp(x / alpha) - 1), 0)).
  Value x = node.input(0);
  auto ty = cast<RankedTensorType>(x.getType());
  if (!isa<FloatType>(ty.getElementType()))
    return error(node) << "only float inputs are supported";
  double alpha = attrFloat(node, "alpha", 1.0f);
  if (!(alpha > 0))
    return error(node) << "alpha must be positive";
  auto splat = [&](double v) { return buildSplat(b, node.loc, ty, v); };
  Value v = broadcastBinary<nn::MulOp>(node.loc, x, splat(1.0 / alpha));
  v = build<nn::ExpOp>(node.loc, ty, v);
  v = broadcastBinary<nn::SubOp>(node.loc, v, splat(1.0));
  v = broadcastBinary<nn::MulOp>(node.loc, v, splat(alpha));
  v = broadcastBinary<nn::MinOp>(node.loc, v, splat(0.0));
  return setResults(node, broadcastBinary<nn::MaxOp>(node.loc, x, v));
}

LogicalResult Importer::importHardSigmoid(Node &node) {
  Value x = node.input(0);
  return setResults(node,
                    build<nn::HardSigmoidOp>(
                        node.loc, x.getType(), x,
                        b.getF32FloatAttr(attrFloat(node, "alpha", 0.2f)),
                        b.getF32FloatAttr(attrFloat(node, "beta", 0.5f))));
}

LogicalResult Importer::importPRelu(Node &node) {
  Value x = node.input(0), slope = node.input(1);
  // Before opset 7 a 1-D slope of size C applied per channel (dimension 1);
  // numpy broadcasting needs it as [C, 1, ..., 1].
  auto xTy = cast<RankedTensorType>(x.getType());
  auto sTy = cast<RankedTensorType>(slope.getType());
  if (opsetVersion < 7 && sTy.getRank() == 1 && xTy.getRank() > 2 &&
      sTy.getDimSize(0) == xTy.getDimSize(1) && sTy.getDimSize(0) != 1) {
    SmallVector<int64_t> shape(xTy.getRank() - 1, 1);
    shape[0] = sTy.getDimSize(0);
    slope = build<nn::ReshapeOp>(node.loc, withShape(sTy, shape), slope);
  }
  return setResults(node, build<nn::PReluOp>(node.loc, x.getType(), x, slope));
}

LogicalResult Importer::importClip(Node &node) {
  Value x = node.input(0);
  FloatAttr minAttr, maxAttr;
  if (opsetVersion < 11) {
    if (attr(node, "min"))
      minAttr = b.getF32FloatAttr(attrFloat(node, "min", 0));
    if (attr(node, "max"))
      maxAttr = b.getF32FloatAttr(attrFloat(node, "max", 0));
  } else if (llvm::any_of(ArrayRef<unsigned>{1, 2}, [&](unsigned i) {
               return node.input(i) &&
                      !matchPattern(node.input(i), m_Constant());
             })) {
    return importRuntimeClip(node);
  } else {
    for (unsigned i : {1u, 2u}) {
      if (!node.input(i))
        continue;
      FailureOr<FloatAttr> bound = clipBound(node, i);
      if (failed(bound))
        return failure();
      (i == 1 ? minAttr : maxAttr) = *bound;
    }
  }
  return setResults(
      node, build<nn::ClipOp>(node.loc, x.getType(), x, minAttr, maxAttr));
}

FailureOr<FloatAttr> Importer::clipBound(Node &node, unsigned i) {
  FailureOr<SmallVector<double>> bound =
      constFloats(node, node.input(i), i == 1 ? "min" : "max");
  if (failed(bound))
    return failure();
  if (bound->size() != 1)
    return error(node) << "bounds must be scalars";
  return b.getF32FloatAttr((*bound)[0]);
}

/// A bound that is a runtime scalar tensor clips as min(max(x, lo), hi), in
/// the order nn.clip applies its bounds; a constant bound stays an nn.clip.
LogicalResult Importer::importRuntimeClip(Node &node) {
  Value x = node.input(0), v = x;
  for (unsigned i : {1u, 2u}) {
    Value in = node.input(i);
    if (!in)
      continue;
    if (matchPattern(in, m_Constant())) {
      FailureOr<FloatAttr> bound = clipBound(node, i);
      if (failed(bound))
        return failure();
      v = build<nn::ClipOp>(node.loc, x.getType(), v,
                            i == 1 ? *bound : FloatAttr(),
                            i == 2 ? *bound : FloatAttr());
      continue;
    }
    auto ty = cast<RankedTensorType>(in.getType());
    if (ty.getNumElements() != 1)
      return error(node) << "bounds must be scalars";
    if (ty.getElementType() != getElementTypeOrSelf(x.getType()))
      return error(node) << "bound and input element types differ";
    // Integer kernels take no operand broadcast along the last dimension
    // (typed-elementwise.md): the bound is expanded to x's shape first, a
    // move kernel of x's size.
    auto xTy = cast<RankedTensorType>(x.getType());
    if (xTy.getElementType().isInteger() && ty != xTy)
      in = build<nn::ExpandOp>(node.loc, withShape(ty, xTy.getShape()), in);
    v = i == 1 ? broadcastBinary<nn::MaxOp>(node.loc, v, in)
               : broadcastBinary<nn::MinOp>(node.loc, v, in);
    if (!v || v.getType() != x.getType())
      return error(node) << "bounds do not broadcast to the input";
  }
  return setResults(node, v);
}

LogicalResult Importer::importCast(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node, build<nn::CastOp>(node.loc, *ty, node.input(0)));
}

LogicalResult Importer::importDropout(Node &node) {
  bool training = false;
  if (opsetVersion >= 12 && node.input(2)) {
    FailureOr<SmallVector<int64_t>> mode =
        constInts(node, node.input(2), "training_mode");
    if (failed(mode))
      return failure();
    training = !mode->empty() && (*mode)[0] != 0;
  }
  if (training)
    return error(node) << "training mode is not supported";
  Value x = node.input(0);
  float ratio = attrFloat(node, "ratio", 0.5f);
  if (opsetVersion >= 12 && node.input(1)) {
    FailureOr<SmallVector<double>> r =
        constFloats(node, node.input(1), "ratio");
    if (failed(r))
      return failure();
    ratio = r->empty() ? 0.5f : float((*r)[0]);
  }
  SmallVector<Value> results = {
      build<nn::DropoutOp>(node.loc, x.getType(), x, b.getF32FloatAttr(ratio))};
  if (node.numOutputs() > 1 && !node.proto.output(1).empty()) {
    // In inference every element is kept.
    FailureOr<RankedTensorType> maskTy = outType(node, 1);
    if (failed(maskTy))
      return failure();
    results.push_back(nn::ConstantOp::create(
        b, node.loc,
        cast<ElementsAttr>(DenseElementsAttr::get(*maskTy, true))));
  }
  return setResults(node, results);
}

//===----------------------------------------------------------------------===//
// Cube ops
//===----------------------------------------------------------------------===//

LogicalResult Importer::importMatMul(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(
      node, build<nn::MatMulOp>(node.loc, *ty, node.input(0), node.input(1)));
}

LogicalResult Importer::importGemm(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(
      node, build<nn::GemmOp>(node.loc, *ty, node.input(0), node.input(1),
                              node.input(2),
                              b.getF32FloatAttr(attrFloat(node, "alpha", 1.0f)),
                              b.getF32FloatAttr(attrFloat(node, "beta", 1.0f)),
                              b.getBoolAttr(attrInt(node, "transA", 0)),
                              b.getBoolAttr(attrInt(node, "transB", 0))));
}

/// [N, C, L] -> [N, C, 1, L]: 1-D convolutions run as 2-D ones of height 1.
static SmallVector<int64_t> liftTo2d(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> lifted(shape);
  lifted.insert(lifted.begin() + 2, 1);
  return lifted;
}

LogicalResult Importer::importConv(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value x = node.input(0), w = node.input(1);
  auto inTy = cast<RankedTensorType>(x.getType());
  auto wTy = cast<RankedTensorType>(w.getType());
  int64_t spatial = inTy.getRank() - 2;
  if ((spatial != 1 && spatial != 2) || wTy.getRank() != inTy.getRank())
    return error(node) << "only 1-D and 2-D convolutions are supported, got "
                          "a rank-"
                       << inTy.getRank() << " input";
  SmallVector<int64_t> kernel(wTy.getShape().drop_front(2));
  SmallVector<int64_t> strides =
      attrInts(node, "strides").value_or(SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> dilations =
      attrInts(node, "dilations").value_or(SmallVector<int64_t>(spatial, 1));
  if (int64_t(strides.size()) != spatial ||
      int64_t(dilations.size()) != spatial)
    return error(node) << "expects " << spatial << " strides and dilations";
  FailureOr<SmallVector<int64_t>> pads = resolvePads(
      node, inTy.getShape().drop_front(2), kernel, strides, dilations);
  if (failed(pads))
    return failure();
  int64_t group = attrInt(node, "group", 1);
  if (spatial == 2)
    return setResults(node,
                      build<nn::ConvOp>(node.loc, *ty, x, w, node.input(2),
                                        strides, *pads, dilations, group));
  Value x2 = build<nn::ReshapeOp>(
      node.loc, withShape(inTy, liftTo2d(inTy.getShape())), x);
  Value w2 = build<nn::ReshapeOp>(node.loc,
                                  withShape(wTy, liftTo2d(wTy.getShape())), w);
  Value y =
      build<nn::ConvOp>(node.loc, withShape(*ty, liftTo2d(ty->getShape())), x2,
                        w2, node.input(2), SmallVector<int64_t>{1, strides[0]},
                        SmallVector<int64_t>{0, (*pads)[0], 0, (*pads)[1]},
                        SmallVector<int64_t>{1, dilations[0]}, group);
  return setResults(node, build<nn::ReshapeOp>(node.loc, *ty, y));
}

LogicalResult Importer::importConvTranspose(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value x = node.input(0), w = node.input(1);
  auto inTy = cast<RankedTensorType>(x.getType());
  auto wTy = cast<RankedTensorType>(w.getType());
  int64_t n = inTy.getRank() - 2;
  if ((n != 1 && n != 2) || wTy.getRank() != inTy.getRank())
    return error(node) << "only 1-D and 2-D transposed convolutions are "
                          "supported, got a rank-"
                       << inTy.getRank() << " input";
  SmallVector<int64_t> strides =
      attrInts(node, "strides").value_or(SmallVector<int64_t>(n, 1));
  SmallVector<int64_t> dilations =
      attrInts(node, "dilations").value_or(SmallVector<int64_t>(n, 1));
  SmallVector<int64_t> outPad =
      attrInts(node, "output_padding").value_or(SmallVector<int64_t>(n, 0));
  if (int64_t(strides.size()) != n || int64_t(dilations.size()) != n ||
      int64_t(outPad.size()) != n)
    return error(node) << "expects " << n
                       << " strides, dilations and output paddings";
  std::string autoPad = attrString(node, "auto_pad", "NOTSET");
  SmallVector<int64_t> pads(2 * n, 0);
  if (auto p = attrInts(node, "pads"); p && autoPad == "NOTSET") {
    if (int64_t(p->size()) != 2 * n)
      return error(node) << "expects " << 2 * n << " pads";
    pads = *p;
  } else if (autoPad != "VALID") {
    // output_shape or SAME_*: the padding that yields the inferred size.
    for (int64_t i = 0; i < n; ++i) {
      int64_t full = strides[i] * (inTy.getDimSize(2 + i) - 1) + outPad[i] +
                     (wTy.getDimSize(2 + i) - 1) * dilations[i] + 1;
      int64_t total = full - ty->getDimSize(2 + i);
      // A larger output_shape extends the output like output_padding.
      if (total < 0) {
        outPad[i] -= total;
        total = 0;
      }
      // Per the ONNX spec only SAME_UPPER puts the smaller half first.
      pads[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      pads[i + n] = total - pads[i];
    }
  }
  int64_t group = attrInt(node, "group", 1);
  if (n == 2)
    return setResults(node, build<nn::ConvTransposeOp>(
                                node.loc, *ty, x, w, node.input(2), strides,
                                pads, dilations, outPad, group));
  Value x2 = build<nn::ReshapeOp>(
      node.loc, withShape(inTy, liftTo2d(inTy.getShape())), x);
  Value w2 = build<nn::ReshapeOp>(node.loc,
                                  withShape(wTy, liftTo2d(wTy.getShape())), w);
  Value y = build<nn::ConvTransposeOp>(
      node.loc, withShape(*ty, liftTo2d(ty->getShape())), x2, w2, node.input(2),
      SmallVector<int64_t>{1, strides[0]},
      SmallVector<int64_t>{0, pads[0], 0, pads[1]},
      SmallVector<int64_t>{1, dilations[0]}, SmallVector<int64_t>{0, outPad[0]},
      group);
  return setResults(node, build<nn::ReshapeOp>(node.loc, *ty, y));
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

LogicalResult Importer::importBatchNormalization(Node &node) {
  if (attrInt(node, "training_mode", 0))
    return error(node) << "training mode is not supported";
  for (unsigned i = 1; i < node.numOutputs(); ++i)
    if (isUsed(node.proto.output(i)))
      return error(node) << "training outputs (running mean and variance) "
                            "are not supported";
  Value x = node.input(0);
  return setResults(node,
                    build<nn::BatchNormOp>(
                        node.loc, x.getType(), x, node.input(1), node.input(2),
                        node.input(3), node.input(4),
                        b.getF32FloatAttr(attrFloat(node, "epsilon", 1e-5f))));
}

LogicalResult Importer::importInstanceNormalization(Node &node) {
  Value x = node.input(0);
  return setResults(node,
                    build<nn::InstanceNormOp>(
                        node.loc, x.getType(), x, node.input(1), node.input(2),
                        b.getF32FloatAttr(attrFloat(node, "epsilon", 1e-5f))));
}

LogicalResult Importer::importLayerNormalization(Node &node) {
  Value x = node.input(0);
  auto ty = cast<RankedTensorType>(x.getType());
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", -1), ty.getRank());
  if (failed(axis))
    return failure();
  bool wantStats = false;
  for (unsigned i = 1; i < node.numOutputs(); ++i)
    wantStats |= isUsed(node.proto.output(i));
  // Mean and 1 / sqrt(variance + epsilon) over the normalized axes, kept as
  // size-1 dimensions.
  SmallVector<Type> statTypes;
  if (wantStats) {
    SmallVector<int64_t> statShape(ty.getShape());
    std::fill(statShape.begin() + *axis, statShape.end(), 1);
    statTypes.assign(2, withShape(ty, statShape));
  }
  Value y = build<nn::LayerNormOp>(
      node.loc, ty, statTypes, x, node.input(1), node.input(2),
      b.getI64IntegerAttr(*axis),
      b.getF32FloatAttr(attrFloat(node, "epsilon", 1e-5f)));
  if (!y)
    return failure();
  return setResults(node, y.getDefiningOp()->getResults());
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

template <typename OpTy> LogicalResult Importer::importPool(Node &node) {
  bool wantIndices = node.numOutputs() > 1 && isUsed(node.proto.output(1));
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  auto inTy = cast<RankedTensorType>(node.input(0).getType());
  if (inTy.getRank() < 3)
    return error(node) << "expects an input of rank >= 3";
  size_t n = inTy.getRank() - 2;
  if (wantIndices && n != 2)
    return error(node) << "the Indices output is supported for 2-D MaxPool "
                          "only, not "
                       << n << "-D";
  std::optional<SmallVector<int64_t>> kernel = attrInts(node, "kernel_shape");
  if (!kernel || kernel->size() != n)
    return error(node) << "expects " << n << " kernel_shape entries";
  SmallVector<int64_t> strides =
      attrInts(node, "strides").value_or(SmallVector<int64_t>(n, 1));
  SmallVector<int64_t> dilations =
      attrInts(node, "dilations").value_or(SmallVector<int64_t>(n, 1));
  if (strides.size() != n || dilations.size() != n)
    return error(node) << "expects " << n << " strides and dilations";
  FailureOr<SmallVector<int64_t>> pads = resolvePads(
      node, inTy.getShape().drop_front(2), *kernel, strides, dilations);
  if (failed(pads))
    return failure();
  bool ceil = attrInt(node, "ceil_mode", 0);
  bool includePad = attrInt(node, "count_include_pad", 0);
  // A 2-D pool of `x` with window `k`, strides `s`, pads [t, l, b, r] and
  // dilations `d`.
  auto pool2d = [&](Value x, ArrayRef<int64_t> k, ArrayRef<int64_t> s,
                    ArrayRef<int64_t> p, ArrayRef<int64_t> d) -> Value {
    if (!x) // an earlier op failed to verify
      return {};
    auto xTy = cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape(xTy.getShape().take_front(2));
    for (int i = 0; i < 2; ++i)
      shape.push_back(nn::getWindowOutputSize(
          xTy.getDimSize(2 + i), p[i], p[2 + i], k[i], s[i], d[i], ceil));
    if constexpr (std::is_same_v<OpTy, nn::AveragePoolOp>)
      return build<OpTy>(node.loc, withShape(xTy, shape), x, k, s, p, d, ceil,
                         includePad);
    else
      return build<OpTy>(node.loc, withShape(xTy, shape), x, k, s, p, d, ceil);
  };
  auto reshape = [&](Value x, ArrayRef<int64_t> shape) -> Value {
    if (!x)
      return {};
    return build<nn::ReshapeOp>(
        node.loc, withShape(cast<RankedTensorType>(x.getType()), shape), x);
  };
  ArrayRef<int64_t> in = inTy.getShape(), out = ty->getShape();
  ArrayRef<int64_t> p = *pads;
  Value x = node.input(0);
  bool narrowInt = inTy.getElementType().isInteger(8);
  x = castExactToF16(node, x);
  Value y;
  if (n == 2) {
    y = pool2d(x, *kernel, strides, p, dilations);
  } else if (n == 1) {
    // [N, C, W] pools as [N, C, 1, W], like a 1-D Conv.
    y = reshape(pool2d(reshape(x, liftTo2d(in)), {1, (*kernel)[0]},
                       {1, strides[0]}, {0, p[0], 0, p[1]}, {1, dilations[0]}),
                out);
  } else if (n == 3) {
    // A box window is separable, for the max, the sum and the count of its
    // elements alike (inside the image or the padded image): pool [H, W] of
    // every depth slice, then the depth of every output pixel.
    Value hw = pool2d(reshape(x, {in[0], in[1] * in[2], in[3], in[4]}),
                      {(*kernel)[1], (*kernel)[2]}, {strides[1], strides[2]},
                      {p[1], p[2], p[4], p[5]}, {dilations[1], dilations[2]});
    y = reshape(pool2d(reshape(hw, {in[0], in[1], in[2], out[3] * out[4]}),
                       {(*kernel)[0], 1}, {strides[0], 1}, {p[0], 0, p[3], 0},
                       {dilations[0], 1}),
                out);
  } else {
    return error(node) << n << "-D pooling is not supported";
  }
  Value indices;
  if (wantIndices) {
    FailureOr<RankedTensorType> indicesTy = outType(node, 1);
    if (failed(indicesTy))
      return failure();
    indices = maxPoolIndices(node, x, y, *indicesTy, *kernel, strides, p,
                             dilations, attrInt(node, "storage_order", 0) == 1);
    if (!indices)
      return failure();
  }
  if (narrowInt)
    y = build<nn::CastOp>(node.loc, *ty, y);
  if (indices)
    return setResults(node, {y, indices});
  return setResults(node, y);
}

// The flattened index of each window's first maximum, from ops that lower
// already: every window tap is a strided slice of the input padded with the
// lowest value, and a chain of Where picks the position of the first tap
// equal to the pooled maximum (taps in row-major order, as ONNX's reference).
// Positions are computed in f32, exact below 2^24, and cast to int64 last.
Value Importer::maxPoolIndices(Node &node, Value x, Value y,
                               RankedTensorType indicesType,
                               ArrayRef<int64_t> kernel,
                               ArrayRef<int64_t> strides,
                               ArrayRef<int64_t> pads,
                               ArrayRef<int64_t> dilations, bool columnMajor) {
  auto xTy = cast<RankedTensorType>(x.getType());
  ArrayRef<int64_t> in = xTy.getShape();
  ArrayRef<int64_t> out = cast<RankedTensorType>(y.getType()).getShape();
  if (in[0] * in[1] * in[2] * in[3] > (int64_t(1) << 24)) {
    error(node) << "the Indices output needs an input of at most 2^24 "
                   "elements (the positions are computed in f32)";
    return {};
  }
  // Padding on every side that a window (ceil_mode included) reaches.
  SmallVector<int64_t> padded(in);
  SmallVector<int64_t> padAttr(8, 0);
  for (int i = 0; i < 2; ++i) {
    int64_t reach = (out[2 + i] - 1) * strides[i] +
                    (kernel[i] - 1) * dilations[i] + 1 - pads[i];
    padAttr[2 + i] = pads[i];
    padAttr[6 + i] = std::max<int64_t>(0, reach - in[2 + i]);
    padded[2 + i] += padAttr[2 + i] + padAttr[6 + i];
  }
  double lowest = APFloat::getLargest(
                      cast<FloatType>(xTy.getElementType()).getFloatSemantics(),
                      /*Negative=*/true)
                      .convertToDouble();
  Value xp = build<nn::PadOp>(
      node.loc, withShape(xTy, padded), x, b.getDenseI64ArrayAttr(padAttr),
      b.getStringAttr("constant"), b.getF32FloatAttr(lowest));
  auto f32Ty = RankedTensorType::get(out, b.getF32Type());
  auto mapTy = RankedTensorType::get({1, 1, out[2], out[3]}, b.getF32Type());
  Value acc;
  for (int64_t tap = kernel[0] * kernel[1] - 1; tap >= 0 && xp; --tap) {
    int64_t i = tap / kernel[1], j = tap % kernel[1];
    // Input position of this tap for every output pixel (storage_order 1:
    // the plane in column-major order).
    SmallVector<double> positions;
    for (int64_t oh = 0; oh < out[2]; ++oh)
      for (int64_t ow = 0; ow < out[3]; ++ow) {
        int64_t h = oh * strides[0] + i * dilations[0] - pads[0];
        int64_t w = ow * strides[1] + j * dilations[1] - pads[1];
        positions.push_back(
            double(columnMajor ? h + w * in[2] : h * in[3] + w));
      }
    Value map = nn::ConstantOp::create(b, node.loc,
                                       nn::makeFloatAttr(mapTy, positions));
    if (!acc) {
      acc = map;
      continue;
    }
    SmallVector<int64_t> starts = {0, 0, i * dilations[0], j * dilations[1]};
    SmallVector<int64_t> ends = {in[0], in[1],
                                 starts[2] + (out[2] - 1) * strides[0] + 1,
                                 starts[3] + (out[3] - 1) * strides[1] + 1};
    SmallVector<int64_t> steps = {1, 1, strides[0], strides[1]};
    Value tapValues = build<nn::SliceOp>(node.loc, withShape(xTy, out), xp,
                                         starts, ends, steps);
    if (!tapValues)
      return {};
    Value isMax = broadcastBinary<nn::EqualOp>(node.loc, tapValues, y);
    acc = build<nn::WhereOp>(node.loc, f32Ty, isMax, map, acc);
  }
  if (!acc)
    return {};
  // Plus each (n, c) plane's first position.
  SmallVector<double> planes;
  for (int64_t p = 0; p < in[0] * in[1]; ++p)
    planes.push_back(double(p * in[2] * in[3]));
  Value planeBase = nn::ConstantOp::create(
      b, node.loc,
      nn::makeFloatAttr(
          RankedTensorType::get({in[0], in[1], 1, 1}, b.getF32Type()), planes));
  Value flat = broadcastBinary<nn::AddOp>(node.loc, acc, planeBase);
  if (!flat)
    return {};
  return build<nn::CastOp>(node.loc, indicesType, flat);
}

LogicalResult Importer::importMaxPool(Node &n) {
  return importPool<nn::MaxPoolOp>(n);
}
LogicalResult Importer::importAveragePool(Node &n) {
  return importPool<nn::AveragePoolOp>(n);
}

LogicalResult Importer::importGlobalAveragePool(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(
      node, build<nn::GlobalAveragePoolOp>(node.loc, *ty, node.input(0)));
}

LogicalResult Importer::importGlobalMaxPool(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node,
                    build<nn::GlobalMaxPoolOp>(node.loc, *ty, node.input(0)));
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

template <typename OpTy>
LogicalResult Importer::importReduce(Node &node, ReduceComposite composite) {
  using RC = ReduceComposite;
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value x = node.input(0);
  auto xTy = cast<RankedTensorType>(x.getType());
  // Square and abs work on integers; sqrt, log, exp do not.
  if (composite != RC::None && composite != RC::SumSquare &&
      composite != RC::L1 && !isa<FloatType>(xTy.getElementType()))
    return error(node) << "only float inputs are supported";
  int64_t rank = xTy.getRank();
  SmallVector<int64_t> axes;
  if (Value axesInput = node.input(1)) {
    if (isa<BlockArgument>(axesInput))
      return error(node) << "axes is a graph input, known only at run time; "
                            "only constant axes are supported";
    FailureOr<SmallVector<int64_t>> a = constInts(node, axesInput, "axes");
    if (failed(a))
      return failure();
    axes = *a;
  } else if (auto a = attrInts(node, "axes")) {
    axes = *a;
  }
  bool keepdims = attrInt(node, "keepdims", 1);
  bool noop = axes.empty() && attrInt(node, "noop_with_empty_axes", 0);
  if (axes.empty())
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  for (int64_t &a : axes) {
    FailureOr<int64_t> axis = normalizeAxis(node, a, rank);
    if (failed(axis))
      return failure();
    a = *axis;
  }
  llvm::sort(axes);
  axes.erase(llvm::unique(axes), axes.end());

  // No reduction: the elementwise part of the composite on each element.
  if (noop && (composite == RC::LogSumExp || composite == RC::Prod))
    return setResults(node, build<nn::IdentityOp>(node.loc, *ty, x));
  // LogSumExp subtracts the max before exp, so exp cannot overflow.
  Value max;
  if (composite == RC::LogSumExp) {
    SmallVector<int64_t> kept(xTy.getShape());
    for (int64_t a : axes)
      kept[a] = 1;
    max = build<nn::ReduceMaxOp>(node.loc, withShape(xTy, kept), x, axes,
                                 /*keepdims=*/true);
    x = broadcastBinary<nn::SubOp>(node.loc, x, max);
    x = build<nn::ExpOp>(node.loc, xTy, x);
  } else if (composite == RC::SumSquare || composite == RC::L2) {
    x = build<nn::MulOp>(node.loc, xTy, x, x);
  } else if (composite == RC::L1) {
    x = build<nn::AbsOp>(node.loc, xTy, x);
  }
  // Prod is (-1)^(number of negatives) * exp(sum(ln|x|)); a zero gives
  // exp(-inf) = 0. The count is summed as -1 per negative element.
  Value sign;
  if (composite == RC::Prod) {
    Value negatives = broadcastBinary<nn::MinOp>(
        node.loc, build<nn::SignOp>(node.loc, xTy, x),
        buildSplat(b, node.loc, xTy, 0.0));
    negatives =
        build<nn::ReduceSumOp>(node.loc, *ty, negatives, axes, keepdims);
    sign = broadcastBinary<nn::PowOp>(
        node.loc, buildSplat(b, node.loc, xTy, -1.0), negatives);
    x = build<nn::LogOp>(node.loc, xTy, build<nn::AbsOp>(node.loc, xTy, x));
  }
  Value v = noop ? build<nn::IdentityOp>(node.loc, *ty, x)
                 : build<OpTy>(node.loc, *ty, x, axes, keepdims);
  if (sign)
    v = build<nn::MulOp>(node.loc, *ty, sign,
                         build<nn::ExpOp>(node.loc, *ty, v));
  if (composite == RC::L2)
    v = build<nn::SqrtOp>(node.loc, *ty, v);
  if (composite == RC::LogSum || composite == RC::LogSumExp)
    v = build<nn::LogOp>(node.loc, *ty, v);
  if (max)
    v = build<nn::AddOp>(node.loc, *ty, v,
                         keepdims ? max
                                  : build<nn::ReshapeOp>(node.loc, *ty, max));
  return setResults(node, v);
}

LogicalResult Importer::importReduceMean(Node &n) {
  return importReduce<nn::ReduceMeanOp>(n);
}
LogicalResult Importer::importReduceSum(Node &n) {
  return importReduce<nn::ReduceSumOp>(n);
}
LogicalResult Importer::importReduceSumSquare(Node &n) {
  return importReduce<nn::ReduceSumOp>(n, ReduceComposite::SumSquare);
}
LogicalResult Importer::importReduceMax(Node &n) {
  return importReduce<nn::ReduceMaxOp>(n);
}
LogicalResult Importer::importReduceMin(Node &n) {
  return importReduce<nn::ReduceMinOp>(n);
}
LogicalResult Importer::importReduceProd(Node &n) {
  if (isa<FloatType>(getElementTypeOrSelf(n.input(0).getType())))
    return importReduce<nn::ReduceSumOp>(n, ReduceComposite::Prod);
  return importReduce<nn::ReduceProdOp>(n);
}
LogicalResult Importer::importReduceL1(Node &n) {
  return importReduce<nn::ReduceSumOp>(n, ReduceComposite::L1);
}
LogicalResult Importer::importReduceL2(Node &n) {
  return importReduce<nn::ReduceSumOp>(n, ReduceComposite::L2);
}
LogicalResult Importer::importReduceLogSum(Node &n) {
  return importReduce<nn::ReduceSumOp>(n, ReduceComposite::LogSum);
}
LogicalResult Importer::importReduceLogSumExp(Node &n) {
  return importReduce<nn::ReduceSumOp>(n, ReduceComposite::LogSumExp);
}

Value Importer::castExactToF16(Node &node, Value x) {
  auto ty = cast<RankedTensorType>(x.getType());
  if (!ty.getElementType().isInteger(8))
    return x;
  return build<nn::CastOp>(node.loc, ty.clone(b.getF16Type()), x);
}

template <typename OpTy> LogicalResult Importer::importArgReduce(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value x = node.input(0);
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", 0),
                    cast<RankedTensorType>(x.getType()).getRank());
  if (failed(axis))
    return failure();
  // The kernel computes i32 indices; the 64-bit result is a plain cast.
  Value indices =
      build<OpTy>(node.loc, ty->clone(b.getI32Type()), castExactToF16(node, x),
                  *axis, bool(attrInt(node, "keepdims", 1)),
                  bool(attrInt(node, "select_last_index", 0)));
  return setResults(node, build<nn::CastOp>(node.loc, *ty, indices));
}

LogicalResult Importer::importArgMax(Node &n) {
  return importArgReduce<nn::ArgMaxOp>(n);
}
LogicalResult Importer::importArgMin(Node &n) {
  return importArgReduce<nn::ArgMinOp>(n);
}

template <typename OpTy> LogicalResult Importer::importSoftmaxLike(Node &node) {
  Value x = node.input(0);
  auto ty = cast<RankedTensorType>(x.getType());
  int64_t rank = ty.getRank();
  FailureOr<int64_t> axis = normalizeAxis(
      node, attrInt(node, "axis", opsetVersion < 13 ? 1 : -1), rank);
  if (failed(axis))
    return failure();
  if (opsetVersion >= 13 || *axis == rank - 1)
    return setResults(node, build<OpTy>(node.loc, ty, x, *axis));
  // Before opset 13 the input is flattened to 2-D at `axis` and normalized
  // over the second dimension: reshape, softmax over the last axis, reshape.
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < rank; ++d)
    (d < *axis ? outer : inner) *= ty.getDimSize(d);
  auto flatTy = withShape(ty, {outer, inner});
  Value flat = build<nn::ReshapeOp>(node.loc, flatTy, x);
  Value y = build<OpTy>(node.loc, flatTy, flat, 1);
  return setResults(node, build<nn::ReshapeOp>(node.loc, ty, y));
}

LogicalResult Importer::importSoftmax(Node &n) {
  return importSoftmaxLike<nn::SoftmaxOp>(n);
}
LogicalResult Importer::importLogSoftmax(Node &n) {
  return importSoftmaxLike<nn::LogSoftmaxOp>(n);
}
LogicalResult Importer::importHardmax(Node &n) {
  return importSoftmaxLike<nn::HardmaxOp>(n);
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

LogicalResult Importer::importReshapeLike(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node, build<nn::ReshapeOp>(node.loc, *ty, node.input(0)));
}

LogicalResult Importer::importReshape(Node &n) { return importReshapeLike(n); }
LogicalResult Importer::importFlatten(Node &n) { return importReshapeLike(n); }
LogicalResult Importer::importSqueeze(Node &n) { return importReshapeLike(n); }
LogicalResult Importer::importUnsqueeze(Node &n) {
  return importReshapeLike(n);
}

LogicalResult Importer::importTranspose(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  int64_t rank = ty->getRank();
  SmallVector<int64_t> perm;
  if (auto p = attrInts(node, "perm"))
    perm = *p;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  return setResults(node,
                    build<nn::TransposeOp>(node.loc, *ty, node.input(0), perm));
}

LogicalResult Importer::importConcat(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", 0), ty->getRank());
  if (failed(axis))
    return failure();
  SmallVector<Value> inputs;
  for (Value v : node.inputs)
    if (v)
      inputs.push_back(v);
  return setResults(node, build<nn::ConcatOp>(node.loc, *ty, inputs, *axis));
}

LogicalResult Importer::importSplit(Node &node) {
  SmallVector<Type> types;
  for (unsigned i = 0; i < node.numOutputs(); ++i) {
    FailureOr<RankedTensorType> ty = outType(node, i);
    if (failed(ty))
      return failure();
    types.push_back(*ty);
  }
  Value x = node.input(0);
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", 0),
                    cast<RankedTensorType>(x.getType()).getRank());
  if (failed(axis))
    return failure();
  auto op = nn::SplitOp::create(b, node.loc, types, x, *axis);
  if (failed(mlir::verify(op, /*verifyRecursively=*/false))) {
    op->erase();
    return error(node) << "the imported op is invalid (see above)";
  }
  return setResults(node, op.getResults());
}

LogicalResult Importer::importSlice(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value x = node.input(0);
  ArrayRef<int64_t> shape = cast<RankedTensorType>(x.getType()).getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> starts, ends, axes, steps;
  if (opsetVersion < 10) {
    starts = attrInts(node, "starts").value_or(SmallVector<int64_t>{});
    ends = attrInts(node, "ends").value_or(SmallVector<int64_t>{});
    axes = attrInts(node, "axes").value_or(SmallVector<int64_t>{});
  } else {
    const char *names[] = {"starts", "ends", "axes", "steps"};
    SmallVector<int64_t> *dst[] = {&starts, &ends, &axes, &steps};
    for (unsigned i = 1; i <= 4; ++i) {
      if (!node.input(i))
        continue;
      FailureOr<SmallVector<int64_t>> v =
          constInts(node, node.input(i), names[i - 1]);
      if (failed(v))
        return failure();
      *dst[i - 1] = *v;
    }
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return error(node) << "starts, ends, axes and steps differ in length";
  SmallVector<int64_t> nStarts(rank, 0), nEnds(shape), nSteps(rank, 1);
  for (size_t i = 0; i < starts.size(); ++i) {
    FailureOr<int64_t> axis = normalizeAxis(node, axes[i], rank);
    if (failed(axis))
      return failure();
    int64_t dim = shape[*axis], step = steps[i];
    if (step == 0)
      return error(node) << "steps must be non-zero";
    int64_t start = starts[i], end = ends[i];
    if (start < 0)
      start += dim;
    if (end < 0)
      end += dim;
    if (step > 0) {
      start = std::clamp<int64_t>(start, 0, dim);
      end = std::clamp<int64_t>(end, 0, dim);
      end = std::max(end, start);
    } else {
      start = std::clamp<int64_t>(start, 0, dim - 1);
      end = std::clamp<int64_t>(end, -1, dim - 1);
      end = std::min(end, start);
    }
    nStarts[*axis] = start;
    nEnds[*axis] = end;
    nSteps[*axis] = step;
  }
  return setResults(
      node, build<nn::SliceOp>(node.loc, *ty, x, nStarts, nEnds, nSteps));
}

/// Gather and GatherElements: data, indices and an axis.
template <typename OpTy> LogicalResult Importer::importAxisGather(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Value data = node.input(0);
  FailureOr<int64_t> axis =
      normalizeAxis(node, attrInt(node, "axis", 0),
                    cast<RankedTensorType>(data.getType()).getRank());
  if (failed(axis))
    return failure();
  return setResults(
      node, build<OpTy>(node.loc, *ty, data, gatherIndices(node, 1), *axis));
}

LogicalResult Importer::importGather(Node &node) {
  return importAxisGather<nn::GatherOp>(node);
}

LogicalResult Importer::importGatherElements(Node &node) {
  return importAxisGather<nn::GatherElementsOp>(node);
}

/// ONNX indices are int64 (or int32); the nn gathers take i32, the lane
/// type of the vector unit's offset arithmetic, so int64 indices get an
/// nn.cast (folded when they are constants).
Value Importer::gatherIndices(Node &node, unsigned i) {
  Value indices = node.input(i);
  auto type = cast<RankedTensorType>(indices.getType());
  if (type.getElementType().isSignlessInteger(32))
    return indices;
  return build<nn::CastOp>(node.loc, type.clone(b.getI32Type()), indices);
}

LogicalResult Importer::importGatherND(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node,
                    build<nn::GatherNDOp>(node.loc, *ty, node.input(0),
                                          gatherIndices(node, 1),
                                          attrInt(node, "batch_dims", 0)));
}

LogicalResult Importer::importPad(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  SmallVector<int64_t> pads;
  float value = 0;
  if (opsetVersion < 11) {
    pads = attrInts(node, "pads").value_or(SmallVector<int64_t>{});
    value = attrFloat(node, "value", 0);
  } else {
    FailureOr<SmallVector<int64_t>> p = constInts(node, node.input(1), "pads");
    if (failed(p))
      return failure();
    pads = *p;
    if (node.input(2)) {
      FailureOr<SmallVector<double>> v =
          constFloats(node, node.input(2), "constant_value");
      if (failed(v))
        return failure();
      value = v->empty() ? 0 : float((*v)[0]);
    }
  }
  return setResults(
      node, build<nn::PadOp>(
                node.loc, *ty, node.input(0), b.getDenseI64ArrayAttr(pads),
                b.getStringAttr(attrString(node, "mode", "constant")),
                b.getF32FloatAttr(value)));
}

LogicalResult Importer::importResizeWithScales(Node &node,
                                               ArrayRef<float> scales,
                                               StringRef mode,
                                               StringRef coordMode,
                                               StringRef nearestMode) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(
      node, build<nn::ResizeOp>(
                node.loc, *ty, node.input(0), b.getDenseF32ArrayAttr(scales),
                b.getStringAttr(mode), b.getStringAttr(coordMode),
                b.getStringAttr(nearestMode),
                b.getF32FloatAttr(attrFloat(node, "cubic_coeff_a", -0.75f)),
                b.getBoolAttr(attrInt(node, "exclude_outside", 0))));
}

LogicalResult Importer::importResize(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  auto inTy = cast<RankedTensorType>(node.input(0).getType());
  // Opset 10: (X, scales); 11+: (X, roi, scales, sizes).
  Value scalesIn = opsetVersion < 11 ? node.input(1) : node.input(2);
  SmallVector<float> scales;
  if (scalesIn) {
    FailureOr<SmallVector<double>> s = constFloats(node, scalesIn, "scales");
    if (failed(s))
      return failure();
    scales.assign(s->begin(), s->end());
  }
  if (scales.empty())
    for (int64_t d = 0; d < inTy.getRank(); ++d)
      scales.push_back(float(ty->getDimSize(d)) / float(inTy.getDimSize(d)));
  std::string coord =
      attrString(node, "coordinate_transformation_mode",
                 opsetVersion < 11 ? "asymmetric" : "half_pixel");
  if (coord == "tf_crop_and_resize")
    return error(node) << "coordinate_transformation_mode "
                          "'tf_crop_and_resize' is not supported";
  if (attr(node, "antialias") || attr(node, "axes"))
    return error(node) << "antialias and axes are not supported";
  std::string nearest = attrString(
      node, "nearest_mode", opsetVersion < 11 ? "floor" : "round_prefer_floor");
  return importResizeWithScales(
      node, scales, attrString(node, "mode", "nearest"), coord, nearest);
}

LogicalResult Importer::importUpsample(Node &node) {
  SmallVector<float> scales;
  if (node.input(1)) {
    FailureOr<SmallVector<double>> s =
        constFloats(node, node.input(1), "scales");
    if (failed(s))
      return failure();
    scales.assign(s->begin(), s->end());
  } else if (auto s = attrFloats(node, "scales")) {
    scales = *s;
  }
  std::string mode = attrString(node, "mode", "nearest");
  if (mode == "bilinear")
    mode = "linear";
  return importResizeWithScales(node, scales, mode, "asymmetric", "floor");
}

LogicalResult Importer::importExpand(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node, build<nn::ExpandOp>(node.loc, *ty, node.input(0)));
}

LogicalResult Importer::importTile(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  FailureOr<SmallVector<int64_t>> repeats =
      constInts(node, node.input(1), "repeats");
  if (failed(repeats))
    return failure();
  return setResults(node,
                    build<nn::TileOp>(node.loc, *ty, node.input(0), *repeats));
}

LogicalResult Importer::importShape(Node &node) {
  Value x = node.input(0);
  int64_t rank = cast<RankedTensorType>(x.getType()).getRank();
  Value shape = build<nn::ShapeOp>(
      node.loc, RankedTensorType::get({rank}, b.getI64Type()), x);
  // Opset 15 start/end select a range of dimensions.
  int64_t start = attrInt(node, "start", 0), end = attrInt(node, "end", rank);
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  start = std::clamp<int64_t>(start, 0, rank);
  end = std::clamp<int64_t>(end, start, rank);
  if (start != 0 || end != rank)
    shape = build<nn::SliceOp>(
        node.loc, RankedTensorType::get({end - start}, b.getI64Type()), shape,
        ArrayRef<int64_t>{start}, ArrayRef<int64_t>{end}, ArrayRef<int64_t>{1});
  return setResults(node, shape);
}

LogicalResult Importer::importSize(Node &node) {
  return setResults(node,
                    build<nn::SizeOp>(node.loc,
                                      RankedTensorType::get({}, b.getI64Type()),
                                      node.input(0)));
}

LogicalResult Importer::importConstant(Node &node) {
  // The importer owns the model: the tensor's bytes move into the blob
  // instead of being copied (converters often store weights as Constants).
  auto &proto = const_cast<onnx::NodeProto &>(node.proto);
  for (auto &a : *proto.mutable_attribute()) {
    ElementsAttr value;
    if (a.name() == "value") {
      const std::string &out = node.proto.output(0);
      if (ElementsAttr cached = convertedTensors.lookup(out)) {
        value = cached;
      } else {
        onnx::TensorProto &tensor = *a.mutable_t();
        if (tensor.name().empty())
          tensor.set_name(out);
        FailureOr<ElementsAttr> v = convertTensor(
            tensor, FusedLoc::get(ctx, {node.loc, fileLoc()}), "constant");
        if (failed(v))
          return failure();
        value = *v;
        convertedTensors[out] = value;
      }
    } else if (a.name() == "value_float" || a.name() == "value_floats") {
      SmallVector<double> floats;
      if (a.name() == "value_float")
        floats.push_back(a.f());
      else
        floats.assign(a.floats().begin(), a.floats().end());
      SmallVector<int64_t> shape;
      if (a.name() == "value_floats")
        shape.push_back(floats.size());
      value = nn::makeFloatAttr(RankedTensorType::get(shape, b.getF32Type()),
                                floats);
    } else if (a.name() == "value_int" || a.name() == "value_ints") {
      SmallVector<int64_t> ints;
      if (a.name() == "value_int")
        ints.push_back(a.i());
      else
        ints.assign(a.ints().begin(), a.ints().end());
      SmallVector<int64_t> shape;
      if (a.name() == "value_ints")
        shape.push_back(ints.size());
      value =
          nn::makeIntAttr(RankedTensorType::get(shape, b.getI64Type()), ints);
    } else {
      return error(node) << "constant attribute '" << a.name()
                         << "' is not supported";
    }
    return setResults(node,
                      nn::ConstantOp::create(b, node.loc, value).getResult());
  }
  return error(node) << "has no value";
}

LogicalResult Importer::importConstantOfShape(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  Attribute fill;
  if (const onnx::AttributeProto *a = attr(node, "value")) {
    onnx::TensorProto tensor = a->t();
    FailureOr<ElementsAttr> v = convertTensor(
        tensor, FusedLoc::get(ctx, {node.loc, fileLoc()}), "value");
    if (failed(v))
      return failure();
    if (v->getNumElements() != 1)
      return error(node) << "value must have one element";
    fill = *v->value_begin<Attribute>();
  } else {
    fill = b.getF32FloatAttr(0);
  }
  return setResults(
      node, nn::ConstantOp::create(b, node.loc,
                                   cast<ElementsAttr>(DenseElementsAttr::get(
                                       *ty, ArrayRef<Attribute>{fill})))
                .getResult());
}

LogicalResult Importer::importDepthToSpace(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node,
                    build<nn::DepthToSpaceOp>(node.loc, *ty, node.input(0),
                                              attrInt(node, "blocksize", 1),
                                              attrString(node, "mode", "DCR")));
}

LogicalResult Importer::importSpaceToDepth(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node,
                    build<nn::SpaceToDepthOp>(node.loc, *ty, node.input(0),
                                              attrInt(node, "blocksize", 1)));
}

LogicalResult Importer::importRange(Node &node) {
  FailureOr<RankedTensorType> ty = outType(node);
  if (failed(ty))
    return failure();
  return setResults(node, build<nn::RangeOp>(node.loc, *ty, node.input(0),
                                             node.input(1), node.input(2)));
}
