//===- SyncSimulator.h - Symbolic run of a kernel's pipes -------*- C++ -*-===//
//
// The ordering oracle of sync insertion. Runs a kernel in program order
// (loops unrolled a few iterations) keeping one vector clock per pipe, the
// way the emulator's sanitizer does: an op on pipe Q is ordered after an op
// W on pipe P != Q when Q's clock has reached W's sequence number through
// set_flag/wait_flag chains, and after W on its own pipe when a barrier of
// that pipe lies in between (or the pipe is self-ordered). Reports the
// dependent pairs that are not ordered and misuse of flags.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_SYNCSIMULATOR_H
#define ASCEND_LIB_TRANSFORMS_SYNC_SYNCSIMULATOR_H

#include "BufferAccess.h"
#include "SyncPlan.h"

#include <array>
#include <string>

namespace ascend::sync {

constexpr unsigned kNumPipes = 6;

struct Violation {
  unsigned earlier, later; // endpoint indices
};

struct SimulationResult {
  /// Unordered dependent pairs; with stopAtFirst, only those of the first
  /// dynamic op found to have any.
  llvm::SmallVector<Violation> violations;
  /// A flag set twice, possibly set again before its previous wait, waited
  /// on without a set, or left set at the end; the op and what went wrong.
  mlir::Operation *flagErrorOp = nullptr;
  std::string flagError;

  bool ok() const { return violations.empty() && !flagErrorOp; }
};

class SyncSimulator {
public:
  SyncSimulator(mlir::func::FuncOp kernel, const DependenceInfo &deps,
                const SyncPlan &plan, llvm::ArrayRef<Pipe> selfOrderedPipes,
                unsigned maxIterations = 2);

  /// With `byEvent`, flags of units that have an event are matched by
  /// (src, dst, event) and checked for reuse hazards; otherwise every unit
  /// has flags of its own.
  SimulationResult run(bool byEvent, bool stopAtFirst) const;

private:
  mlir::func::FuncOp kernel;
  const DependenceInfo &deps;
  const SyncPlan &plan;
  std::array<bool, kNumPipes> selfOrdered{};
  unsigned maxIterations;
};

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_SYNCSIMULATOR_H
