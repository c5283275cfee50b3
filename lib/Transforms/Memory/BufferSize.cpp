//===- BufferSize.cpp - Bytes a memref spans ------------------------------===//

#include "MemoryPlanning.h"

using namespace mlir;

FailureOr<uint64_t> ascend::getBufferBytes(MemRefType type, Operation *op) {
  if (!type.hasStaticShape())
    return op->emitError("cannot plan memory for a buffer of dynamic shape ")
           << type;
  Type element = type.getElementType();
  if (!element.isIntOrFloat())
    return op->emitError("cannot plan memory for element type ")
           << element << " (no size in bytes)";
  uint64_t elementBytes = llvm::divideCeil(element.getIntOrFloatBitWidth(), 8);
  if (type.getNumElements() == 0)
    return uint64_t(0);
  if (type.getLayout().isIdentity())
    return type.getNumElements() * elementBytes;

  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)) ||
      ShapedType::isDynamic(offset) || offset < 0 ||
      llvm::any_of(strides,
                   [](int64_t s) { return ShapedType::isDynamic(s) || s < 0; }))
    return op->emitError("cannot plan memory for layout ")
           << type.getLayout()
           << ": it must be the identity or strided with static, "
              "non-negative strides and offset";
  // The buffer spans from element 0 to its last element.
  uint64_t span = offset + 1;
  for (auto [size, stride] : llvm::zip(type.getShape(), strides))
    span += uint64_t(size - 1) * stride;
  return span * elementBytes;
}
