//===- PoolKernel.h - Pooling on NC1HWC0 feature maps -----------*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_POOLKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_POOLKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>

namespace ascend {

/// Whether `kernel` holds a single pooling op (max, average, global).
bool isPoolKernel(nn::KernelOp kernel);

/// A pooling tile kernel. Its arguments are the input, then `divisors` if
/// set (a gm constant of per-output-pixel reciprocals, [OH][OW][C0]), then
/// the result.
struct PoolKernel {
  mlir::func::FuncOp func;
  std::optional<std::pair<mlir::MemRefType, mlir::Attribute>> divisors;
};

/// Builds the tile kernel of a pooling kernel on nc1hwc0 tensors. Fails with
/// an error naming the node for what it cannot lower (other layouts or
/// ranks, element types, windows too wide for the unified buffer).
mlir::FailureOr<PoolKernel> buildPoolKernel(nn::KernelOp kernel,
                                            const MachineModel &machine,
                                            mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_POOLKERNEL_H
