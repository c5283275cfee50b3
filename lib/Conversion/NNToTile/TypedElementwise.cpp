//===- TypedElementwise.cpp - Integer, bool and rounding ops --------------===//

#include "TypedElementwise.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace ascend;

/// Slots per lane type: enough for the lowerings below (Where needs the
/// most: both values and the condition in the values' lanes). The 64-bit
/// slots are reserved only by kernels with 64-bit values.
static constexpr std::pair<unsigned, unsigned> kSlots[] = {
    // {slotKey of the lane type, slots}
    {32, 3}, // f32
    {16, 3}, // f16
    {33, 3}, // i32 (33: to tell it from f32)
    {17, 3}, // i16
    {1, 1},  // i1
    {65, 3}, // i64
    {67, 3}, // ui64
};

[[maybe_unused]] static unsigned slotKey(Type type) {
  if (type.isInteger(1))
    return 1;
  return type.getIntOrFloatBitWidth() + (type.isInteger() ? 1 : 0) +
         (type.isUnsignedInteger() ? 2 : 0);
}

static bool is64(Type t) { return t.isInteger(64); }

int64_t ScratchPool::getReservedBytesPerElement(Block &body) {
  // Every value of a kernel body is an argument or an op's result.
  auto is64Value = [](Value v) {
    return is64(getUBElementType(getElementTypeOrSelf(v)));
  };
  bool wide = llvm::any_of(body.getArguments(), is64Value) ||
              llvm::any_of(body.without_terminator(), [&](Operation &op) {
                return llvm::any_of(op.getResults(), is64Value);
              });
  int64_t bytes = 0;
  for (auto [key, slots] : kSlots)
    if (wide || key < 64)
      bytes += std::max(1u, key / 8) * slots;
  return bytes;
}

Value ScratchPool::get(Type type, unsigned slot) {
  Value &buffer = buffers[{type, slot}];
  if (buffer)
    return buffer;
  assert(llvm::any_of(kSlots,
                      [&](auto s) {
                        return s.first == slotKey(type) && slot < s.second;
                      }) &&
         "typed lowering exceeds its reserved scratch");
  OpBuilder::InsertionGuard guard(builder);
  builder.restoreInsertionPoint(allocPoint);
  auto ub = tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB);
  buffer = memref::AllocOp::create(
      builder, loc,
      MemRefType::get({tileSize}, type, MemRefLayoutAttrInterface(), ub));
  return buffer;
}

Type ascend::getUBElementType(Type elem) {
  // f64 has no lanes: its bits sit in s64 lanes (Max/Min order them there).
  if (elem.isF64())
    return IntegerType::get(elem.getContext(), 64);
  auto integer = dyn_cast<IntegerType>(elem);
  if (integer && integer.isUnsigned() &&
      (integer.getWidth() == 16 || integer.getWidth() == 32))
    return IntegerType::get(elem.getContext(), integer.getWidth());
  return elem;
}

static Type elementOf(Value v) {
  return cast<ShapedType>(v.getType()).getElementType();
}

/// 8-bit data and bools: no vector lanes of their own.
static bool isNarrow(Type t) {
  return t.isInteger() && t.getIntOrFloatBitWidth() <= 8;
}

/// Unsigned 16/32-bit data: it computes in signed lanes, biased by 2^(w-1)
/// where order matters (ui64 has unsigned lanes).
static bool isBiased(Type t) {
  return t.isUnsignedInteger() && !isNarrow(t) && !is64(t);
}

bool ascend::isTypedElementwise(Operation *op) {
  if (isa<nn::EqualOp, nn::LessOp, nn::GreaterOp, nn::AndOp, nn::OrOp,
          nn::NotOp, nn::WhereOp, nn::FloorOp, nn::CeilOp>(op))
    return true;
  if (isa<nn::CastOp>(op))
    return !isSupportedCast(op);
  Type t = elementOf(op->getResult(0));
  if (isa<nn::MaxOp, nn::MinOp>(op) && t.isF64())
    return true;
  return isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp, nn::MaxOp, nn::MinOp,
             nn::NegOp, nn::AbsOp, nn::ClipOp, nn::PowOp>(op) &&
         t.isInteger();
}

namespace {
/// The lowering of one op: scratch slots, conversions, and the steps that
/// move data between storage and compute lanes.
class TypedLowering {
public:
  TypedLowering(Operation *op, TileEmitter &e)
      : op(op), e(e), b(e.builder), ctx(b.getContext()) {}

  LogicalResult emit(ArrayRef<Operand> in, Value dst);

private:
  InFlightDiagnostic error(const Twine &what) {
    return op->emitError() << "cannot lower " << op->getName()
                           << " to vector instructions: " << what;
  }
  Value scratch(Type type, unsigned slot) {
    return e.view(e.pool->get(type, slot));
  }
  Type f16() { return Float16Type::get(ctx); }
  Type f32() { return Float32Type::get(ctx); }
  Type i16() { return IntegerType::get(ctx, 16); }
  Type i32() { return IntegerType::get(ctx, 32); }

  void conv(Value src, Value dst, std::optional<RoundMode> round = {}) {
    tile::VConvOp::create(b, e.loc, src, dst,
                          round ? RoundModeAttr::get(ctx, *round)
                                : RoundModeAttr());
  }
  /// The lanes that compute data of nn type `t`.
  Type laneOf(Type t) { return isNarrow(t) ? i16() : getUBElementType(t); }

  /// An operand as compute lanes of type `lane`: 8-bit data and bools widen
  /// through f16 (exactly) into slot `slot`; splats fill slot `slot`.
  Value widen(const Operand &operand, Type t, unsigned slot);
  /// Stores s16 lanes holding values of nn type `t` (8-bit or bool) into
  /// its byte buffer `dst`, wrapping to 8 bits as numpy does. Clobbers
  /// `lanes` and i16 slot `maskSlot` (which must not hold `lanes`).
  void narrow(Value lanes, Value dst, Type t, unsigned maskSlot);
  /// 1 / 0 in lanes of type `lane` into the bool buffer `dst`.
  void toBool(Value flags, Type lane, Value dst);
  /// Adds -2^(w-1) to unsigned w-bit lanes (mod 2^w): unsigned order becomes
  /// signed order. Returns `src` unchanged for other types.
  Value bias(Value src, Type t, Value into);

  LogicalResult emitArithmetic(ArrayRef<Operand> in, Value dst);
  /// Max/Min of f64 bits in s64 lanes through their order keys, NaN
  /// propagating.
  LogicalResult emitFloat64Order(ArrayRef<Operand> in, Value dst);
  /// The order key of f64 bits `x` (s64 lanes) into `into` (may be `x`):
  /// x where x >= 0, else ~x + (-2^63), i.e. x with the bits below the
  /// sign flipped. Keys order like the doubles (-0.0 just below +0.0) and
  /// the map is its own inverse. Clobbers `flags` and `flipped`.
  void orderKey(Value x, Value into, Value flags, Value flipped);
  LogicalResult emitDiv(ArrayRef<Operand> in, Value dst);
  LogicalResult emitPow(ArrayRef<Operand> in, Value dst);
  LogicalResult emitCompare(ArrayRef<Operand> in, Value dst, CmpMode mode);
  LogicalResult emitWhere(ArrayRef<Operand> in, Value dst);
  LogicalResult emitCast(Value src, Value dst);
  /// Casts from or to i64/ui64 (not to bool).
  LogicalResult emitCast64(Value src, Value dst);
  /// ui32 lanes (an i32 buffer) to f32, correctly rounded.
  void emitUnsignedToF32(Value src, Value dst);
  LogicalResult emitRounding(Value src, Value dst, RoundMode mode);

  Operation *op;
  TileEmitter &e;
  OpBuilder &b;
  MLIRContext *ctx;
};
} // namespace

Value TypedLowering::widen(const Operand &operand, Type t, unsigned slot) {
  Type lane = laneOf(t);
  if (!operand.buffer) {
    Value filled = scratch(lane, slot);
    tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(*operand.scalar), filled);
    return filled;
  }
  if (!isNarrow(t))
    return operand.buffer;
  Value half = scratch(f16(), slot);
  conv(operand.buffer, half);
  Value lanes = scratch(i16(), slot);
  conv(half, lanes, RoundMode::Rint); // integral: exact
  return lanes;
}

void TypedLowering::narrow(Value lanes, Value dst, Type t, unsigned maskSlot) {
  if (!t.isInteger(1)) {
    // x mod 256 in [0, 256); for int8, ((x + 128) mod 256) - 128.
    bool isSigned = !t.isUnsignedInteger();
    Value mask = scratch(i16(), maskSlot);
    tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(255), mask);
    if (isSigned)
      e.scalar<tile::VAddsOp>(lanes, 128, lanes);
    e.binary<tile::VAndOp>(lanes, mask, lanes);
    if (isSigned)
      e.scalar<tile::VAddsOp>(lanes, -128, lanes);
  }
  Value half = scratch(f16(), 0);
  conv(lanes, half);
  conv(half, dst, RoundMode::Rint); // integral: exact
}

void TypedLowering::toBool(Value flags, Type lane, Value dst) {
  if (is64(lane)) {
    // No 64-bit <-> f16 pair: through s32 (0 / 1 stay).
    Value narrowed = scratch(i32(), 0);
    conv(flags, narrowed);
    flags = narrowed;
  }
  if (!lane.isF16()) {
    Value half = scratch(f16(), 0);
    conv(flags, half);
    flags = half;
  }
  conv(flags, dst, RoundMode::Rint);
}

Value TypedLowering::bias(Value src, Type t, Value into) {
  if (!isBiased(t))
    return src;
  e.scalar<tile::VAddsOp>(src, -std::ldexp(1.0, t.getIntOrFloatBitWidth() - 1),
                          into);
  return into;
}

LogicalResult TypedLowering::emitArithmetic(ArrayRef<Operand> in, Value dst) {
  Type t = elementOf(op->getResult(0)), lane = laneOf(t);
  if (t.isF64())
    return emitFloat64Order(in, dst);
  bool narrowed = isNarrow(t);
  // Splats of integer kernels arrive as buffers; float splats would need
  // conversion, and the importer gives them the tensor's type.
  SmallVector<Operand> lanes;
  for (auto [i, operand] : llvm::enumerate(in)) {
    if (!operand.buffer)
      return error("splat operands of integer ops are not supported");
    lanes.push_back({widen(operand, t, i), std::nullopt});
  }
  Value result = narrowed ? scratch(i16(), 2) : dst;
  if (isBiased(t) && isa<nn::MaxOp, nn::MinOp, nn::ClipOp>(op)) {
    if (!isa<nn::ClipOp>(op)) {
      // Biased, unsigned order is signed order; the bias is its own inverse.
      Value a = bias(lanes[0].buffer, t, scratch(lane, 0));
      Value c = bias(lanes[1].buffer, t, result);
      if (isa<nn::MaxOp>(op))
        e.binary<tile::VMaxOp>(a, c, result);
      else
        e.binary<tile::VMinOp>(a, c, result);
      bias(result, t, result);
      return success();
    }
    return error("clip on unsigned 16/32-bit integers is not supported");
  }
  if (isa<nn::AbsOp>(op) && t.isUnsignedInteger()) {
    e.scalar<tile::VAddsOp>(lanes[0].buffer, 0, result);
  } else if (failed(emitElementwise(op, lanes, result, e))) {
    return failure();
  }
  if (narrowed)
    narrow(result, dst, t, /*maskSlot=*/0);
  return success();
}

void TypedLowering::orderKey(Value x, Value into, Value flags, Value flipped) {
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(0), flags);
  tile::VCmpOp::create(b, e.loc, CmpMode::LT, x, flags, flags);
  e.unary<tile::VNotOp>(x, flipped);
  e.scalar<tile::VAddsOp>(flipped, -std::ldexp(1.0, 63), flipped);
  tile::VSelOp::create(b, e.loc, flags, flipped, x, into);
}

LogicalResult TypedLowering::emitFloat64Order(ArrayRef<Operand> in, Value dst) {
  if (!in[0].buffer || !in[1].buffer)
    return error("splat operands of float64 ops are not supported");
  // A key's sign is its double's, so the inverse map reads the same flags.
  Type lane = IntegerType::get(ctx, 64);
  Value a = scratch(lane, 0), c = scratch(lane, 1), flags = scratch(lane, 2);
  orderKey(in[0].buffer, a, flags, dst);
  orderKey(in[1].buffer, c, flags, dst);
  if (isa<nn::MaxOp>(op))
    e.binary<tile::VMaxOp>(a, c, a);
  else
    e.binary<tile::VMinOp>(a, c, a);
  orderKey(a, dst, flags, c);
  // NaN propagates as numpy's: the first NaN operand wins. x is NaN when
  // its bits below the sign, as s64, exceed those of inf.
  Value mask = a, inf = c;
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(-std::ldexp(1.0, 63)), mask);
  e.unary<tile::VNotOp>(mask, mask); // 0x7FFF_FFFF_FFFF_FFFF
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(std::ldexp(2047.0, 52)),
                       inf); // the bits of inf
  for (const Operand &x : llvm::reverse(in)) {
    e.binary<tile::VAndOp>(x.buffer, mask, flags);
    tile::VCmpOp::create(b, e.loc, CmpMode::GT, flags, inf, flags);
    tile::VSelOp::create(b, e.loc, flags, x.buffer, dst, dst);
  }
  return success();
}

LogicalResult TypedLowering::emitDiv(ArrayRef<Operand> in, Value dst) {
  Type t = elementOf(op->getResult(0));
  // trunc(a / b) through f16 is exact while |a| < 2^11 (the quotient's
  // rounding cannot cross an integer): 8-bit data only.
  if (!isNarrow(t))
    return error("integer division of ")
           << t << " has no exact vector form (only 8-bit integers)";
  SmallVector<Value> halves;
  for (auto [i, operand] : llvm::enumerate(in)) {
    Value half = scratch(f16(), i);
    if (operand.buffer)
      conv(operand.buffer, half);
    else
      tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(*operand.scalar), half);
    halves.push_back(half);
  }
  e.binary<tile::VDivOp>(halves[0], halves[1], halves[0]);
  Value lanes = scratch(i16(), 2);
  conv(halves[0], lanes, RoundMode::Trunc);
  narrow(lanes, dst, t, /*maskSlot=*/0);
  return success();
}

LogicalResult TypedLowering::emitPow(ArrayRef<Operand> in, Value dst) {
  Type t = elementOf(op->getResult(0)), lane = laneOf(t);
  Type exponent = elementOf(op->getOperand(1));
  if (isNarrow(t) || !in[0].buffer || !in[1].buffer || laneOf(exponent) != lane)
    return error("integer pow needs a 16/32-bit base and an exponent of its "
                 "lanes, not ")
           << t << " and " << exponent;
  // Square and multiply over the exponent's bits below the sign: dst = 1,
  // p = x; for each bit, dst = bit ? dst * p : dst, p = p * p, wrapping at
  // the lane width as numpy does. `y & 2^i` selects directly (vsel takes any
  // non-zero lane). A negative exponent (undefined in ONNX) uses its low
  // bits.
  Value p = scratch(lane, 0), product = scratch(lane, 1),
        bit = scratch(lane, 2);
  tile::VAddsOp::create(b, e.loc, in[0].buffer, b.getF64FloatAttr(0), p);
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(1), dst);
  int bits = lane.getIntOrFloatBitWidth() - 1;
  for (int i = 0; i < bits; ++i) {
    tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(std::ldexp(1.0, i)), bit);
    e.binary<tile::VAndOp>(in[1].buffer, bit, bit);
    e.binary<tile::VMulOp>(dst, p, product);
    tile::VSelOp::create(b, e.loc, bit, product, dst, dst);
    if (i + 1 < bits)
      e.binary<tile::VMulOp>(p, p, p);
  }
  return success();
}

LogicalResult TypedLowering::emitCompare(ArrayRef<Operand> in, Value dst,
                                         CmpMode mode) {
  Type t = elementOf(op->getOperand(0));
  Type lane = laneOf(t);
  // Operands widen (or bias) into slots 0 and 1 of their lanes; the flags
  // go to slot 2 for widened 8-bit data, else over slot 0 (vcmp reads each
  // lane before writing it).
  Value a = widen(in[0], t, 0), c = widen(in[1], t, 1);
  a = bias(a, t, scratch(lane, 0));
  c = bias(c, t, scratch(lane, 1));
  Value flags = isNarrow(t) ? scratch(i16(), 2) : scratch(lane, 0);
  tile::VCmpOp::create(b, e.loc, mode, a, c, flags);
  toBool(flags, lane, dst);
  return success();
}

LogicalResult TypedLowering::emitWhere(ArrayRef<Operand> in, Value dst) {
  Type t = elementOf(op->getResult(0)), lane = laneOf(t);
  if (!in[0].buffer)
    return error("a splat condition is not supported");
  // The condition's 0 / 1 bytes become 0 / 1 lanes of the values' type, in
  // slot 2; the values widen into slots 0 and 1.
  Value cond = scratch(f16(), 2);
  conv(in[0].buffer, cond);
  if (is64(lane)) {
    // No f16 -> 64-bit pair: through s32.
    Value narrowed = scratch(i32(), 2);
    conv(cond, narrowed, RoundMode::Rint);
    Value wide = scratch(lane, 2);
    conv(narrowed, wide);
    cond = wide;
  } else if (!lane.isF16()) {
    Value wide = scratch(lane, 2);
    conv(cond, wide,
         lane.isInteger() ? std::optional(RoundMode::Rint) : std::nullopt);
    cond = wide;
  }
  Value x = widen(in[1], t, 0), y = widen(in[2], t, 1);
  Value result = isNarrow(t) ? cond : dst;
  tile::VSelOp::create(b, e.loc, cond, x, y, result);
  if (isNarrow(t))
    narrow(result, dst, t, /*maskSlot=*/0);
  return success();
}

LogicalResult TypedLowering::emitCast(Value src, Value dst) {
  Type from = elementOf(op->getOperand(0)), to = elementOf(op->getResult(0));
  auto unsupported = [&]() {
    return error("casting ")
           << from << " to " << to << " has no exact vector form yet";
  };
  bool fromFloat = isa<FloatType>(from), toFloat = isa<FloatType>(to);
  if (!isNarrow(from) && getUBElementType(from) == getUBElementType(to)) {
    // One width, another signedness: the bytes stay (modular).
    tile::VAddsOp::create(b, e.loc, src, b.getF64FloatAttr(0), dst);
    return success();
  }
  if (to.isInteger(1)) {
    // x != 0, in the source's lanes.
    Type lane = laneOf(from);
    Value x = widen({src, std::nullopt}, from, 0);
    Value zero = scratch(lane, 1);
    tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(0), zero);
    Value flags = isNarrow(from) ? scratch(i16(), 2) : scratch(lane, 0);
    tile::VCmpOp::create(b, e.loc, CmpMode::NE, x, zero, flags);
    toBool(flags, lane, dst);
    return success();
  }
  if (is64(from) || is64(to))
    return emitCast64(src, dst);
  // 8-bit data and bools are exact in f16, and f16 integers convert to any
  // integer lanes exactly.
  if (isNarrow(from)) {
    if (to.isF16()) {
      conv(src, dst);
      return success();
    }
    Value half = scratch(f16(), 0);
    conv(src, half);
    if (isNarrow(to) && to.isUnsignedInteger() != from.isUnsignedInteger()) {
      // s8 <-> u8 wraps: through s16 lanes.
      Value lanes = scratch(i16(), 0);
      conv(half, lanes, RoundMode::Rint);
      narrow(lanes, dst, to, /*maskSlot=*/1);
      return success();
    }
    conv(half, dst, toFloat ? std::nullopt : std::optional(RoundMode::Rint));
    return success();
  }
  if (fromFloat && !toFloat) {
    // ONNX truncates toward zero (out-of-range values are undefined; the
    // hardware saturates).
    if (to.getIntOrFloatBitWidth() == 32 ||
        (from.isF16() && to.getIntOrFloatBitWidth() >= 8)) {
      conv(src, dst, RoundMode::Trunc);
      return success();
    }
    if (from.isF32() && isNarrow(to)) {
      // f32 -> f16 could round up to the next integer: truncate in s32
      // first, then go through f16 (exact for 8-bit values).
      Value wide = scratch(IntegerType::get(ctx, 32), 0);
      conv(src, wide, RoundMode::Trunc);
      Value half = scratch(f16(), 0);
      conv(wide, half);
      conv(half, dst, RoundMode::Rint);
      return success();
    }
    return unsupported();
  }
  if (!fromFloat && toFloat && getUBElementType(from).isSignlessInteger(32)) {
    if (!from.isUnsignedInteger()) {
      conv(src, dst);
      return success();
    }
    if (!to.isF32())
      return unsupported();
    emitUnsignedToF32(src, dst);
    return success();
  }
  if (!fromFloat && toFloat && from.isSignlessInteger(16) && to.isF16()) {
    conv(src, dst);
    return success();
  }
  return unsupported();
}

LogicalResult TypedLowering::emitCast64(Value src, Value dst) {
  Type from = elementOf(op->getOperand(0)), to = elementOf(op->getResult(0));
  // vconv pairs of the 64-bit lanes: s64/u64 <-> s32, s64/u64 <-> f32 and
  // s64 <-> u64; other types go through s32 or f32 where that is exact.
  if (is64(to)) {
    if (from.isF16() || isNarrow(from)) {
      // f16 -> f32 is exact; 8-bit data and bools are integral in f16.
      Value half = src;
      if (!from.isF16()) {
        half = scratch(f16(), 0);
        conv(src, half);
      }
      Value mid = scratch(from.isF16() ? f32() : i32(), 0);
      conv(half, mid,
           from.isF16() ? std::nullopt : std::optional(RoundMode::Rint));
      src = mid;
      from = elementOf(mid);
    }
    if (!is64(from) && !from.isF32() && !from.isInteger(32))
      return error("casting ") << elementOf(op->getOperand(0)) << " to " << to
                               << " has no exact vector form yet";
    // ONNX truncates float -> integer (out of range is undefined; the
    // hardware saturates).
    conv(src, dst,
         from.isF32() ? std::optional(RoundMode::Trunc) : std::nullopt);
    if (from.isUnsignedInteger(32)) {
      // The i32 buffer sign-extended: keep the low 32 bits.
      Value mask = scratch(to, 0);
      tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(4294967295.0), mask);
      e.binary<tile::VAndOp>(dst, mask, dst);
    }
    return success();
  }
  if (to.isF32() || to.isInteger(32)) {
    // s64/u64 -> f32 rounds once; -> s32/u32 keeps the low bits, as numpy.
    conv(src, dst);
    return success();
  }
  if (to.isF16()) {
    // Through f32: exact below 2^24, and anything above rounds to inf in
    // f16 either way, so this rounds once.
    Value single = scratch(f32(), 0);
    conv(src, single);
    conv(single, dst);
    return success();
  }
  return error("casting ") << from << " to " << to
                           << " has no exact vector form yet";
}

void TypedLowering::emitUnsignedToF32(Value src, Value dst) {
  // x = hi + lo with hi = x & 0xFFFF0000, lo = x & 0xFFFF: each has at most
  // 16 significant bits, so both convert exactly (hi read as s32 gets 2^32
  // back where negative, still exact), and the one vadd rounds once, as a
  // direct conversion would.
  Type i32 = IntegerType::get(ctx, 32), f32 = Float32Type::get(ctx);
  Value mask = scratch(i32, 0), hi = scratch(i32, 1), lo = scratch(i32, 2);
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(-65536), mask);
  e.binary<tile::VAndOp>(src, mask, hi);
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(65535), mask);
  e.binary<tile::VAndOp>(src, mask, lo);
  Value hiF = scratch(f32, 0), loF = scratch(f32, 1), wrap = scratch(f32, 2);
  conv(hi, hiF);
  conv(lo, loF);
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(0), wrap);
  tile::VCmpOp::create(b, e.loc, CmpMode::LT, hiF, wrap, wrap);
  e.scalar<tile::VMulsOp>(wrap, std::ldexp(1.0, 32), wrap);
  e.binary<tile::VAddOp>(hiF, wrap, hiF);
  e.binary<tile::VAddOp>(hiF, loF, dst);
}

LogicalResult TypedLowering::emitRounding(Value src, Value dst,
                                          RoundMode mode) {
  Type t = elementOf(src);
  // Through s32 lanes; values of magnitude 2^mantissa and more are already
  // integers (and may not fit s32), inf and NaN must stay: those keep x.
  Value rounded = scratch(IntegerType::get(ctx, 32), 0);
  conv(src, rounded, mode);
  conv(rounded, dst);
  Value magnitude = scratch(t, 0), limit = scratch(t, 1);
  e.unary<tile::VAbsOp>(src, magnitude);
  tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(t.isF16() ? 1024 : 8388608),
                       limit);
  tile::VCmpOp::create(b, e.loc, CmpMode::LT, magnitude, limit, magnitude);
  tile::VSelOp::create(b, e.loc, magnitude, dst, src, dst);
  return success();
}

LogicalResult TypedLowering::emit(ArrayRef<Operand> in, Value dst) {
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](nn::EqualOp) { return emitCompare(in, dst, CmpMode::EQ); })
      .Case([&](nn::LessOp) { return emitCompare(in, dst, CmpMode::LT); })
      .Case([&](nn::GreaterOp) { return emitCompare(in, dst, CmpMode::GT); })
      .Case([&](nn::AndOp) {
        // Bytes 0 / 1: bitwise is logical.
        e.binary<tile::VAndOp>(in[0].buffer, in[1].buffer, dst);
        return success();
      })
      .Case([&](nn::OrOp) {
        e.binary<tile::VOrOp>(in[0].buffer, in[1].buffer, dst);
        return success();
      })
      .Case([&](nn::NotOp) {
        // ~x & 1 on every byte.
        Value ones = scratch(b.getI1Type(), 0);
        tile::VDupOp::create(b, e.loc, b.getF64FloatAttr(1), ones);
        e.unary<tile::VNotOp>(in[0].buffer, dst);
        e.binary<tile::VAndOp>(dst, ones, dst);
        return success();
      })
      .Case([&](nn::WhereOp) { return emitWhere(in, dst); })
      .Case([&](nn::CastOp) { return emitCast(in[0].buffer, dst); })
      .Case([&](nn::FloorOp) {
        return emitRounding(in[0].buffer, dst, RoundMode::Floor);
      })
      .Case([&](nn::CeilOp) {
        return emitRounding(in[0].buffer, dst, RoundMode::Ceil);
      })
      .Case([&](nn::DivOp) { return emitDiv(in, dst); })
      .Case([&](nn::PowOp) { return emitPow(in, dst); })
      .Default([&](Operation *) { return emitArithmetic(in, dst); });
}

LogicalResult ascend::emitTypedElementwise(Operation *op, ArrayRef<Operand> in,
                                           Value dst, TileEmitter &e) {
  SmallVector<Value> values(op->getOperands());
  values.push_back(op->getResult(0));
  for (Value v : values) {
    Type t = elementOf(v);
    if (!tile::isVectorElementType(getUBElementType(t)))
      return op->emitError()
             << "cannot lower " << op->getName()
             << " to vector instructions: " << t << " has no vector lanes";
  }
  return TypedLowering(op, e).emit(in, dst);
}
