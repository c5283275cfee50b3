//===- SyncSimulator.cpp - Symbolic run of a kernel's pipes ---------------===//

#include "SyncSimulator.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/Support/FormatVariadic.h"

#include <deque>
#include <map>

using namespace mlir;
using namespace ascend;
using namespace ascend::sync;

namespace {

using Clock = std::array<uint32_t, kNumPipes>;

size_t idx(Pipe pipe) { return static_cast<size_t>(pipe); }

struct FlagState {
  std::deque<Clock> pending;
  /// Sequence number (on the destination pipe) of the last wait.
  uint32_t lastWait = 0;
  Operation *lastSetter = nullptr;
};

/// One run's mutable state.
struct Run {
  const DependenceInfo &deps;
  const SyncPlan &plan;
  const std::array<bool, kNumPipes> &selfOrdered;
  unsigned maxIterations;
  bool byEvent;
  bool stopAtFirst;

  std::array<Clock, kNumPipes> clocks{};
  std::array<uint32_t, kNumPipes> lastBarrier{};
  /// Sequence number of each endpoint's latest execution (0: not yet).
  SmallVector<uint32_t> lastSeq;
  std::map<uint64_t, FlagState> flags;
  SimulationResult result;

  bool done() const {
    return result.flagErrorOp || (stopAtFirst && !result.violations.empty());
  }

  void flagError(Operation *op, std::string message) {
    if (!result.flagErrorOp) {
      result.flagErrorOp = op;
      result.flagError = std::move(message);
    }
  }

  /// Flags of planned units are private to the unit until it has an event
  /// (and always in unit mode); everything else matches by event id.
  uint64_t keyOf(Operation *op, Pipe src, Pipe dst, unsigned event) const {
    auto it = plan.unitOf.find(op);
    if (it != plan.unitOf.end()) {
      const SyncUnit &unit = plan.units[it->second];
      if (!byEvent || !unit.event)
        return (uint64_t(1) << 32) | it->second;
      event = *unit.event;
    }
    return (uint64_t(idx(src)) * kNumPipes + idx(dst)) * 64 + event;
  }

  bool disabled(Operation *op) const {
    auto it = plan.unitOf.find(op);
    return it != plan.unitOf.end() && plan.units[it->second].disabled;
  }

  void visitEndpoint(unsigned x) {
    Pipe q = deps.getPipe(x);
    Clock &clock = clocks[idx(q)];
    uint32_t seq = ++clock[idx(q)];
    for (unsigned w : deps.getDependences(x)) {
      uint32_t wSeq = lastSeq[w];
      if (wSeq == 0)
        continue;
      Pipe p = deps.getPipe(w);
      bool ordered = p == q ? selfOrdered[idx(q)] || lastBarrier[idx(q)] > wSeq
                            : clock[idx(p)] >= wSeq;
      if (!ordered)
        result.violations.push_back({w, x});
    }
    lastSeq[x] = seq;
  }

  void visitSet(tile::SetFlagOp set) {
    Pipe p = set.getSrc(), q = set.getDst();
    Clock &clock = clocks[idx(p)];
    ++clock[idx(p)];
    FlagState &flag = flags[keyOf(set, p, q, set.getEvent())];
    if (byEvent) {
      if (!flag.pending.empty())
        return flagError(set, "sets a flag that is already set");
      // The set runs on p's queue and the previous wait on q's: unless p
      // has heard of that wait, the set may fire first.
      if (flag.lastWait > clock[idx(q)])
        return flagError(set, "may set the flag before its previous wait");
    }
    flag.pending.push_back(clock);
    flag.lastSetter = set;
  }

  void visitWait(tile::WaitFlagOp wait) {
    Pipe p = wait.getSrc(), q = wait.getDst();
    FlagState &flag = flags[keyOf(wait, p, q, wait.getEvent())];
    if (flag.pending.empty())
      return flagError(wait, "waits on a flag that nothing set");
    Clock &clock = clocks[idx(q)];
    for (size_t i = 0; i < kNumPipes; ++i)
      clock[i] = std::max(clock[i], flag.pending.front()[i]);
    flag.pending.pop_front();
    flag.lastWait = ++clock[idx(q)];
  }

  void visitBarrier(tile::BarrierOp barrier) {
    Pipe q = barrier.getPipe();
    lastBarrier[idx(q)] = ++clocks[idx(q)][idx(q)];
  }

  /// The state a zero-trip loop leaves behind.
  struct Snapshot {
    std::array<Clock, kNumPipes> clocks;
    std::array<uint32_t, kNumPipes> lastBarrier;
    std::map<uint64_t, FlagState> flags;
  };
  Snapshot snapshot() const { return {clocks, lastBarrier, flags}; }

  /// Keeps what holds both after `skipped` and now: knowledge of other pipes
  /// and barriers only as far as both paths have it, the later of two last
  /// waits. Sequence numbers (a pipe's own entry) keep counting.
  void meet(const Snapshot &skipped) {
    for (size_t p = 0; p < kNumPipes; ++p) {
      for (size_t i = 0; i < kNumPipes; ++i)
        if (i != p)
          clocks[p][i] = std::min(clocks[p][i], skipped.clocks[p][i]);
      lastBarrier[p] = std::min(lastBarrier[p], skipped.lastBarrier[p]);
    }
    for (auto &[key, flag] : flags) {
      auto it = skipped.flags.find(key);
      if (it == skipped.flags.end())
        continue;
      const FlagState &other = it->second;
      flag.lastWait = std::max(flag.lastWait, other.lastWait);
      if (flag.pending.size() != other.pending.size())
        continue;
      for (size_t j = 0; j < flag.pending.size(); ++j)
        for (size_t i = 0; i < kNumPipes; ++i)
          flag.pending[j][i] =
              std::min(flag.pending[j][i], other.pending[j][i]);
    }
  }

  void runBlock(Block &block) {
    for (Operation &op : block) {
      if (done())
        return;
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        unsigned iterations = maxIterations;
        std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound());
        std::optional<int64_t> ub = getConstantIntValue(loop.getUpperBound());
        std::optional<int64_t> step = getConstantIntValue(loop.getStep());
        bool mayBeEmpty = true;
        if (lb && ub && step && *step > 0) {
          int64_t trips = *ub > *lb ? (*ub - *lb + *step - 1) / *step : 0;
          iterations = std::min<int64_t>(trips, maxIterations);
          mayBeEmpty = false;
        }
        // A loop whose trip count is only known at run time may not run at
        // all (blocks deal tiles): afterwards, rely only on what holds
        // either way.
        std::optional<Snapshot> skipped;
        if (mayBeEmpty)
          skipped = snapshot();
        for (unsigned i = 0; i < iterations && !done(); ++i)
          runBlock(*loop.getBody());
        if (skipped && !done())
          meet(*skipped);
        continue;
      }
      if (disabled(&op))
        continue;
      if (auto set = dyn_cast<tile::SetFlagOp>(op))
        visitSet(set);
      else if (auto wait = dyn_cast<tile::WaitFlagOp>(op))
        visitWait(wait);
      else if (auto barrier = dyn_cast<tile::BarrierOp>(op))
        visitBarrier(barrier);
      else if (std::optional<unsigned> x = deps.lookup(&op))
        visitEndpoint(*x);
    }
  }

  void finish() {
    if (done())
      return;
    for (auto &[key, flag] : flags)
      if (!flag.pending.empty())
        return flagError(flag.lastSetter,
                         "leaves its flag set at the end of the kernel");
  }
};

} // namespace

SyncSimulator::SyncSimulator(func::FuncOp kernel, const DependenceInfo &deps,
                             const SyncPlan &plan,
                             ArrayRef<Pipe> selfOrderedPipes,
                             unsigned maxIterations)
    : kernel(kernel), deps(deps), plan(plan), maxIterations(maxIterations) {
  for (Pipe pipe : selfOrderedPipes)
    selfOrdered[idx(pipe)] = true;
}

SimulationResult SyncSimulator::run(bool byEvent, bool stopAtFirst) const {
  Run run{deps, plan, selfOrdered, maxIterations, byEvent, stopAtFirst};
  run.lastSeq.assign(deps.size(), 0);
  func::FuncOp fn = kernel; // FuncOp accessors are not const.
  run.runBlock(fn.getBody().front());
  run.finish();
  return std::move(run.result);
}
