//===- NNLayout.h - Logical vs stored shapes of nn tensors ------*- C++ -*-===//
//
// A packed layout (nc1hwc0, fractal_nz) travels as the encoding of a tensor
// type whose shape stays the logical one; these helpers give the layout and
// the shape the tensor has in memory.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_NN_NNLAYOUT_H
#define ASCEND_NN_NNLAYOUT_H

#include "nn/NNAttrs.h"

#include "mlir/IR/BuiltinTypes.h"

namespace ascend::nn {

/// Elements per 32-byte block: the C0 of NC1HWC0 and the N0 of fractals.
int64_t getBlockElements(mlir::Type elementType);

/// The layout `type` is stored in: its encoding, or the framework layout
/// (nchw for rank 4, nd otherwise) when it has none.
Layout getLayout(mlir::RankedTensorType type);

/// Whether `layout` is packed, i.e. written as a tensor encoding.
bool isPackedLayout(Layout layout);

/// The shape of `type` as stored in memory, e.g. [N, C1, H, W, C0] for an
/// nc1hwc0 tensor of logical shape [N, C, H, W].
llvm::SmallVector<int64_t> getStoredShape(mlir::RankedTensorType type);

/// Whether `a` and `b`, one logical shape in two layouts, hold the same bytes
/// in the same order, so that converting between them moves no data: e.g.
/// nchw and nc1hwc0 of an [N, C, 1, 1] map whose C is a multiple of C0.
bool haveSameStorage(mlir::RankedTensorType a, mlir::RankedTensorType b);

/// `type` stored in `layout`: the encoding is set for packed layouts and
/// dropped for framework ones.
mlir::RankedTensorType withLayout(mlir::RankedTensorType type, Layout layout);

} // namespace ascend::nn

#endif // ASCEND_NN_NNLAYOUT_H
