//===- MemoryPlanning.h - Pieces of the memory planning pass ----*- C++ -*-===//
//
// Internal to lib/Transforms/Memory: the global-memory planner for @main, the
// on-chip planner for kernels and the size rules they share.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TRANSFORMS_MEMORY_MEMORYPLANNING_H
#define ASCEND_TRANSFORMS_MEMORY_MEMORYPLANNING_H

#include "ascend/Machine/MachineModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/LLVM.h"

namespace mlir::memref {
class AllocOp;
} // namespace mlir::memref

namespace ascend {
class BufferLiveness;
class IntervalAllocator;

/// Attribute names of the tile-level contract (docs/tile-ir.md).
constexpr llvm::StringLiteral kOffsetAttr = "tile.offset";
constexpr llvm::StringLiteral kGmSizeAttr = "tile.gm_size";
constexpr llvm::StringLiteral kWorkspaceSizeAttr = "tile.workspace_size";
constexpr llvm::StringLiteral kIntermediatesSizeAttr =
    "tile.intermediates_size";
constexpr llvm::StringLiteral kKernelAttr = "tile.kernel";
constexpr llvm::StringLiteral kTargetAttr = "tile.target";

/// Global-memory slots are 32-byte aligned and padded to 32 bytes: copies
/// move whole 32-byte blocks (see isa.plan's verifier).
constexpr uint64_t kGmAlignment = 32;

/// Bytes a buffer of `type` spans: elements times element size (i1 counts as
/// a byte), or for a strided layout the span from element 0 to the last
/// element. Fails with an error on `op` for dynamic shapes or layouts and for
/// element types without a byte size.
mlir::FailureOr<uint64_t> getBufferBytes(mlir::MemRefType type,
                                         mlir::Operation *op);

/// Adds `alloc` to `allocator`: live over its range in `liveness` (only at
/// the alloc itself when nothing uses it), its size padded to `alignment` so
/// every buffer gets whole aligned slots.
mlir::LogicalResult addAllocation(IntervalAllocator &allocator,
                                  const BufferLiveness &liveness,
                                  mlir::memref::AllocOp alloc,
                                  uint64_t alignment);

/// Offsets for @main's arguments, the module's gm globals and @main's gm
/// intermediates, and @main's size attributes.
mlir::LogicalResult planGlobalMemory(mlir::ModuleOp module,
                                     mlir::func::FuncOp main,
                                     const MachineModel &machine);

/// Offsets for the on-chip buffers allocated in `kernel`.
mlir::LogicalResult planKernelBuffers(mlir::func::FuncOp kernel,
                                      const MachineModel &machine);

} // namespace ascend

#endif // ASCEND_TRANSFORMS_MEMORY_MEMORYPLANNING_H
