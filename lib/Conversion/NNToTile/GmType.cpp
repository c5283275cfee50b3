//===- GmType.cpp - Global-memory buffers of nn tensors -------------------===//

#include "GmType.h"

#include "nn/NNLayout.h"
#include "tile/TileAttrs.h"

using namespace mlir;

MemRefType ascend::getGmType(Type tensorType) {
  auto tensor = cast<RankedTensorType>(tensorType);
  return MemRefType::get(
      nn::getStoredShape(tensor), tensor.getElementType(),
      MemRefLayoutAttrInterface(),
      tile::MemorySpaceAttr::get(tensor.getContext(), MemorySpace::GM));
}

int64_t ascend::getStoredNumElements(Type tensorType) {
  return getGmType(tensorType).getNumElements();
}
