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
  /// The workspace depends only on the input value (and its type): a later
  /// kernel staging the same value the same way reuses it instead.
  bool shareable = false;
};

/// A cube kernel function and how to fill its arguments; the kernel results
/// follow `args` in the function signature. `prelude` kernels run first.
struct CubeKernel {
  mlir::func::FuncOp func;
  llvm::SmallVector<CubeKernelArg> args;
  llvm::SmallVector<CubePrelude> prelude;
  /// If set, the function takes one more gm buffer of this type after the
  /// result: the result's f16 copy for the mixed-precision kernels reading
  /// it (getConvInputStageType for convs, getCubeStageType for a product's
  /// A), written by the kernel instead of a stage kernel.
  mlir::MemRefType f16Copy;
};

/// Values of the constant feeding kernel block argument `v`, if any.
std::optional<llvm::SmallVector<double>> getKernelConstant(nn::KernelOp kernel,
                                                           mlir::Value v);

/// A gm constant argument holding `values` (stored as a blob named `name`).
CubeKernelArg makeConstantArg(llvm::ArrayRef<double> values, mlir::Type elem,
                              llvm::StringRef name);

/// The private kernel function taking `args` and then the output buffers,
/// launched on `blocks` blocks, with an empty entry block.
mlir::func::FuncOp createKernelFunc(mlir::OpBuilder &builder,
                                    mlir::Location loc, llvm::StringRef name,
                                    llvm::ArrayRef<CubeKernelArg> args,
                                    llvm::ArrayRef<mlir::MemRefType> outputs,
                                    int64_t blocks);

/// The elementwise ops chained after the first op of `kernel` (its
/// epilogue), checking that each is supported, uses the previous one's
/// result, keeps the first op's result type and that the kernel yields the
/// chain's end; `other` handles
/// each operand that is neither the chain nor a splat (`scalars`). Errors
/// call the kernel `what` ("a cube kernel").
mlir::FailureOr<llvm::SmallVector<mlir::Operation *>>
walkEpilogue(nn::KernelOp kernel, llvm::ArrayRef<std::optional<double>> scalars,
             llvm::StringRef what,
             llvm::function_ref<mlir::LogicalResult(mlir::Operation *, unsigned,
                                                    mlir::Value)>
                 other);

/// Whether `kernel` holds a matrix product (nn.matmul or nn.gemm).
bool isCubeKernel(nn::KernelOp kernel);

/// The kernel input that the cube kernel `kernel` reads as its f16 A
/// (getCubeStageType) when lowered with `mixed`: an f32 A that is not
/// transposed.
std::optional<unsigned> getCubeF16Input(nn::KernelOp kernel, bool mixed);

/// The gm workspace holding `tensor` staged as `elem` (flat, rounded up to
/// 16 values, then zeroed padding; see StageKernel.h).
mlir::MemRefType getCubeStageType(mlir::RankedTensorType tensor,
                                  mlir::Type elem);

/// Builds the tile-level function of a kernel made of an nn.matmul (2-D or
/// batched) or nn.gemm, with a constant or runtime right operand, followed
/// by elementwise ops whose other operands are splat constants (`scalars`,
/// per kernel input), constant rows of N values or tensors of the product's
/// type. See CubeKernel.cpp and docs/cube-lowering.md.
/// With `mixed`, an f32 kernel's cube operands are converted to f16 (the
/// cube accumulates in fp32 and the result stays f32). With `f16Copy`, the
/// kernel also writes its result staged as f16 (getCubeStageType) when its
/// rows are whole fractals: CubeKernel::f16Copy, for a later product's A.
/// `aStaged`: A's f16 copy exists already (a shareable prelude reads it).
mlir::FailureOr<CubeKernel>
buildCubeKernel(nn::KernelOp kernel,
                llvm::ArrayRef<std::optional<double>> scalars,
                const MachineModel &machine, bool mixed, bool f16Copy,
                bool aStaged, mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CUBEKERNEL_H
