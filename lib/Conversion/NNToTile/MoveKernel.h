//===- MoveKernel.h - Kernels that only move data ---------------*- C++ -*-===//
//
// Data-movement ops (concat, split, slice, transpose, expand, tile, pad,
// gather with constant indices, depth/space rearrangements) compute nothing:
// every output element is an input element or a constant. Each op is
// described as a list of moves, affine maps from an index box to element
// offsets in one input and one output; MoveKernel.cpp runs any such list
// as gm -> ub -> gm burst copies over all cores.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_MOVEKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_MOVEKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>

namespace ascend {

/// For every index i of the box `shape`:
///   output[dstOffset + sum_d i_d * dstStrides[d]] =
///       input[srcOffset + sum_d i_d * srcStrides[d]]
/// in elements of the row-major stored tensors. Source strides may be 0
/// (broadcast) or negative (reversal); destination strides are positive
/// and the boxes of one kernel's moves write disjoint elements (empty boxes
/// move nothing). A move
/// without an input fills its box with `value` (one value per kernel).
struct Move {
  std::optional<unsigned> input;
  unsigned output = 0;
  int64_t srcOffset = 0, dstOffset = 0;
  llvm::SmallVector<int64_t> shape, srcStrides, dstStrides;
  double value = 0.0;
};

using MoveList = llvm::SmallVector<Move, 1>;

/// Row-major element strides of `shape`.
llvm::SmallVector<int64_t> getRowMajorStrides(llvm::ArrayRef<int64_t> shape);

/// Whether `kernel` holds one data-movement op (see above).
bool isMoveKernel(nn::KernelOp kernel);

/// The moves of a move kernel's op; fails with an error naming the node
/// for forms not supported.
mlir::FailureOr<MoveList> getMoves(nn::KernelOp kernel);

/// Builds the tile kernel of a move kernel: arguments are the kernel's
/// inputs, then its results, all in gm.
mlir::FailureOr<mlir::func::FuncOp> buildMoveKernel(nn::KernelOp kernel,
                                                    const MachineModel &machine,
                                                    mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_MOVEKERNEL_H
