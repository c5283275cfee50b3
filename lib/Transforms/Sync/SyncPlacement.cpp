//===- SyncPlacement.cpp - Insert syncs until every dependence is ordered -===//

#include "SyncPlacement.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

#include <map>
#include <tuple>

using namespace mlir;
using namespace ascend;
using namespace ascend::sync;

namespace {

/// Where one dependence must be synchronized.
struct Site {
  Block *block;
  Operation *wAncestor, *xAncestor;
  bool carried;
};

/// `op` and its ancestors, outermost (a child of the kernel body) first.
SmallVector<Operation *> ancestorsOf(Operation *op, func::FuncOp kernel) {
  SmallVector<Operation *> chain;
  for (; op && op != kernel.getOperation(); op = op->getParentOp())
    chain.push_back(op);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

Site locate(Operation *w, Operation *x, func::FuncOp kernel) {
  SmallVector<Operation *> wChain = ancestorsOf(w, kernel);
  SmallVector<Operation *> xChain = ancestorsOf(x, kernel);
  size_t i = 0;
  while (i + 1 < wChain.size() && i + 1 < xChain.size() &&
         wChain[i] == xChain[i])
    ++i;
  Operation *wa = wChain[i], *xa = xChain[i];
  // Equal ancestors here means W == X: the op depends on itself across
  // iterations of the loop around it.
  bool carried = wa == xa || xa->isBeforeInBlock(wa);
  return {wa->getBlock(), wa, xa, carried};
}

tile::PipeAttr pipeAttr(MLIRContext *context, Pipe pipe) {
  return tile::PipeAttr::get(context, pipe);
}

} // namespace

LogicalResult sync::placeSyncs(func::FuncOp kernel, const DependenceInfo &deps,
                               const SyncSimulator &simulator, SyncPlan &plan) {
  WalkResult walk = kernel.walk([&](Operation *op) {
    if (op->getNumRegions() && !isa<scf::ForOp>(op) && op != kernel) {
      op->emitOpError("sync insertion supports only scf.for control flow in "
                      "kernel '")
          << kernel.getSymName() << "'";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  MLIRContext *context = kernel.getContext();
  OpBuilder builder(context);
  // Each round orders at least one dependence for good; the bound only
  // guards against a bug turning into a hang.
  size_t maxRounds = 4 * deps.size() * deps.size() + 16;
  for (size_t round = 0;; ++round) {
    SimulationResult result = simulator.run(/*byEvent=*/false,
                                            /*stopAtFirst=*/true);
    if (result.flagErrorOp)
      return result.flagErrorOp->emitOpError(result.flagError)
             << " (while inserting syncs in kernel '" << kernel.getSymName()
             << "')";
    if (result.violations.empty())
      return success();
    if (round == maxRounds)
      return kernel.emitError("sync insertion did not converge in kernel '")
             << kernel.getSymName() << "'";

    // Group the op's unordered dependences: one sync per source pipe and
    // site, with the set after the latest producer.
    std::map<std::tuple<unsigned, Block *, bool>, Site> groups;
    Pipe q = deps.getPipe(result.violations.front().later);
    Operation *x = deps.getOp(result.violations.front().later);
    for (const Violation &v : result.violations) {
      Site site = locate(deps.getOp(v.earlier), x, kernel);
      auto key = std::make_tuple(static_cast<unsigned>(deps.getPipe(v.earlier)),
                                 site.block, site.carried);
      auto [it, inserted] = groups.try_emplace(key, site);
      if (!inserted && it->second.wAncestor->isBeforeInBlock(site.wAncestor))
        it->second.wAncestor = site.wAncestor;
    }

    for (auto &[key, site] : groups) {
      Pipe p = static_cast<Pipe>(std::get<0>(key));
      Location loc = x->getLoc();
      if (p == q) {
        builder.setInsertionPoint(site.xAncestor);
        auto barrier =
            tile::BarrierOp::create(builder, loc, pipeAttr(context, q));
        plan.add({SyncUnit::Barrier, q, q, {barrier}});
        continue;
      }
      auto set = [&](Operation *where, bool after) {
        if (after)
          builder.setInsertionPointAfter(where);
        else
          builder.setInsertionPoint(where);
        return tile::SetFlagOp::create(builder, loc, p, q, 0).getOperation();
      };
      auto wait = [&](Operation *where, bool after) {
        if (after)
          builder.setInsertionPointAfter(where);
        else
          builder.setInsertionPoint(where);
        return tile::WaitFlagOp::create(builder, loc, p, q, 0).getOperation();
      };
      if (!site.carried) {
        Operation *s = set(site.wAncestor, /*after=*/true);
        Operation *w = wait(site.xAncestor, /*after=*/false);
        plan.add({SyncUnit::Flag, p, q, {s, w}});
        continue;
      }
      // The set before and the wait after go around the outermost loop:
      // around an inner loop they would run once per outer iteration, and
      // the next outer iteration's set could fire before the previous
      // wait. Hoisted, the last set of one outer iteration is simply
      // waited on by the first wait of the next.
      Operation *loop = site.block->getParentOp();
      while (auto outer = loop->getParentOfType<scf::ForOp>())
        loop = outer;
      Operation *preSet = set(loop, /*after=*/false);
      Operation *bodyWait = wait(site.xAncestor, /*after=*/false);
      Operation *bodySet = set(site.wAncestor, /*after=*/true);
      Operation *postWait = wait(loop, /*after=*/true);
      plan.add(
          {SyncUnit::LoopFlag, p, q, {preSet, bodyWait, bodySet, postWait}});
    }
  }
}
