//===- Sanitizer.cpp - Race and initialization checks ---------------------===//

#include "Sanitizer.h"

#include <algorithm>

using namespace ascend;
using namespace ascend::emu;

Sanitizer::Sanitizer(const std::array<uint64_t, 6> &spaceSizes,
                     llvm::ArrayRef<Pipe> selfOrderedPipes) {
  for (Pipe pipe : selfOrderedPipes)
    selfOrdered[index(pipe)] = true;
  for (size_t s = 1; s < spaceSizes.size(); ++s)
    onChip[s].resize((spaceSizes[s] + 31) / 32);
}

void Sanitizer::join(Pipe pipe, const VectorClock &other) {
  VectorClock &clock = clocks[index(pipe)];
  for (size_t p = 0; p < kNumPipes; ++p)
    clock[p] = std::max(clock[p], other[p]);
}

GranuleState &Sanitizer::state(MemorySpace space, uint64_t granule) {
  if (space == MemorySpace::GM)
    return global[granule];
  return onChip[static_cast<size_t>(space)][granule];
}
