//===- PackedConstant.cpp - Constants in their stored order ---------------===//

#include "PackedConstant.h"

#include "nn/NNConstants.h"
#include "nn/NNLayout.h"

#include "mlir/IR/BuiltinTypes.h"

#include <limits>

using namespace mlir;
using namespace ascend;

Attribute ascend::getStoredData(Attribute value) {
  auto type = cast<RankedTensorType>(cast<TypedAttr>(value).getType());
  nn::Layout layout = nn::getLayout(type);
  if (!nn::isPackedLayout(layout))
    return value;
  std::optional<SmallVector<double>> values =
      nn::getFloatValues(value, std::numeric_limits<int64_t>::max());
  if (!values)
    return value; // integer packed constants do not occur
  SmallVector<int64_t> stored = nn::getStoredShape(type);
  auto storedType = RankedTensorType::get(stored, type.getElementType());
  SmallVector<double> packed(storedType.getNumElements(), 0.0);
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = shape.size(), c0 = stored.back();
  if (layout == nn::Layout::NC1HWC0) {
    // [N][C][H][W] -> [N][C1][H][W][C0]
    int64_t c = shape[1], hw = shape[2] * shape[3], c1 = stored[1];
    for (int64_t i = 0, e = type.getNumElements(); i < e; ++i) {
      int64_t p = i % hw, ch = (i / hw) % c, n = i / (hw * c);
      packed[((n * c1 + ch / c0) * hw + p) * c0 + ch % c0] = (*values)[i];
    }
  } else {
    // [..., M, N] -> [..., N1][M1][16][N0]
    int64_t m = shape[rank - 2], nn = shape[rank - 1];
    int64_t m1 = stored[rank - 1], n1 = stored[rank - 2];
    for (int64_t i = 0, e = type.getNumElements(); i < e; ++i) {
      int64_t col = i % nn, row = (i / nn) % m, batch = i / (m * nn);
      int64_t at =
          (((batch * n1 + col / c0) * m1 + row / 16) * 16 + row % 16) * c0 +
          col % c0;
      packed[at] = (*values)[i];
    }
  }
  return nn::makeWeightAttr(storedType, packed, "packed");
}
