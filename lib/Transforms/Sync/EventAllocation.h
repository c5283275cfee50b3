//===- EventAllocation.h - Event ids per pipe pair --------------*- C++ -*-===//
//
// Gives every flag unit an event id in [0, eventIds) of its (src, dst) pair,
// in program order, first fit. An id fits when the simulator, matching
// flags by id, sees no flag set while set and no set that may run before
// the previous wait of its id (the setting pipe must have heard of that
// wait through flags, since pipes run ahead of each other).
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_EVENTALLOCATION_H
#define ASCEND_LIB_TRANSFORMS_SYNC_EVENTALLOCATION_H

#include "SyncSimulator.h"

namespace ascend::sync {

/// Allocates ids and writes them into the flag ops. Fails with an error
/// naming the kernel and the pipe pair when no id fits.
llvm::LogicalResult allocateEvents(mlir::func::FuncOp kernel,
                                   const SyncSimulator &simulator,
                                   SyncPlan &plan, unsigned eventIds);

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_EVENTALLOCATION_H
