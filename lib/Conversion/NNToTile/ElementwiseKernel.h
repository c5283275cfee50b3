//===- ElementwiseKernel.h - Tile kernels for elementwise nn.kernels -*- C++
//-*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>

namespace ascend {

/// Builds the tile-level function for an nn.kernel whose ops are all
/// elementwise over one shape. `scalars[i]` holds the splat value of kernel
/// input i when it is a splat constant (passed as an immediate, not as an
/// argument). The function's arguments are the other inputs, then the
/// results, all as gm memrefs of their tensor shapes.
mlir::FailureOr<mlir::func::FuncOp>
buildElementwiseKernel(nn::KernelOp kernel,
                       llvm::ArrayRef<std::optional<double>> scalars,
                       const MachineModel &machine, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEKERNEL_H
