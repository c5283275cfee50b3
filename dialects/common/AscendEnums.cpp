//===- AscendEnums.cpp - Memory spaces and pipes --------------------------===//

#include "common/AscendEnums.h"

#include "mlir/IR/BuiltinTypes.h"

#include "common/AscendEnums.cpp.inc"

namespace ascend {

std::optional<Pipe> getCopyPipe(MemorySpace src, MemorySpace dst) {
  using MS = MemorySpace;
  // Data paths of the coupled (ascend910) core; presets with other paths are
  // checked against the machine model by the target verifier.
  if (src == MS::GM && (dst == MS::L1 || dst == MS::UB))
    return Pipe::MTE2;
  if (src == MS::L1 && (dst == MS::L0A || dst == MS::L0B))
    return Pipe::MTE1;
  if (src == MS::UB && (dst == MS::GM || dst == MS::L1))
    return Pipe::MTE3;
  if (src == MS::L0C && dst == MS::UB)
    return Pipe::V;
  return std::nullopt;
}

} // namespace ascend
