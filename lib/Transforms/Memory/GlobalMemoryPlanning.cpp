//===- GlobalMemoryPlanning.cpp - Offsets of gm values in @main -----------===//
//
// Global memory is laid out as: graph inputs and outputs (@main's arguments,
// in order), then constants (gm memref.globals, in module order), then the
// workspace holding intermediates. Inputs, outputs and constants live for the
// whole run and never share bytes; intermediates are placed by the interval
// allocator over their live ranges in @main.
//
//===----------------------------------------------------------------------===//

#include "BufferLiveness.h"
#include "MemoryPlanning.h"

#include "ascend/Transforms/IntervalAllocator.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace ascend;

static bool isGm(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  return memref && tile::getMemorySpace(memref) == MemorySpace::GM;
}

LogicalResult ascend::planGlobalMemory(ModuleOp module, func::FuncOp main,
                                       const MachineModel &machine) {
  Builder b(module.getContext());
  uint64_t top = 0;
  // Reserves a fixed, 32-byte aligned and padded slot and returns its offset.
  auto reserve = [&](uint64_t bytes) {
    uint64_t offset = top;
    top += llvm::alignTo(bytes, kGmAlignment);
    return offset;
  };

  for (auto [index, arg] : llvm::enumerate(main.getArguments())) {
    if (!isGm(arg.getType()))
      return main.emitError("argument #")
             << index << " of @main must be a memref in #tile.space<gm>, not "
             << arg.getType();
    FailureOr<uint64_t> bytes =
        getBufferBytes(cast<MemRefType>(arg.getType()), main);
    if (failed(bytes))
      return failure();
    main.setArgAttr(index, kOffsetAttr, b.getI64IntegerAttr(reserve(*bytes)));
  }

  for (auto global : module.getOps<memref::GlobalOp>()) {
    if (!isGm(global.getType()))
      continue;
    FailureOr<uint64_t> bytes = getBufferBytes(global.getType(), global);
    if (failed(bytes))
      return failure();
    global->setAttr(kOffsetAttr, b.getI64IntegerAttr(reserve(*bytes)));
  }

  // Intermediates: live from the first to the last kernel launch that uses
  // them; launches run in order, each reading and writing its arguments.
  SmallVector<memref::AllocOp> allocs;
  WalkResult walk = main.walk([&](memref::AllocOp alloc) {
    if (!isGm(alloc.getType())) {
      alloc.emitError("@main can only allocate global memory; on-chip "
                      "buffers belong in kernels");
      return WalkResult::interrupt();
    }
    allocs.push_back(alloc);
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  BufferLiveness liveness(main);
  IntervalAllocator allocator;
  for (memref::AllocOp alloc : allocs)
    if (failed(addAllocation(allocator, liveness, alloc, kGmAlignment)))
      return failure();
  allocator.allocate();

  uint64_t workspaceBase = top;
  for (auto [id, alloc] : llvm::enumerate(allocs))
    alloc->setAttr(kOffsetAttr, b.getI64IntegerAttr(workspaceBase +
                                                    allocator.getOffset(id)));

  uint64_t gmSize = workspaceBase + allocator.getPeak();
  main->setAttr(kGmSizeAttr, b.getI64IntegerAttr(gmSize));
  main->setAttr(kWorkspaceSizeAttr, b.getI64IntegerAttr(allocator.getPeak()));
  main->setAttr(kIntermediatesSizeAttr,
                b.getI64IntegerAttr(allocator.getSumOfSizes()));

  uint64_t capacity = machine.getBuffer(MemorySpace::GM).size;
  if (gmSize > capacity)
    return main.emitError("@main needs ")
           << gmSize << " bytes of gm but " << machine.name << " has "
           << capacity;
  return success();
}
