//===- FloatMath.cpp - Float math functions as vector op sequences --------===//

#include "FloatMath.h"

#include "tile/TileOps.h"

#include <cmath>

using namespace mlir;
using namespace ascend;
using namespace ascend::tile;

namespace {
/// Constants of the tiles' element type for the rounding tricks below.
struct TypeConstants {
  explicit TypeConstants(Value buffer) {
    Type elem = cast<MemRefType>(buffer.getType()).getElementType();
    bool f16 = elem.isF16();
    largest = APFloat::getLargest(cast<FloatType>(elem).getFloatSemantics())
                  .convertToDouble();
    stepScale = f16 ? 0x1p12 : 0x1p75;
    roundMagic = f16 ? 0x1.8p10 : 0x1.8p23;
  }
  /// The largest finite value.
  double largest;
  /// Scaling the smallest positive (subnormal) value by stepScale twice
  /// gives at least 1.
  double stepScale;
  /// 1.5 * 2^mantissa bits: v + roundMagic - roundMagic rounds v to the
  /// nearest integer (ties to even) for |v| < 2^(mantissa bits - 1), as
  /// each instruction rounds its result to the element type.
  double roundMagic;
};
} // namespace

/// dst = round(src) to the nearest integer.
static void emitRound(Value src, Value dst, const TypeConstants &c,
                      TileEmitter &e) {
  e.scalar<VAddsOp>(src, c.roundMagic, dst);
  e.scalar<VAddsOp>(dst, -c.roundMagic, dst);
}

/// buf = buf > 0 ? 1 : 0 for buf >= 0.
static void emitStep(Value buf, const TypeConstants &c, TileEmitter &e) {
  e.scalar<VMulsOp>(buf, c.stepScale, buf);
  e.scalar<VMulsOp>(buf, c.stepScale, buf);
  e.scalar<VMinsOp>(buf, 1.0, buf);
}

/// dst = |v - 2 round(v / 2)|: for an integer v, 0 if even and 1 if odd.
static void emitParity(Value v, Value dst, const TypeConstants &c,
                       TileEmitter &e) {
  e.scalar<VMulsOp>(v, 0.5, dst);
  emitRound(dst, dst, c, e);
  e.scalar<VMulsOp>(dst, -2.0, dst);
  e.binary<VAddOp>(dst, v, dst);
  e.unary<VAbsOp>(dst, dst);
}

/// dst = x < 0 ? 1 : 0.
static void emitNegativeStep(Value x, Value dst, const TypeConstants &c,
                             TileEmitter &e) {
  e.scalar<VMulsOp>(x, -1.0, dst);
  e.unary<VReluOp>(dst, dst);
  emitStep(dst, c, e);
}

/// dst = p[0] + t * (p[1] + t * (...)), by Horner's rule.
static void emitPolynomial(Value t, ArrayRef<double> p, Value dst,
                           TileEmitter &e) {
  e.scalar<VMulsOp>(t, p.back(), dst);
  e.scalar<VAddsOp>(dst, p[p.size() - 2], dst);
  for (double coefficient : llvm::reverse(p.drop_back(2))) {
    e.binary<VMulOp>(dst, t, dst);
    e.scalar<VAddsOp>(dst, coefficient, dst);
  }
}

void ascend::emitErf(Value x, Value dst, TileEmitter &e) {
  // erf(x) = x * P(x^2) / Q(x^2) on [-4, 4] (a least-squares fit of the
  // relative error, at most 5e-7 in f32); |erf(x)| rounds to 1 beyond.
  static constexpr double p[] = {
      1.1283791500895943,   0.1899205541834323,     0.05266713389950509,
      0.003741644524247898, 0.00028374034685415064, 2.0444725254420426e-06};
  static constexpr double q[] = {1.0,
                                 0.5016455434575083,
                                 0.1138928840869058,
                                 0.014919649822346443,
                                 0.0011557395741819392,
                                 3.7977498978387925e-05};
  Value clamped = e.scratch[0], t = e.scratch[1];
  e.scalar<VMaxsOp>(x, -4.0, clamped);
  e.scalar<VMinsOp>(clamped, 4.0, clamped);
  e.binary<VMulOp>(clamped, clamped, t);
  emitPolynomial(t, p, dst, e);
  e.binary<VMulOp>(dst, clamped, dst);
  emitPolynomial(t, q, clamped, e);
  e.binary<VDivOp>(dst, clamped, dst);
}

void ascend::emitSinCos(Value x, bool cos, Value dst, TileEmitter &e) {
  TypeConstants c(dst);
  // pi in three parts (Cody and Waite): n * kPiHi is exact for |n| < 2^15
  // (kPiHi has 8 significant bits), so r keeps its accuracy for large x.
  constexpr double kPiHi = 3.140625, kPiMid = 9.676535846665502e-04,
                   kPiLo = 5.126565838509123e-12;
  // sin(r) = r * (1 - r^2 / 3! + r^4 / 5! - ... - r^10 / 11!): the next
  // term is below 6e-8 for |r| <= pi / 2.
  static constexpr double kSin[] = {1.0,         -1.0 / 6,     1.0 / 120,
                                    -1.0 / 5040, 1.0 / 362880, -1.0 / 39916800};
  // n = round(x / pi) for sin; round(x / pi - 1/2) + 1/2 for cos. Then
  // sin(x) = (-1)^n sin(r) and cos(x) = (-1)^(n + 1/2) sin(r).
  double shift = cos ? 0.5 : 0.0;
  Value n = e.scratch[0], tmp = e.scratch[1];
  e.scalar<VMulsOp>(x, 0.31830988618379067, n); // 1 / pi
  if (cos)
    e.scalar<VAddsOp>(n, -shift, n);
  emitRound(n, n, c, e);
  if (cos)
    e.scalar<VAddsOp>(n, shift, n);
  e.scalar<VMulsOp>(n, -kPiHi, dst);
  e.binary<VAddOp>(dst, x, dst);
  for (double part : {kPiMid, kPiLo}) {
    e.scalar<VMulsOp>(n, -part, tmp);
    e.binary<VAddOp>(dst, tmp, dst);
  }
  // m = n (+ 1/2 for cos), an integer; (-1)^m = 1 - 2 |m - 2 round(m / 2)|.
  // sin is odd: the sign goes onto r.
  Value m = n;
  if (cos)
    e.scalar<VAddsOp>(n, shift, m);
  emitParity(m, tmp, c, e);
  e.scalar<VMulsOp>(tmp, -2.0, tmp);
  e.scalar<VAddsOp>(tmp, 1.0, tmp);
  e.binary<VMulOp>(dst, tmp, dst);
  Value square = n;
  e.binary<VMulOp>(dst, dst, square);
  emitPolynomial(square, kSin, tmp, e);
  e.binary<VMulOp>(dst, tmp, dst);
}

void ascend::emitSign(Value x, Value dst, TileEmitter &e) {
  // Scaled past +-1 unless zero, then clamped.
  TypeConstants c(dst);
  e.scalar<VMulsOp>(x, c.stepScale, dst);
  e.scalar<VMulsOp>(dst, c.stepScale, dst);
  e.scalar<VMaxsOp>(dst, -1.0, dst);
  e.scalar<VMinsOp>(dst, 1.0, dst);
}

void ascend::emitThresholdedRelu(Value x, double alpha, Value dst,
                                 TileEmitter &e) {
  // x * step(x - alpha): x - alpha is exact near alpha, so the step is 1
  // exactly when x > alpha.
  TypeConstants c(dst);
  e.scalar<VAddsOp>(x, -alpha, dst);
  e.unary<VReluOp>(dst, dst);
  emitStep(dst, c, e);
  e.binary<VMulOp>(dst, x, dst);
}

bool ascend::hasExactPow(double y) {
  return y == 1 || y == 2 || y == 3 || y == 0.5 || y == -0.5 || y == -1;
}

bool ascend::emitExactPow(Value x, double y, Value dst, TileEmitter &e) {
  // x^2 in normalizations, x^3 in GELU approximations, roots and
  // reciprocals: exact, and cheaper than exp(y * ln|x|).
  if (y == 1)
    e.scalar<VAddsOp>(x, 0.0, dst);
  else if (y == 2)
    e.binary<VMulOp>(x, x, dst);
  else if (y == 3) {
    e.binary<VMulOp>(x, x, dst);
    e.binary<VMulOp>(dst, x, dst);
  } else if (y == 0.5)
    e.unary<VSqrtOp>(x, dst);
  else if (y == -0.5)
    e.unary<VRsqrtOp>(x, dst);
  else if (y == -1)
    e.unary<VRecOp>(x, dst);
  else
    return false;
  return true;
}

void ascend::emitPow(const Operand &x, const Operand &y, Value dst,
                     TileEmitter &e) {
  TypeConstants c(dst);
  // |x|^y = exp(y * ln|x|). ln 0 = -inf is clamped to the lowest finite
  // value: y = 0 then gives exp(0) = 1 (not exp(NaN)), y > 0 gives 0 and
  // y < 0 gives inf, as 0^y should.
  auto clampLn = [&](double v) {
    return std::min(std::max(v, -c.largest), c.largest);
  };
  if (x.buffer) {
    e.unary<VAbsOp>(x.buffer, dst);
    e.unary<VLnOp>(dst, dst);
    e.scalar<VMaxsOp>(dst, -c.largest, dst);
    e.scalar<VMinsOp>(dst, c.largest, dst);
    if (y.buffer)
      e.binary<VMulOp>(dst, y.buffer, dst);
    else
      e.scalar<VMulsOp>(dst, *y.scalar, dst);
  } else {
    e.scalar<VMulsOp>(y.buffer, clampLn(std::log(std::fabs(*x.scalar))), dst);
  }
  e.unary<VExpOp>(dst, dst);

  // A negative base: the sign is (-1)^y for an integer y, and the result
  // NaN for any other y. With n = 1 for x < 0 (else 0) and
  // d = |y - 2 round(y / 2)| (0 for even y, 1 for odd y, neither
  // otherwise), e = n * d and the factor is
  //   1 - 2e + sqrt(-e(1 - e)):
  // 1 or -1 for e in {0, 1} (sqrt(-0) = -0), NaN for any other e.
  if (x.scalar && !(*x.scalar < 0))
    return;
  Value factor = e.scratch[0], tmp = e.scratch[1];
  if (y.scalar) {
    double d = std::fabs(*y.scalar - 2 * std::nearbyint(*y.scalar / 2));
    if (d == 0)
      return;
    emitNegativeStep(x.buffer, factor, c, e);
    e.scalar<VMulsOp>(factor, d, factor);
  } else {
    emitParity(y.buffer, factor, c, e);
    if (x.buffer) {
      emitNegativeStep(x.buffer, tmp, c, e);
      e.binary<VMulOp>(factor, tmp, factor);
    }
  }
  e.binary<VMulOp>(factor, factor, tmp);
  e.binary<VSubOp>(tmp, factor, tmp);
  e.unary<VSqrtOp>(tmp, tmp);
  e.scalar<VMulsOp>(factor, -2.0, factor);
  e.scalar<VAddsOp>(factor, 1.0, factor);
  e.binary<VAddOp>(factor, tmp, factor);
  e.binary<VMulOp>(dst, factor, dst);
}
