//===- EventAllocation.cpp - Event ids per pipe pair ----------------------===//

#include "EventAllocation.h"

#include "tile/TileOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::sync;

/// Out of ids for `unit`: serialize instead. An earlier unit of the same
/// pair in the same block whose wait comes after `unit`'s set can move its
/// set down next to `unit`'s; its wait then covers `unit`'s producers too
/// and `unit` goes away. Its consumer waits longer, nothing else changes.
static bool coalesceIntoEarlier(const SyncSimulator &simulator, SyncPlan &plan,
                                ArrayRef<unsigned> allocated, SyncUnit &unit) {
  if (unit.kind != SyncUnit::Flag)
    return false;
  Operation *set = unit.ops[0];
  for (unsigned index : allocated) {
    SyncUnit &earlier = plan.units[index];
    if (earlier.disabled || earlier.kind != SyncUnit::Flag ||
        earlier.src != unit.src || earlier.dst != unit.dst)
      continue;
    Operation *earlierSet = earlier.ops[0], *earlierWait = earlier.ops[1];
    if (earlierSet->getBlock() != set->getBlock() ||
        !set->isBeforeInBlock(earlierWait))
      continue;
    Operation *oldNext = earlierSet->getNextNode();
    earlierSet->moveAfter(set);
    unit.disabled = true;
    if (simulator.run(/*byEvent=*/true, /*stopAtFirst=*/true).ok())
      return true;
    unit.disabled = false;
    earlierSet->moveBefore(oldNext);
  }
  return false;
}

LogicalResult sync::allocateEvents(func::FuncOp kernel,
                                   const SyncSimulator &simulator,
                                   SyncPlan &plan, unsigned eventIds) {
  // Program order of each unit's first op, so ids are handed out the way a
  // reader scans the kernel.
  llvm::SetVector<unsigned> order;
  kernel.walk([&](Operation *op) {
    auto it = plan.unitOf.find(op);
    if (it != plan.unitOf.end())
      order.insert(it->second);
  });

  SmallVector<unsigned> allocated;
  for (unsigned index : order) {
    SyncUnit &unit = plan.units[index];
    if (unit.disabled || unit.kind == SyncUnit::Barrier)
      continue;
    for (unsigned id = 0; id < eventIds && !unit.event; ++id) {
      unit.event = id;
      if (simulator.run(/*byEvent=*/true, /*stopAtFirst=*/true).flagErrorOp)
        unit.event.reset();
    }
    if (unit.event) {
      allocated.push_back(index);
      continue;
    }
    if (coalesceIntoEarlier(simulator, plan, allocated, unit))
      continue;
    return unit.ops.front()->emitError("kernel '")
           << kernel.getSymName() << "' needs more than " << eventIds
           << " event ids for " << stringifyPipe(unit.src) << " -> "
           << stringifyPipe(unit.dst)
           << " (too many flags of this pair outstanding at once)";
  }

  Builder builder(kernel.getContext());
  for (SyncUnit &unit : plan.units) {
    if (unit.disabled || !unit.event)
      continue;
    IntegerAttr id = builder.getI32IntegerAttr(*unit.event);
    for (Operation *op : unit.ops) {
      if (auto set = dyn_cast<tile::SetFlagOp>(op))
        set.setEventAttr(id);
      else
        cast<tile::WaitFlagOp>(op).setEventAttr(id);
    }
  }
  return success();
}
