//===- PackedConstant.h - Constants in their stored order -------*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_PACKEDCONSTANT_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_PACKEDCONSTANT_H

#include "mlir/IR/Attributes.h"

namespace ascend {

/// The data of an nn constant as gm holds it: constants of a packed type
/// (nc1hwc0, fractal_nz) keep their elements in logical order and are
/// repacked here into the stored shape, padding zero; others are returned
/// unchanged.
mlir::Attribute getStoredData(mlir::Attribute value);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_PACKEDCONSTANT_H
