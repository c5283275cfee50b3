//===- GmType.h - Global-memory buffers of nn tensors -----------*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_GMTYPE_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_GMTYPE_H

#include "mlir/IR/BuiltinTypes.h"

namespace ascend {

/// The gm memref holding a tensor: its stored shape (packed layouts, i.e.
/// #nn.layout encodings, become their physical dimensions) and element type.
mlir::MemRefType getGmType(mlir::Type tensorType);

/// Elements of the stored form of a tensor, padding included.
int64_t getStoredNumElements(mlir::Type tensorType);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_GMTYPE_H
