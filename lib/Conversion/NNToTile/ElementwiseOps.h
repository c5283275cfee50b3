//===- ElementwiseOps.h - nn elementwise ops as tile vector ops -*- C++ -*-===//
//
// Shared by the elementwise kernels and the epilogues of cube kernels: one
// nn elementwise op becomes vector ops over ub buffers of one shape.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEOPS_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEOPS_H

#include "nn/NNOps.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

#include <optional>

namespace ascend {

class ScratchPool;

/// Emits the vector ops of one tile.
class TileEmitter {
public:
  TileEmitter(mlir::OpBuilder &builder, mlir::Location loc, int64_t size)
      : builder(builder), loc(loc), size(size) {}

  /// The first `size` elements of a ub buffer.
  mlir::Value view(mlir::Value buffer) {
    auto type = llvm::cast<mlir::MemRefType>(buffer.getType());
    if (type.getDimSize(0) == size)
      return buffer;
    return mlir::memref::SubViewOp::create(
        builder, loc, buffer, llvm::ArrayRef<int64_t>{0},
        llvm::ArrayRef<int64_t>{size}, llvm::ArrayRef<int64_t>{1});
  }

  template <typename OpT>
  void binary(mlir::Value a, mlir::Value b, mlir::Value dst) {
    OpT::create(builder, loc, a, b, dst);
  }
  template <typename OpT> void unary(mlir::Value a, mlir::Value dst) {
    OpT::create(builder, loc, a, dst);
  }
  template <typename OpT>
  void scalar(mlir::Value a, double c, mlir::Value dst) {
    OpT::create(builder, loc, a, builder.getF64FloatAttr(c), dst);
  }

  mlir::OpBuilder &builder;
  mlir::Location loc;
  int64_t size;
  /// ub buffers of the tile's size that composites may clobber, as many as
  /// scratchCount asks for (fewer when the caller has none).
  llvm::SmallVector<mlir::Value, 2> scratch;
  /// Typed scratch buffers for emitTypedElementwise, or null.
  ScratchPool *pool = nullptr;
};

/// An operand of an elementwise op: a ub buffer, or a splat value passed as
/// an immediate.
struct Operand {
  mlir::Value buffer;
  std::optional<double> scalar;
};

/// Emits `op` on tile buffers (`in` in operand order) into `dst`; composites
/// (sigmoid, tanh, ...) reuse `dst` as scratch. Fails with an error naming the
/// op when it has no vector form.
mlir::LogicalResult emitElementwise(mlir::Operation *op,
                                    llvm::ArrayRef<Operand> in, mlir::Value dst,
                                    TileEmitter &e);

/// Whether emitElementwise handles `op`.
bool isSupportedElementwise(mlir::Operation *op);

/// Whether `op` is an nn.cast between f16 and f32 (either way): one
/// tile.vconv where its operand and result have their own ub buffers.
bool isSupportedCast(mlir::Operation *op);

/// Checks that `kernel` computes f16 or f32 and that emitElementwise handles
/// every op of its body (or, with `allowCasts`, that it is a supported cast
/// or an op of emitTypedElementwise, on any type); errors name the kernel
/// or the op.
mlir::LogicalResult checkElementwiseKernel(nn::KernelOp kernel,
                                           bool allowCasts = false);

/// The order in which to copy a tile's `inputs` (values of `body`) into ub:
/// by decreasing last use. The next tile's first copy then waits for the
/// vector op that reads an input last, which orders all later copies too:
/// sync insertion needs one loop-carried v -> mte2 flag, not one per input
/// buffer (there are only a few event ids).
llvm::SmallVector<unsigned> getLoadOrder(mlir::Block &body,
                                         llvm::ArrayRef<mlir::Value> inputs);

/// How many TileEmitter::scratch buffers `op` needs; `scalars[i]` is the
/// splat value of kernel input i, if any (as for emitElementwise's operands).
unsigned scratchCount(mlir::Operation *op,
                      llvm::ArrayRef<std::optional<double>> scalars);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_ELEMENTWISEOPS_H
