//===- UnitLoop.h - Dealing independent work units to blocks ----*- C++ -*-===//
//
// Layout-conversion and pooling kernels cut their work into units of a few
// static shapes (full tiles, ragged tails); each shape is a family dealt
// round robin to the blocks, the next family starting on the block after the
// last unit of the previous one, so the blocks stay balanced.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_UNITLOOP_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_UNITLOOP_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// A private tile kernel `name` over gm arguments `argTypes`, run on
/// `blocks` blocks, with its entry block created (and empty).
mlir::func::FuncOp createTileKernel(mlir::OpBuilder &b, mlir::Location loc,
                                    llvm::StringRef name,
                                    llvm::ArrayRef<mlir::Type> argTypes,
                                    int64_t blocks);

/// Deals units [0, units) of one family to `blocks` blocks, unit u going to
/// block (first + u) % blocks, and calls `body` inside the loop with the
/// unit index. `first` is the number of units dealt before this family;
/// returns it advanced past this family.
int64_t buildDealtUnitLoop(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value blockIdx, int64_t units, int64_t blocks,
                           int64_t first,
                           llvm::function_ref<void(mlir::Value unit)> body);

/// Orders the pipes between two unit families. A family's loop may run no
/// trip on a block, and then nothing it would have synchronized reaches the
/// next family: the flags sync insertion carries from one family to the
/// next (set before a loop, waited after it) could be set again before
/// their previous wait. The fence is a ring through the pipes families
/// use: MTE2 reads one element of the kernel input into ub, V copies that
/// block, MTE3 moves it to l1, V overwrites it, MTE2 reloads the first.
/// Sync insertion orders each step after the previous one, so every pipe
/// learns what the others did before the fence.
class FamilyFence {
public:
  /// `input` is a gm argument of the kernel.
  FamilyFence(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input);
  /// Emits a fence at the builder's insertion point.
  void emit();

private:
  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Value input;
};

/// Splits `unit` into mixed-radix digits, most significant first:
/// unit = ((d0 * extents[1] + d1) * extents[2] + d2) ...
llvm::SmallVector<mlir::Value> splitUnit(mlir::OpBuilder &b, mlir::Location loc,
                                         mlir::Value unit,
                                         llvm::ArrayRef<int64_t> extents);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_UNITLOOP_H
