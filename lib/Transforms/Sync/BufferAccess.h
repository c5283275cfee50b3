//===- BufferAccess.h - Which buffer bytes each tile op touches -*- C++ -*-===//
//
// Dependence analysis for sync insertion: every op that runs on a pipe and
// declares memory effects is an endpoint; its reads and writes are traced to
// a root buffer (memref.alloc or function argument) through view-like ops.
// Two endpoints depend on each other when some pair of their accesses, at
// least one a write, may touch the same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_TRANSFORMS_SYNC_BUFFERACCESS_H
#define ASCEND_LIB_TRANSFORMS_SYNC_BUFFERACCESS_H

#include "common/AscendEnums.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <vector>

namespace ascend::sync {

/// A box of indices in the root buffer's index space, known when every view
/// between the access and its root is a subview with static parameters.
struct StaticRegion {
  llvm::SmallVector<int64_t> offsets, sizes, strides;
};

struct BufferAccess {
  /// The alloc or argument the accessed memref is a view of.
  mlir::Value root;
  /// False when tracing stopped at a value that is neither (it may then
  /// alias any root in the same memory space).
  bool knownRoot = true;
  std::optional<StaticRegion> region;
  bool isWrite = false;
};

/// Returns true when the two accesses may touch the same bytes and at least
/// one of them writes.
bool conflicts(const BufferAccess &a, const BufferAccess &b);

/// Traces `buffer` to its root and, when possible, its static region.
BufferAccess traceAccess(mlir::Value buffer, bool isWrite);

/// The sync endpoints of one kernel in program order and which of them
/// depend on which.
class DependenceInfo {
public:
  explicit DependenceInfo(mlir::func::FuncOp kernel);

  unsigned size() const { return endpoints.size(); }
  mlir::Operation *getOp(unsigned index) const { return endpoints[index]; }
  Pipe getPipe(unsigned index) const { return pipes[index]; }
  /// Index of `op`, or nothing when it is not an endpoint.
  std::optional<unsigned> lookup(mlir::Operation *op) const;
  /// Endpoints (including possibly `index` itself, across loop iterations)
  /// that conflict with endpoint `index`.
  llvm::ArrayRef<unsigned> getDependences(unsigned index) const {
    return dependences[index];
  }
  llvm::ArrayRef<BufferAccess> getAccesses(unsigned index) const {
    return accesses[index];
  }

private:
  llvm::SmallVector<mlir::Operation *> endpoints;
  llvm::SmallVector<Pipe> pipes;
  std::vector<llvm::SmallVector<BufferAccess, 4>> accesses;
  llvm::SmallVector<llvm::SmallVector<unsigned>> dependences;
  llvm::DenseMap<mlir::Operation *, unsigned> indexOf;
};

} // namespace ascend::sync

#endif // ASCEND_LIB_TRANSFORMS_SYNC_BUFFERACCESS_H
