//===- ArgKernel.h - ArgMax, ArgMin and Hardmax as tile kernels -*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_ARGKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_ARGKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace ascend {

/// Whether `kernel` holds an nn.argmax, nn.argmin or nn.hardmax.
bool isArgKernel(nn::KernelOp kernel);

/// Builds the tile-level function of a kernel holding one nn.argmax or
/// nn.argmin (i32 indices) or nn.hardmax over f16/f32 data. Its arguments
/// are the input and the result as gm memrefs. Fails with an error naming
/// the node for what it cannot lower.
mlir::FailureOr<mlir::func::FuncOp> buildArgKernel(nn::KernelOp kernel,
                                                   const MachineModel &machine,
                                                   mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_ARGKERNEL_H
