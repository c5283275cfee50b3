//===- NNOps.h - Operations of the nn dialect -------------------*- C++ -*-===//

#ifndef ASCEND_NN_NNOPS_H
#define ASCEND_NN_NNOPS_H

#include "nn/NNAttrs.h"
#include "nn/NNDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace ascend::nn {
/// Checks that a binary elementwise op's result is the ONNX broadcast of its
/// operands, with one element type throughout (or i1 results for
/// comparisons).
llvm::LogicalResult verifyBroadcastingOp(mlir::Operation *op,
                                         bool boolResult = false);
/// Checks a pooling op's attributes and its result shape.
llvm::LogicalResult
verifyPoolOp(mlir::Operation *op, llvm::ArrayRef<int64_t> kernel,
             llvm::ArrayRef<int64_t> strides, llvm::ArrayRef<int64_t> pads,
             llvm::ArrayRef<int64_t> dilations, bool ceilMode);
llvm::LogicalResult verifyGlobalPoolOp(mlir::Operation *op);
/// Checks a reduction's axes and its result shape (operand 0 reduced).
llvm::LogicalResult verifyReduceOp(mlir::Operation *op,
                                   llvm::ArrayRef<int64_t> axes, bool keepdims);
/// Output extent of a sliding window (conv, pooling) per ONNX.
int64_t getWindowOutputSize(int64_t in, int64_t padBegin, int64_t padEnd,
                            int64_t kernel, int64_t stride, int64_t dilation,
                            bool ceilMode);
} // namespace ascend::nn

#define GET_OP_CLASSES
#include "nn/NNOps.h.inc"

#endif // ASCEND_NN_NNOPS_H
