//===- RedundancyRemoval.h - Drop syncs implied by others -------*- C++ -*-===//
//
// Placement is greedy: a sync placed for a later op can make an earlier one
// unnecessary (two waits of one pair where the second covers both
// producers, barriers that a later barrier subsumes). Each unit is disabled
// in turn, newest first, and stays disabled when the simulator still finds
// every dependence ordered and the flags balanced.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_REDUNDANCYREMOVAL_H
#define ASCEND_LIB_TRANSFORMS_SYNC_REDUNDANCYREMOVAL_H

#include "SyncSimulator.h"

namespace ascend::sync {

/// Disables redundant units of `plan`; returns how many.
unsigned removeRedundantSyncs(const SyncSimulator &simulator, SyncPlan &plan);

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_REDUNDANCYREMOVAL_H
