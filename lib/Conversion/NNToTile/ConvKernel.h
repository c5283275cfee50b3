//===- ConvKernel.h - Tile kernels for nn.conv nn.kernels -------*- C++ -*-===//
//
// A kernel made of a 2-D nn.conv with constant weights on an nc1hwc0 input
// and result, followed by elementwise ops whose other operands are splat
// constants (`scalars`, per kernel input), per-channel constants or kernel
// inputs of the result's type (residuals), runs on the cube as img2col
// (tile.img2col) + mmad with its epilogue on the vector unit. See
// ConvKernel.cpp and docs/conv-lowering.md. With `mixed`, an f32 conv runs on
// the cube's f16 mode (fp32 accumulation, f32 result): its input is
// converted by a stage kernel launched first and its weights packed as f16.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H

#include "CubeKernel.h"

namespace ascend {

bool isConvKernel(nn::KernelOp kernel);

mlir::FailureOr<CubeKernel> buildConvKernel(
    nn::KernelOp kernel, llvm::ArrayRef<std::optional<double>> scalars,
    const MachineModel &machine, bool mixed, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H
