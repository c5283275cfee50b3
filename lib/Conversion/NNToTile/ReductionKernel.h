//===- ReductionKernel.h - Softmax and reductions as tile kernels -*- C++
//-*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_REDUCTIONKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_REDUCTIONKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace ascend {

/// Whether `kernel` holds a softmax, log-softmax or reduce_{sum,mean,max,min}.
bool isReductionKernel(nn::KernelOp kernel);

/// Builds the tile-level function of a kernel holding one softmax,
/// log-softmax or reduction over any adjacent axes. Its arguments are the
/// input and the result as gm memrefs. Fails with an error naming the node
/// when the op cannot be tiled.
mlir::FailureOr<mlir::func::FuncOp>
buildReductionKernel(nn::KernelOp kernel, const MachineModel &machine,
                     mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_REDUCTIONKERNEL_H
