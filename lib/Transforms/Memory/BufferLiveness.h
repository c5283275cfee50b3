//===- BufferLiveness.h - Live ranges of buffers in program order -*- C++
//-*-===//
//
// Numbers the operations of a function in program order and tells, for a
// buffer (the result of an allocation), the closed range of positions over
// which it holds data: from its first use to its last use, following views
// (memref.subview, memref.cast, ...) to the ops that really touch it.
//
// A use inside a loop that does not contain the allocation extends the range
// to the whole loop, because the next iteration may read what this one
// wrote. Deallocations are not uses. Results of other ops that produce
// memrefs (arith.select, ...) are followed as aliases. A buffer that flows
// into a terminator (scf.yield, func.return) or into an op with regions
// (scf.for iter_args) is live in the whole function, since the block
// arguments and results it becomes there are not tracked.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TRANSFORMS_MEMORY_BUFFERLIVENESS_H
#define ASCEND_TRANSFORMS_MEMORY_BUFFERLIVENESS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <optional>

namespace ascend {

struct LiveRange {
  uint64_t first = 0;
  uint64_t last = 0;
};

class BufferLiveness {
public:
  /// Numbers every operation nested in `scope` (not `scope` itself).
  explicit BufferLiveness(mlir::Operation *scope);

  /// The range over which `buffer` (defined in the scope) is live, or
  /// nothing if no operation uses it.
  std::optional<LiveRange> getLiveRange(mlir::Value buffer) const;

  /// The position of `op`, an operation nested in the scope.
  uint64_t getPosition(mlir::Operation *op) const { return position.at(op); }

private:
  /// The positions `use` (an op using the buffer defined by `def`) keeps the
  /// buffer live over.
  LiveRange getUseRange(mlir::Operation *use, mlir::Operation *def) const;

  mlir::Operation *scope;
  /// Pre-order position of each op, and the last position inside it (the
  /// op's own position if it has no regions).
  llvm::DenseMap<mlir::Operation *, uint64_t> position;
  llvm::DenseMap<mlir::Operation *, uint64_t> lastNested;
};

} // namespace ascend

#endif // ASCEND_TRANSFORMS_MEMORY_BUFFERLIVENESS_H
