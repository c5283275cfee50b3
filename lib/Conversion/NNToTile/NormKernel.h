//===- NormKernel.h - Layer, instance and batch norm as tile kernels -*- C++
//-*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_NORMKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_NORMKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace ascend {

/// Whether `kernel` holds an nn.layer_norm, nn.instance_norm or
/// nn.batch_norm.
bool isNormKernel(nn::KernelOp kernel);

/// Builds the tile-level function of a kernel holding one normalization.
/// Its arguments are the kernel's inputs, then its result, as gm memrefs.
/// Fails with an error naming the node when the op cannot be tiled.
mlir::FailureOr<mlir::func::FuncOp> buildNormKernel(nn::KernelOp kernel,
                                                    const MachineModel &machine,
                                                    mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_NORMKERNEL_H
