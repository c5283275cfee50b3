//===- RowKernel.h - Building blocks of row-structured kernels --*- C++ -*-===//
//
// Softmax, reductions and broadcasting kernels see their tensors as rows:
// a tile of rows is copied into ub with every row starting at a 32-byte
// block (padded copies move odd-sized rows), vector ops run row-wise
// (tile.vbcast_*, tile.vreduce_*, tile.vbrcb) or over the whole padded tile,
// and rows are copied back byte-exact.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_ROWKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_ROWKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <functional>

namespace ascend {

/// A combining function of a reduction.
enum class Combine { Add, Max, Min };

class RowKernelBuilder {
public:
  RowKernelBuilder(mlir::OpBuilder &builder, mlir::Location loc,
                   mlir::Type elem, const MachineModel &machine)
      : b(builder), loc(loc), elem(elem), machine(machine),
        bytes(elem.getIntOrFloatBitWidth() / 8), lanes(256 / bytes),
        perBlock(32 / bytes) {}

  /// Creates the private tile.kernel function `name` over gm memrefs of
  /// `tensorTypes` and positions the builder in its body.
  mlir::func::FuncOp createKernel(llvm::StringRef name,
                                  llvm::ArrayRef<mlir::Type> tensorTypes,
                                  int64_t blocks);

  /// The private tile.kernel function `name` over gm memrefs of `node`'s
  /// operand and result, its body built by `build(in, out)` (which sets the
  /// block count); erased when `build` fails.
  mlir::FailureOr<mlir::func::FuncOp> buildKernel(
      llvm::StringRef name, mlir::Operation *node,
      llvm::function_ref<mlir::LogicalResult(mlir::Value, mlir::Value)> build);

  int64_t padRow(int64_t n) const {
    return (n + perBlock - 1) / perBlock * perBlock;
  }
  mlir::Value index(int64_t v);
  /// A 1-D ub buffer of `elements`.
  mlir::Value allocUB(int64_t elements);
  /// View [rows, cols] with row stride `stride` at element `offset` of `buf`.
  mlir::Value view(mlir::Value buf, llvm::ArrayRef<int64_t> shape,
                   llvm::ArrayRef<int64_t> strides, int64_t offset = 0);
  /// The first `n` elements of 1-D ub `buf` (whole-tile vector ops).
  mlir::Value flat(mlir::Value buf, int64_t n);
  /// Tile [sizes] of gm view `memref` at (possibly dynamic) `offsets`.
  mlir::Value gmTile(mlir::Value memref, llvm::ArrayRef<mlir::Value> offsets,
                     llvm::ArrayRef<int64_t> sizes);
  /// Row-major N-D view of a gm argument.
  mlir::Value gmView(mlir::Value arg, llvm::ArrayRef<int64_t> shape);

  void copy(mlir::Value from, mlir::Value to);
  /// dst = combine(lhs, rhs), row-wise with broadcasting.
  void combine(Combine kind, mlir::Value lhs, mlir::Value rhs, mlir::Value dst);
  /// dst[i] = combine over row i of `rows` [R, W]; `acc` is ub scratch of
  /// reduceScratch(R, W) elements, used when W exceeds one repeat. `rows` is
  /// left intact.
  void reduceRows(Combine kind, mlir::Value rows, mlir::Value acc,
                  mlir::Value dst);
  /// Elements of scratch that reduceRows needs for [rows, width].
  int64_t reduceScratch(int64_t rows, int64_t width) const;
  /// Folds the `n` rows [n, W] (row stride `stride`) of `buf` at `offset`
  /// into its first row, in place (log2(n) steps).
  void foldRows(Combine kind, mlir::Value buf, int64_t n, int64_t width,
                int64_t stride, int64_t offset = 0);

  /// Column units of an [O, K, I] view, (o, a chunk of at most `ic`
  /// columns): narrows `ic` (whole blocks) so that every core gets a unit
  /// when O is below the core count, sets the kernel's block count and
  /// returns it.
  int64_t planColumnUnits(int64_t o, int64_t inner, int64_t &ic);
  /// `body(o, first column, width)` for the column units dealt to this
  /// block: the full chunks, then the ragged last chunk of every o.
  void forColumnUnits(
      mlir::Value blockIdx, int64_t o, int64_t inner, int64_t ic,
      int64_t blocks,
      llvm::function_ref<void(mlir::Value, mlir::Value, int64_t)> body);

  /// For the chunks after the first of `total` split into `chunk`-sized
  /// ones: `body(start, size)` in a loop over the full chunks, then once for
  /// a ragged last one.
  void forLaterChunks(int64_t total, int64_t chunk,
                      llvm::function_ref<void(mlir::Value, int64_t)> body);

  /// Runs `body(unit)` for units t = b + j * blocks, j >= 0, t < `units`.
  void forDealtUnits(mlir::Value blockIdx, int64_t units, int64_t blocks,
                     llvm::function_ref<void(mlir::Value)> body);
  /// The same units two at a time, `body(unit, 0)` then `body(unit + blocks,
  /// 1)`, and a last odd one with buffer set 0: with a buffer set per call,
  /// one unit's copies overlap the other's vector work.
  void forDealtUnitPairs(mlir::Value blockIdx, int64_t units, int64_t blocks,
                         llvm::function_ref<void(mlir::Value, unsigned)> body);

  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Type elem;
  const MachineModel &machine;
  int64_t bytes, lanes, perBlock;
};

/// Row kernels read tensors as dense row-major data: fails, naming `node`,
/// when one of `types` has a packed layout encoding.
mlir::LogicalResult checkPlainLayouts(mlir::Operation *node,
                                      mlir::TypeRange types);

/// Checks that `node` (`what`, e.g. "a reduction") is alone in its kernel:
/// it reads a kernel argument and gives the kernel's one result, both in
/// plain layouts.
mlir::LogicalResult checkLoneNode(mlir::Operation *node, llvm::StringRef what);

/// How many blocks share `units` units of work (at least one unit each).
int64_t getBlockCount(const MachineModel &machine, int64_t units);

/// Error naming the kernel's node when no tiling fits the unified buffer.
mlir::InFlightDiagnostic emitNoTilingError(mlir::Operation *node,
                                           llvm::StringRef buffer,
                                           int64_t bytes,
                                           const MachineModel &machine);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_ROWKERNEL_H
