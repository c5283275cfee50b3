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
/// operands, with one element type throughout.
llvm::LogicalResult verifyBroadcastingOp(mlir::Operation *op);
} // namespace ascend::nn

#define GET_OP_CLASSES
#include "nn/NNOps.h.inc"

#endif // ASCEND_NN_NNOPS_H
