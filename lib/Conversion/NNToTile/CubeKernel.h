//===- CubeKernel.h - Tile kernels for matmul/gemm nn.kernels ---*- C++ -*-===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CUBEKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CUBEKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>

namespace ascend {

/// Where the graph gets one gm argument of a cube kernel from.
struct CubeKernelArg {
  enum class Kind {
    Input,     // kernel input `input`, as lowered by the graph
    Constant,  // a new constant holding `data` (weights packed on the host)
    Workspace, // scratch gm of `type`, private to this launch
  };
  Kind kind = Kind::Input;
  unsigned input = 0;
  mlir::ElementsAttr data;
  mlir::MemRefType type;
};

/// A kernel launched just before the cube kernel, as
/// `func`(graph value of kernel input `input`, cube kernel argument `arg`):
/// stages a runtime operand into a workspace (see StageKernel.h).
struct CubePrelude {
  mlir::func::FuncOp func;
  unsigned input = 0;
  unsigned arg = 0;
};

/// A cube kernel function and how to fill its arguments; the kernel results
/// follow `args` in the function signature. `prelude` kernels run first.
struct CubeKernel {
  mlir::func::FuncOp func;
  llvm::SmallVector<CubeKernelArg> args;
  llvm::SmallVector<CubePrelude> prelude;
};

/// Whether `kernel` holds a matrix product (nn.matmul or nn.gemm).
bool isCubeKernel(nn::KernelOp kernel);

/// Builds the tile-level function of a kernel made of an nn.matmul (2-D or
/// batched) or nn.gemm, with a constant or runtime right operand, followed
/// by elementwise ops whose other operands are splat constants (`scalars`,
/// per kernel input) or constant rows of N values. See CubeKernel.cpp and
/// docs/cube-lowering.md.
mlir::FailureOr<CubeKernel>
buildCubeKernel(nn::KernelOp kernel,
                llvm::ArrayRef<std::optional<double>> scalars,
                const MachineModel &machine, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CUBEKERNEL_H
