//===- BroadcastKernel.h - Elementwise kernels with broadcasting -*- C++
//-*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_BROADCASTKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_BROADCASTKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>

namespace ascend {

/// Whether an op of elementwise `kernel` reads a tensor (not a splat
/// constant, see `scalars`) of another shape than its result.
bool hasBroadcast(nn::KernelOp kernel,
                  llvm::ArrayRef<std::optional<double>> scalars);

/// Builds the tile-level function of an elementwise kernel whose inputs
/// broadcast (numpy rules) to its result shape. Arguments as for
/// buildElementwiseKernel: the non-splat inputs, then the results.
mlir::FailureOr<mlir::func::FuncOp>
buildBroadcastKernel(nn::KernelOp kernel,
                     llvm::ArrayRef<std::optional<double>> scalars,
                     const MachineModel &machine, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_BROADCASTKERNEL_H
