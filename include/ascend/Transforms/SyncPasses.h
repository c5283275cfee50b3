//===- SyncPasses.h - Sync insertion passes ---------------------*- C++ -*-===//
//
// `ascend-insert-sync` orders dependent tile ops across and within pipes.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TRANSFORMS_SYNCPASSES_H
#define ASCEND_TRANSFORMS_SYNCPASSES_H

#include "mlir/Pass/Pass.h"

#include "llvm/ADT/StringRef.h"

#include <memory>

namespace ascend {

/// `target` names the machine preset; empty means the module's tile.target,
/// else ascend910.
std::unique_ptr<mlir::Pass> createInsertSyncPass(llvm::StringRef target = "");

/// Registers the sync passes with the global pass registry.
void registerSyncPasses();

} // namespace ascend

#endif // ASCEND_TRANSFORMS_SYNCPASSES_H
