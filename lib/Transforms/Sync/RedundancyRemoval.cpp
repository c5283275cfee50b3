//===- RedundancyRemoval.cpp - Drop syncs implied by others ---------------===//

#include "RedundancyRemoval.h"

using namespace ascend;
using namespace ascend::sync;

unsigned sync::removeRedundantSyncs(const SyncSimulator &simulator,
                                    SyncPlan &plan) {
  unsigned removed = 0;
  for (SyncUnit &unit : llvm::reverse(plan.units)) {
    if (unit.disabled)
      continue;
    unit.disabled = true;
    if (simulator.run(/*byEvent=*/false, /*stopAtFirst=*/true).ok())
      ++removed;
    else
      unit.disabled = false;
  }
  return removed;
}
