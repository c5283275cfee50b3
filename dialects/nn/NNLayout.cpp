//===- NNLayout.cpp - Logical vs stored shapes of nn tensors --------------===//

#include "nn/NNLayout.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace ascend::nn;

int64_t ascend::nn::getBlockElements(Type elementType) {
  unsigned bits = elementType.getIntOrFloatBitWidth();
  return 256 / std::max(bits, 8u);
}

Layout ascend::nn::getLayout(RankedTensorType type) {
  if (auto layout = dyn_cast_or_null<LayoutAttr>(type.getEncoding()))
    return layout.getValue();
  return type.getRank() == 4 ? Layout::NCHW : Layout::ND;
}

bool ascend::nn::isPackedLayout(Layout layout) {
  return layout == Layout::NC1HWC0 || layout == Layout::FractalNZ;
}

SmallVector<int64_t> ascend::nn::getStoredShape(RankedTensorType type) {
  ArrayRef<int64_t> shape = type.getShape();
  int64_t c0 = getBlockElements(type.getElementType());
  switch (getLayout(type)) {
  case Layout::NC1HWC0:
    return {shape[0], llvm::divideCeilSigned(shape[1], c0), shape[2], shape[3],
            c0};
  case Layout::FractalNZ: {
    SmallVector<int64_t> stored(shape.drop_back(2));
    int64_t m = shape[shape.size() - 2], n = shape.back();
    stored.append({llvm::divideCeilSigned(n, c0),
                   llvm::divideCeilSigned(m, int64_t(16)), 16, c0});
    return stored;
  }
  case Layout::ND:
  case Layout::NCHW:
    break;
  }
  return SmallVector<int64_t>(shape);
}

bool ascend::nn::haveSameStorage(RankedTensorType a, RankedTensorType b) {
  if (a.getShape() != b.getShape() || a.getElementType() != b.getElementType())
    return false;
  Layout la = getLayout(a), lb = getLayout(b);
  if (la == lb)
    return true;
  // One pixel per channel group and no padding channels: [N][C1][1][1][C0]
  // is [N][C] in row-major order.
  bool nchwPair = (la == Layout::NCHW && lb == Layout::NC1HWC0) ||
                  (la == Layout::NC1HWC0 && lb == Layout::NCHW);
  ArrayRef<int64_t> shape = a.getShape();
  return nchwPair && shape[2] * shape[3] == 1 &&
         shape[1] % getBlockElements(a.getElementType()) == 0;
}

RankedTensorType ascend::nn::withLayout(RankedTensorType type, Layout layout) {
  Attribute encoding;
  if (isPackedLayout(layout))
    encoding = LayoutAttr::get(type.getContext(), layout);
  return RankedTensorType::get(type.getShape(), type.getElementType(),
                               encoding);
}

LogicalResult
LayoutAttr::verifyEncoding(ArrayRef<int64_t> shape, Type elementType,
                           function_ref<InFlightDiagnostic()> emitError) const {
  switch (getValue()) {
  case Layout::NC1HWC0:
    if (shape.size() != 4)
      return emitError() << "'nc1hwc0' encodes rank-4 tensors, not rank "
                         << shape.size();
    break;
  case Layout::FractalNZ:
    if (shape.size() < 2)
      return emitError() << "'fractal_nz' encodes tensors of rank 2 or more";
    break;
  case Layout::ND:
  case Layout::NCHW:
    return emitError() << "'" << stringifyLayout(getValue())
                       << "' is the layout of a tensor without encoding; "
                          "only packed layouts are encodings";
  }
  if (!elementType.isIntOrFloat())
    return emitError() << "packed layouts need integer or float elements";
  return success();
}
