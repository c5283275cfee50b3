//===- FloatMath.h - Float math functions as vector op sequences -*- C++
//-*-===//
//
// Functions the vector unit has no instruction for (erf, pow with any
// exponent, sin, cos, sign, steps), composed from the ones it has: the same
// polynomial and exp/ln sequences a CANN kernel runs. They work in f32 and f16;
// the rounding tricks use the element type's own constants.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_FLOATMATH_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_FLOATMATH_H

#include "ElementwiseOps.h"

namespace ascend {

/// erf(x) into `dst` as clamp(x) * P(x^2) / Q(x^2); uses two scratch buffers.
void emitErf(mlir::Value x, mlir::Value dst, TileEmitter &e);

/// sin(x) or cos(x) into `dst`: x = n * pi + r with |r| <= pi / 2 (n an
/// integer for sin, an integer + 1/2 for cos), then +-sin(r) by its Taylor
/// polynomial; uses two scratch buffers.
void emitSinCos(mlir::Value x, bool cos, mlir::Value dst, TileEmitter &e);

/// sign(x) into `dst`: -1, 0 or 1 (NaN stays NaN).
void emitSign(mlir::Value x, mlir::Value dst, TileEmitter &e);

/// x > alpha ? x : 0 into `dst`.
void emitThresholdedRelu(mlir::Value x, double alpha, mlir::Value dst,
                         TileEmitter &e);

/// Whether x^y has an exact vector form (x^2, x^3, roots, reciprocals).
bool hasExactPow(double y);

/// Emits x^y into `dst` when y has an exact vector form; false otherwise
/// (nothing emitted).
bool emitExactPow(mlir::Value x, double y, mlir::Value dst, TileEmitter &e);

/// x^y into `dst` as ONNX (numpy) defines it for floats:
/// exp(y * ln|x|), negated for a negative base with an odd integer exponent,
/// NaN for a negative base with a non-integer one, 1 for y == 0, 0 or inf for
/// a zero base. Either operand may be a splat; uses two scratch buffers.
void emitPow(const Operand &x, const Operand &y, mlir::Value dst,
             TileEmitter &e);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_FLOATMATH_H
