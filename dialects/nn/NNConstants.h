//===- NNConstants.h - Reading and building nn constants --------*- C++ -*-===//
//
// Constants in nn IR are DenseElementsAttr (small, inline) or
// DenseResourceElementsAttr (weights, stored as blobs). Folders, the importer
// and the graph passes read and create both through these helpers.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_NN_NNCONSTANTS_H
#define ASCEND_NN_NNCONSTANTS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace ascend::nn {

/// Constants with more elements than this become dense_resource blobs.
constexpr int64_t kInlineElementLimit = 16;
/// Folders stop at results with more elements than this, so that folding
/// never turns a blob into a large inline attribute.
constexpr int64_t kFoldElementLimit = 1024;

/// Values of an integer or bool constant (i1 as 0/1), or nothing when `attr`
/// is not an integer constant or has more than `limit` elements.
std::optional<llvm::SmallVector<int64_t>>
getIntValues(mlir::Attribute attr, int64_t limit = kFoldElementLimit);

/// Values of an f16/f32 constant widened to double, or nothing when `attr` is
/// not a float constant or has more than `limit` elements.
std::optional<llvm::SmallVector<double>>
getFloatValues(mlir::Attribute attr, int64_t limit = kFoldElementLimit);

/// All values of a float tensor `value` produced by a constant op, whatever
/// its size, or nothing (weight folding needs every element).
std::optional<llvm::SmallVector<double>>
getAllConstantFloats(mlir::Value value);

/// Builds an inline constant of `type` (any nn element type) from values.
mlir::DenseElementsAttr makeIntAttr(mlir::RankedTensorType type,
                                    llvm::ArrayRef<int64_t> values);
mlir::DenseElementsAttr makeFloatAttr(mlir::RankedTensorType type,
                                      llvm::ArrayRef<double> values);

/// Builds a constant for weights: a dense_resource blob named after `name`
/// when large, inline otherwise. `type` has an f16 or f32 element type.
mlir::ElementsAttr makeWeightAttr(mlir::RankedTensorType type,
                                  llvm::ArrayRef<double> values,
                                  llvm::StringRef name);

} // namespace ascend::nn

#endif // ASCEND_NN_NNCONSTANTS_H
