//===- ConvKernel.h - Tile kernels for nn.conv nn.kernels -------*- C++ -*-===//
//
// A kernel made of a 2-D nn.conv with constant weights on an nc1hwc0 input
// and result, followed by elementwise ops whose other operands are splat
// constants (`scalars`, per kernel input), per-channel constants or kernel
// inputs of the result's type (residuals), runs on the cube as img2col
// (tile.img2col) + mmad with its epilogue on the vector unit. See
// ConvKernel.cpp and docs/conv-lowering.md. With `mixed`, an f32 conv runs on
// the cube's f16 mode (fp32 accumulation, f32 result): its input is
// converted by a stage kernel launched first (unless the conv kernel that
// produces it wrote the f16 copy already, see `f16Copy`) and its weights
// packed as f16.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H

#include "CubeKernel.h"

namespace ascend {

bool isConvKernel(nn::KernelOp kernel);

/// The kernel input that the conv kernel `kernel` reads as an f16 copy
/// (getConvInputStageType) when lowered with `mixed`: the f32 input of a
/// conv with constant weights.
std::optional<unsigned> getConvF16Input(nn::KernelOp kernel, bool mixed);

/// With `f16Copy`, the f32 kernel also writes its result as the f16 copy
/// that a mixed-precision conv reading it needs, from the epilogue's ub tile
/// (vconv), when its channel tiles map onto whole f16 blocks; the copy is
/// then CubeKernel::f16Copy, one more gm argument after the result.
/// A mixed-precision conv reads the f16 copy of its input from a stage
/// kernel (a prelude, shareable) if `inputStaged` (the copy exists already)
/// or that is estimated cheaper than converting each input window in the
/// kernel on its way to L1 (gm -> ub, vconv, ub -> L1).
mlir::FailureOr<CubeKernel>
buildConvKernel(nn::KernelOp kernel,
                llvm::ArrayRef<std::optional<double>> scalars,
                const MachineModel &machine, bool mixed, bool f16Copy,
                bool inputStaged, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CONVKERNEL_H
