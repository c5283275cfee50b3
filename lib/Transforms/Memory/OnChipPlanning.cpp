//===- OnChipPlanning.cpp - Offsets of on-chip buffers in a kernel --------===//
//
// Each on-chip space (l1, l0a, l0b, l0c, ub) of a kernel is planned on its
// own: buffers are live from their first to their last use (a whole loop if
// used inside one the alloc is outside of), get offsets aligned to the
// preset's alignment for the space, and share bytes when their live ranges
// are disjoint. The peak per space must fit the preset's buffer size.
//
//===----------------------------------------------------------------------===//

#include "BufferLiveness.h"
#include "MemoryPlanning.h"

#include "ascend/Transforms/IntervalAllocator.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/MapVector.h"

using namespace mlir;
using namespace ascend;

LogicalResult ascend::planKernelBuffers(func::FuncOp kernel,
                                        const MachineModel &machine) {
  // Allocs per space, in program order.
  llvm::MapVector<MemorySpace, SmallVector<memref::AllocOp>> bySpace;
  WalkResult walk = kernel.walk([&](memref::AllocOp alloc) {
    std::optional<MemorySpace> space = tile::getMemorySpace(alloc.getType());
    if (!space) {
      alloc.emitError("buffer in kernel '")
          << kernel.getSymName() << "' has no #tile.space memory space";
      return WalkResult::interrupt();
    }
    if (*space == MemorySpace::GM) {
      alloc.emitError("kernel '")
          << kernel.getSymName() << "' allocates global memory; only @main can";
      return WalkResult::interrupt();
    }
    bySpace[*space].push_back(alloc);
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  Builder b(kernel.getContext());
  BufferLiveness liveness(kernel);
  bool fits = true;
  for (auto &[space, allocs] : bySpace) {
    const BufferSpec &spec = machine.getBuffer(space);
    IntervalAllocator allocator;
    for (memref::AllocOp alloc : allocs)
      if (failed(addAllocation(allocator, liveness, alloc, spec.alignment)))
        return failure();
    allocator.allocate();
    for (auto [id, alloc] : llvm::enumerate(allocs))
      alloc->setAttr(kOffsetAttr, b.getI64IntegerAttr(allocator.getOffset(id)));
    if (allocator.getPeak() > spec.size) {
      kernel.emitError("kernel '")
          << kernel.getSymName() << "' needs " << allocator.getPeak()
          << " bytes of " << stringifyMemorySpace(space) << " but "
          << machine.name << " has " << spec.size;
      fits = false;
    }
  }
  return success(fits);
}
