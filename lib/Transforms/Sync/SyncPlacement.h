//===- SyncPlacement.h - Insert syncs until every dependence is ordered ---===//
//
// Repeatedly runs the simulator, takes the first op that is not ordered
// after everything it depends on, and places the syncs that order it:
//
// - W and X are located by their ancestors Wa, Xa in the innermost block
//   that holds both;
// - Wa before Xa (same iteration): set_flag P->Q after Wa and wait_flag
//   before Xa, or a barrier before Xa when P == Q;
// - otherwise the dependence is carried by the loop whose body that block
//   is: wait before Xa and set after Wa in the body, plus a set before the
//   outermost loop around it and a wait after that loop, so that every set
//   is waited on exactly once.
//
// Ops already ordered through earlier syncs get nothing: the simulator's
// vector clocks carry what each pipe learned through flags.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLACEMENT_H
#define ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLACEMENT_H

#include "SyncSimulator.h"

namespace ascend::sync {

/// Places syncs into `kernel` and records them in `plan`. Fails (with a
/// diagnostic) on control flow other than scf.for.
llvm::LogicalResult placeSyncs(mlir::func::FuncOp kernel,
                               const DependenceInfo &deps,
                               const SyncSimulator &simulator, SyncPlan &plan);

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_SYNCPLACEMENT_H
