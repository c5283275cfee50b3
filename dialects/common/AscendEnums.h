//===- AscendEnums.h - Memory spaces and pipes ------------------*- C++ -*-===//

#ifndef ASCEND_COMMON_ASCENDENUMS_H
#define ASCEND_COMMON_ASCENDENUMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

#include "common/AscendEnums.h.inc"

namespace ascend {

/// Returns the pipe that moves data from `src` to `dst`, or nothing when the
/// core has no data path between the two spaces.
std::optional<Pipe> getCopyPipe(MemorySpace src, MemorySpace dst);

} // namespace ascend

#endif // ASCEND_COMMON_ASCENDENUMS_H
