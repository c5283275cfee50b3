//===- BufferLiveness.cpp - Live ranges of buffers in program order -------===//

#include "BufferLiveness.h"
#include "MemoryPlanning.h"

#include "ascend/Transforms/IntervalAllocator.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace mlir;
using namespace ascend;

BufferLiveness::BufferLiveness(Operation *scope) : scope(scope) {
  uint64_t next = 0;
  scope->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op != scope)
      position[op] = next++;
  });
  // Post-order visits an op after everything nested in it, so the last
  // nested positions of its children are known by then.
  scope->walk<WalkOrder::PostOrder>([&](Operation *op) {
    if (op == scope)
      return;
    uint64_t last = position[op];
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Operation &nested : block)
          last = std::max(last, lastNested[&nested]);
    lastNested[op] = last;
  });
}

LiveRange BufferLiveness::getUseRange(Operation *use, Operation *def) const {
  // The buffer flows into values we do not follow (a terminator's successor
  // values, a region op's block arguments such as iter_args): keep it for
  // the whole scope.
  if (use->hasTrait<OpTrait::IsTerminator>() || use->getNumRegions() > 0)
    return {0, position.size() ? position.size() - 1 : 0};
  LiveRange range{position.at(use), position.at(use)};
  // The outermost loop that contains the use but not the definition: the
  // buffer carries data from one iteration to the next.
  for (Operation *parent = use->getParentOp(); parent && parent != scope;
       parent = parent->getParentOp()) {
    if (def && parent->isAncestor(def))
      break;
    if (isa<LoopLikeOpInterface>(parent)) {
      range.first = position.at(parent);
      range.last = lastNested.at(parent);
    }
  }
  return range;
}

std::optional<LiveRange> BufferLiveness::getLiveRange(Value buffer) const {
  Operation *def = buffer.getDefiningOp();
  std::optional<LiveRange> result;
  SmallVector<Value> worklist{buffer};
  llvm::SmallDenseSet<Value> seen{buffer};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      if (isa<memref::DeallocOp>(user))
        continue;
      // A view touches no memory itself; the ops using the view do.
      if (auto view = dyn_cast<ViewLikeOpInterface>(user);
          view && view.getViewSource() == value) {
        for (Value result : user->getResults())
          if (seen.insert(result).second)
            worklist.push_back(result);
        continue;
      }
      // Any other op producing a memref may return the buffer (e.g.
      // arith.select): its results are aliases too.
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()) && seen.insert(result).second)
          worklist.push_back(result);
      LiveRange use = getUseRange(user, def);
      if (!result) {
        result = use;
        continue;
      }
      result->first = std::min(result->first, use.first);
      result->last = std::max(result->last, use.last);
    }
  }
  return result;
}

mlir::LogicalResult ascend::addAllocation(IntervalAllocator &allocator,
                                          const BufferLiveness &liveness,
                                          mlir::memref::AllocOp alloc,
                                          uint64_t alignment) {
  mlir::FailureOr<uint64_t> bytes = getBufferBytes(alloc.getType(), alloc);
  if (mlir::failed(bytes))
    return mlir::failure();
  uint64_t at = liveness.getPosition(alloc);
  LiveRange range =
      liveness.getLiveRange(alloc.getResult()).value_or(LiveRange{at, at});
  allocator.add(range.first, range.last, llvm::alignTo(*bytes, alignment),
                alignment);
  return mlir::success();
}
