//===- StageKernel.h - Flat gm copies through ub ----------------*- C++ -*-===//
//
// Bursts move whole 32-byte blocks, and only reads from gm may start at any
// byte. A kernel that reads rows of a runtime matrix whose rows are not
// whole blocks long reads past each row's end; for the last rows that would
// leave the tensor's slot. Such operands are first staged: a one-block
// kernel copies the tensor flat into a gm workspace that ends in zeroed
// padding, and the cube kernel reads the workspace instead.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// Elements of zeroed padding a staged workspace has after the tensor's
/// data (rounded up to whole blocks): enough for any row read of the cube
/// kernels, which run at most 15 elements past a row's end.
constexpr int64_t kStagePadding = 16;

/// Copies `elements` values, rounded up to whole 32-byte blocks, from the
/// 1-D gm memref `from` to the 1-D gm memref `to` (both at least that long)
/// through the 1-D ub buffer `ub`, one buffer-full at a time.
void buildFlatCopy(mlir::OpBuilder &b, mlir::Location loc, mlir::Value from,
                   mlir::Value to, int64_t elements, mlir::Value ub);

/// A one-block kernel `name`(input, workspace): copies the tensor `input`
/// to the start of `workspace` (1-D, at least the tensor rounded up to
/// blocks plus kStagePadding values) and zeroes the rest.
mlir::func::FuncOp buildStageKernel(mlir::OpBuilder &moduleBuilder,
                                    mlir::Location loc, llvm::StringRef name,
                                    mlir::MemRefType input,
                                    mlir::MemRefType workspace);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_STAGEKERNEL_H
