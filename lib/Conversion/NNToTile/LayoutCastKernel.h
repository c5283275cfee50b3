//===- LayoutCastKernel.h - nchw <-> nc1hwc0 conversion kernels -*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_LAYOUTCASTKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_LAYOUTCASTKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace ascend {

/// Whether `kernel` holds a single nn.layout_cast.
bool isLayoutCastKernel(nn::KernelOp kernel);

/// Builds the tile kernel of a layout_cast kernel: arguments are the input
/// and the result in gm. Fails with an error naming the node for layout
/// pairs or element types it cannot convert.
mlir::FailureOr<mlir::func::FuncOp>
buildLayoutCastKernel(nn::KernelOp kernel, const MachineModel &machine,
                      mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_LAYOUTCASTKERNEL_H
