//===- FloatMath.h - Float math functions as vector op sequences -*- C++
//-*-===//
//
// Functions the vector unit has no instruction for (erf, pow with any
// exponent), composed from the ones it has: the same polynomial and
// exp/ln sequences a CANN kernel runs. They work in f32 and f16; the
// rounding tricks use the element type's own constants.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_FLOATMATH_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_FLOATMATH_H

#include "ElementwiseOps.h"

namespace ascend {

/// erf(x) into `dst` as clamp(x) * P(x^2) / Q(x^2); uses two scratch buffers.
void emitErf(mlir::Value x, mlir::Value dst, TileEmitter &e);

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
