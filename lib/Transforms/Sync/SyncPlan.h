//===- SyncPlan.h - The syncs inserted into one kernel ----------*- C++ -*-===//
//
// Sync insertion places ops into the IR as it goes and records them here as
// units: a barrier, a set/wait pair, or a loop's four-op back-edge protocol.
// Redundancy removal disables whole units, event allocation gives each flag
// unit one id, and the last step writes ids and erases disabled units.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLAN_H
#define ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLAN_H

#include "common/AscendEnums.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <vector>

namespace ascend::sync {

struct SyncUnit {
  enum Kind { Barrier, Flag, LoopFlag } kind;
  Pipe src, dst;
  /// Barrier: the barrier. Flag: set, wait. LoopFlag: pre-loop set, body
  /// wait, body set, post-loop wait.
  llvm::SmallVector<mlir::Operation *, 4> ops;
  bool disabled = false;
  /// Allocated event id, once allocation has reached this unit.
  std::optional<unsigned> event;
};

struct SyncPlan {
  std::vector<SyncUnit> units;
  llvm::DenseMap<mlir::Operation *, unsigned> unitOf;

  unsigned add(SyncUnit unit) {
    unsigned index = units.size();
    for (mlir::Operation *op : unit.ops)
      unitOf[op] = index;
    units.push_back(std::move(unit));
    return index;
  }
};

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLAN_H
