//===- NNConstants.cpp - Reading and building nn constants ----------------===//

#include "nn/NNConstants.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/APFloat.h"

#include <cstring>
#include <limits>

using namespace mlir;

namespace ascend::nn {

/// Raw little-endian bytes of a dense_resource constant, if its blob is
/// loaded.
static std::optional<ArrayRef<char>> getResourceBytes(Attribute attr) {
  auto res = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!res)
    return std::nullopt;
  AsmResourceBlob *blob = res.getRawHandle().getBlob();
  if (!blob)
    return std::nullopt;
  return blob->getData();
}

static int64_t getNumElements(Attribute attr) {
  return cast<ShapedType>(cast<TypedAttr>(attr).getType()).getNumElements();
}

std::optional<SmallVector<int64_t>> getIntValues(Attribute attr,
                                                 int64_t limit) {
  auto typed = dyn_cast_or_null<ElementsAttr>(attr);
  if (!typed || !typed.getElementType().isInteger() ||
      getNumElements(attr) > limit)
    return std::nullopt;
  int64_t n = getNumElements(attr);
  SmallVector<int64_t> values;
  values.reserve(n);
  if (auto dense = dyn_cast<DenseIntElementsAttr>(attr)) {
    bool isBool = dense.getElementType().isInteger(1);
    for (const APInt &v : dense.getValues<APInt>())
      values.push_back(isBool ? int64_t(v.getBoolValue()) : v.getSExtValue());
    return values;
  }
  std::optional<ArrayRef<char>> bytes = getResourceBytes(attr);
  if (!bytes)
    return std::nullopt;
  unsigned width = typed.getElementType().getIntOrFloatBitWidth();
  size_t elemBytes = width == 1 ? 1 : width / 8;
  if (bytes->size() != size_t(n) * elemBytes)
    return std::nullopt;
  for (int64_t i = 0; i < n; ++i) {
    const char *p = bytes->data() + i * elemBytes;
    if (elemBytes == 8) {
      int64_t v;
      std::memcpy(&v, p, 8);
      values.push_back(v);
    } else if (elemBytes == 4) {
      int32_t v;
      std::memcpy(&v, p, 4);
      values.push_back(v);
    } else {
      values.push_back(*p != 0);
    }
  }
  return values;
}

std::optional<SmallVector<double>> getAllConstantFloats(Value value) {
  Attribute attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  return getFloatValues(attr, std::numeric_limits<int64_t>::max());
}

std::optional<SmallVector<double>> getFloatValues(Attribute attr,
                                                  int64_t limit) {
  auto typed = dyn_cast_or_null<ElementsAttr>(attr);
  if (!typed || !isa<FloatType>(typed.getElementType()) ||
      getNumElements(attr) > limit)
    return std::nullopt;
  int64_t n = getNumElements(attr);
  SmallVector<double> values;
  values.reserve(n);
  if (auto dense = dyn_cast<DenseFPElementsAttr>(attr)) {
    for (const APFloat &v : dense.getValues<APFloat>())
      values.push_back(v.convertToDouble());
    return values;
  }
  std::optional<ArrayRef<char>> bytes = getResourceBytes(attr);
  if (!bytes)
    return std::nullopt;
  Type elemTy = typed.getElementType();
  if (elemTy.isF32()) {
    if (bytes->size() != size_t(n) * 4)
      return std::nullopt;
    for (int64_t i = 0; i < n; ++i) {
      float v;
      std::memcpy(&v, bytes->data() + i * 4, 4);
      values.push_back(v);
    }
    return values;
  }
  if (elemTy.isF16()) {
    if (bytes->size() != size_t(n) * 2)
      return std::nullopt;
    for (int64_t i = 0; i < n; ++i) {
      uint16_t bits;
      std::memcpy(&bits, bytes->data() + i * 2, 2);
      values.push_back(
          APFloat(APFloat::IEEEhalf(), APInt(16, bits)).convertToDouble());
    }
    return values;
  }
  return std::nullopt;
}

DenseElementsAttr makeIntAttr(RankedTensorType type, ArrayRef<int64_t> values) {
  Type elemTy = type.getElementType();
  if (isa<FloatType>(elemTy))
    return makeFloatAttr(
        type, llvm::map_to_vector(values, [](int64_t v) { return double(v); }));
  unsigned width = elemTy.getIntOrFloatBitWidth();
  SmallVector<APInt> ints;
  ints.reserve(values.size());
  for (int64_t v : values)
    ints.push_back(width == 1 ? APInt(1, v != 0)
                              : APInt(width, v, /*isSigned=*/true,
                                      /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, ints);
}

static APFloat toAPFloat(Type elemTy, double v) {
  APFloat f(v);
  bool lostInfo;
  f.convert(cast<FloatType>(elemTy).getFloatSemantics(),
            APFloat::rmNearestTiesToEven, &lostInfo);
  return f;
}

DenseElementsAttr makeFloatAttr(RankedTensorType type,
                                ArrayRef<double> values) {
  Type elemTy = type.getElementType();
  if (!isa<FloatType>(elemTy))
    return makeIntAttr(
        type, llvm::map_to_vector(values, [](double v) { return int64_t(v); }));
  SmallVector<APFloat> floats;
  floats.reserve(values.size());
  for (double v : values)
    floats.push_back(toAPFloat(elemTy, v));
  return DenseElementsAttr::get(type, floats);
}

ElementsAttr makeWeightAttr(RankedTensorType type, ArrayRef<double> values,
                            StringRef name) {
  if (type.getNumElements() <= kInlineElementLimit)
    return makeFloatAttr(type, values);
  Type elemTy = type.getElementType();
  if (elemTy.isF32()) {
    SmallVector<float> data(values.begin(), values.end());
    return DenseResourceElementsAttr::get(
        type, name,
        HeapAsmResourceBlob::allocateAndCopyInferAlign<float>(data));
  }
  SmallVector<uint16_t> data;
  data.reserve(values.size());
  for (double v : values)
    data.push_back(
        uint16_t(toAPFloat(elemTy, v).bitcastToAPInt().getZExtValue()));
  return DenseResourceElementsAttr::get(
      type, name,
      HeapAsmResourceBlob::allocateAndCopyInferAlign<uint16_t>(data));
}

} // namespace ascend::nn
