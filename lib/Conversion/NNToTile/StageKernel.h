//===- StageKernel.h - Flat gm copies through ub ----------------*- C++ -*-===//
//
// Bursts move whole 32-byte blocks, and only reads from gm may start at any
// byte. A kernel that reads rows of a runtime matrix whose rows are not
// whole blocks long reads past each row's end; for the last rows that would
// leave the tensor's slot. Such operands are first staged: a kernel copies
// the tensor flat into a gm workspace that ends in zeroed padding, and the
// cube kernel reads the workspace instead. In mixed precision the same
// kernel converts f32 operands to f16 on the way.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H

#include "ascend/Machine/MachineModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// Elements of zeroed padding a staged workspace has after the tensor's
/// data (rounded up to whole blocks): enough for any row read of the cube
/// kernels, which run at most 15 elements past a row's end.
constexpr int64_t kStagePadding = 16;

/// Copies `elements` values, rounded up to whole 32-byte blocks, from the
/// 1-D gm memref `from` to the 1-D gm memref `to` (both at least that long)
/// through the 1-D ub buffer `ub`, one buffer-full at a time. With
/// `converted` (a ub buffer as long as `ub`, of `to`'s element type), the
/// values are converted (vconv) on the way.
/// With `blockIdx`, the buffer-fulls are dealt over `blocks` blocks.
void buildFlatCopy(mlir::OpBuilder &b, mlir::Location loc, mlir::Value from,
                   mlir::Value to, int64_t elements, mlir::Value ub,
                   mlir::Value converted = {}, mlir::Value blockIdx = {},
                   int64_t blocks = 1);

/// Estimated cycles of the stage kernel copying `numel` values of
/// `inBytes` bytes each into a workspace of `outBytes` values, by the gm
/// traffic and copy setup of the machine model.
double estimateStageKernel(int64_t numel, int64_t inBytes, int64_t outBytes,
                           const MachineModel &machine);

/// A kernel `name`(input, workspace) on up to `cores` blocks: copies the tensor
/// `input` to the start of `workspace` (1-D, at least the tensor rounded up to
/// blocks plus kStagePadding values), converting it when the element types
/// differ (f32 -> f16 for mixed precision), and zeroes the rest.
mlir::func::FuncOp buildStageKernel(mlir::OpBuilder &moduleBuilder,
                                    mlir::Location loc, llvm::StringRef name,
                                    mlir::MemRefType input,
                                    mlir::MemRefType workspace, int64_t cores);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H
