//===- CopyPipeTest.cpp - Data paths between memory spaces ----------------===//

#include "common/AscendEnums.h"

#include <gtest/gtest.h>

using namespace ascend;

namespace {

TEST(CopyPipeTest, LegalPathsUseTheirCopyEngine) {
  EXPECT_EQ(getCopyPipe(MemorySpace::GM, MemorySpace::UB), Pipe::MTE2);
  EXPECT_EQ(getCopyPipe(MemorySpace::GM, MemorySpace::L1), Pipe::MTE2);
  EXPECT_EQ(getCopyPipe(MemorySpace::L1, MemorySpace::L0A), Pipe::MTE1);
  EXPECT_EQ(getCopyPipe(MemorySpace::L1, MemorySpace::L0B), Pipe::MTE1);
  EXPECT_EQ(getCopyPipe(MemorySpace::UB, MemorySpace::GM), Pipe::MTE3);
  EXPECT_EQ(getCopyPipe(MemorySpace::UB, MemorySpace::L1), Pipe::MTE3);
  EXPECT_EQ(getCopyPipe(MemorySpace::L0C, MemorySpace::UB), Pipe::V);
}

TEST(CopyPipeTest, EveryOtherPairHasNoPath) {
  int legal = 0;
  for (uint32_t s = 0; s <= getMaxEnumValForMemorySpace(); ++s)
    for (uint32_t d = 0; d <= getMaxEnumValForMemorySpace(); ++d)
      legal += getCopyPipe(*symbolizeMemorySpace(s), *symbolizeMemorySpace(d))
                   .has_value();
  EXPECT_EQ(legal, 7);
  EXPECT_FALSE(getCopyPipe(MemorySpace::GM, MemorySpace::L0A));
  EXPECT_FALSE(getCopyPipe(MemorySpace::L0C, MemorySpace::GM));
  EXPECT_FALSE(getCopyPipe(MemorySpace::UB, MemorySpace::UB));
}

} // namespace
