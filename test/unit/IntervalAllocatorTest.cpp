//===- IntervalAllocatorTest.cpp - Offsets over live intervals ------------===//
//
// Hand-written cases, then random interval sets checked for the allocator's
// guarantees: buffers live at the same time never overlap, offsets are
// aligned, the peak is at most the sum of sizes and at least the most bytes
// ever live at once. The ratio of peak to that lower bound is printed.
//
//===----------------------------------------------------------------------===//

#include "ascend/Transforms/IntervalAllocator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace ascend;

namespace {

/// Max over time of the bytes live then, by brute force over every time step.
uint64_t bruteForceLowerBound(const std::vector<IntervalRequest> &requests) {
  uint64_t maxTime = 0;
  for (const IntervalRequest &r : requests)
    maxTime = std::max(maxTime, r.last);
  uint64_t best = 0;
  for (uint64_t t = 0; t <= maxTime; ++t) {
    uint64_t live = 0;
    for (const IntervalRequest &r : requests)
      if (r.first <= t && t <= r.last)
        live += r.size;
    best = std::max(best, live);
  }
  return best;
}

/// Checks the placement's guarantees with gtest expectations.
void expectValidPlacement(const IntervalAllocator &allocator) {
  const std::vector<IntervalRequest> &reqs = allocator.getRequests();
  for (unsigned i = 0; i < reqs.size(); ++i) {
    uint64_t oi = allocator.getOffset(i);
    EXPECT_EQ(oi % reqs[i].alignment, 0u) << "request " << i;
    if (reqs[i].size) {
      EXPECT_LE(oi + reqs[i].size, allocator.getPeak()) << "request " << i;
    }
    for (unsigned j = i + 1; j < reqs.size(); ++j) {
      if (!reqs[i].size || !reqs[j].size || !reqs[i].overlapsInTime(reqs[j]))
        continue;
      uint64_t oj = allocator.getOffset(j);
      bool disjointInSpace = oi + reqs[i].size <= oj || oj + reqs[j].size <= oi;
      EXPECT_TRUE(disjointInSpace)
          << "requests " << i << " [" << oi << ", " << oi + reqs[i].size
          << ") and " << j << " [" << oj << ", " << oj + reqs[j].size
          << ") are live together and overlap";
    }
  }
}

TEST(IntervalAllocatorTest, DisjointLifetimesShare) {
  IntervalAllocator allocator;
  unsigned a = allocator.add(0, 1, 1024, 32);
  unsigned b = allocator.add(2, 3, 1024, 32);
  allocator.allocate();
  EXPECT_EQ(allocator.getOffset(a), 0u);
  EXPECT_EQ(allocator.getOffset(b), 0u);
  EXPECT_EQ(allocator.getPeak(), 1024u);
  EXPECT_EQ(allocator.getSumOfSizes(), 2048u);
}

TEST(IntervalAllocatorTest, TouchingLifetimesDoNotShare) {
  // Ranges are closed: both buffers are live at time 1.
  IntervalAllocator allocator;
  unsigned a = allocator.add(0, 1, 1024, 32);
  unsigned b = allocator.add(1, 2, 1024, 32);
  allocator.allocate();
  EXPECT_NE(allocator.getOffset(a), allocator.getOffset(b));
  EXPECT_EQ(allocator.getPeak(), 2048u);
}

TEST(IntervalAllocatorTest, OffsetsRespectAlignment) {
  IntervalAllocator allocator;
  unsigned a = allocator.add(0, 5, 100, 1);
  unsigned b = allocator.add(0, 5, 256, 512);
  unsigned c = allocator.add(0, 5, 10, 64);
  allocator.allocate();
  // Largest first: b at 0, a right after it, c at the next multiple of 64.
  EXPECT_EQ(allocator.getOffset(b), 0u);
  EXPECT_EQ(allocator.getOffset(a), 256u);
  EXPECT_EQ(allocator.getOffset(c), 384u);
  EXPECT_EQ(allocator.getPeak(), 394u);
}

TEST(IntervalAllocatorTest, FillsGapsFirstFit) {
  // A small buffer fits into the hole left by a dead one below a live one.
  IntervalAllocator allocator;
  unsigned big = allocator.add(0, 1, 4096, 32);
  unsigned top = allocator.add(0, 9, 4096, 32);
  unsigned small = allocator.add(5, 9, 1024, 32);
  allocator.allocate();
  EXPECT_EQ(allocator.getOffset(big), 0u);
  EXPECT_EQ(allocator.getOffset(top), 4096u);
  EXPECT_EQ(allocator.getOffset(small), 0u);
  EXPECT_EQ(allocator.getPeak(), 8192u);
}

TEST(IntervalAllocatorTest, ZeroSizeAndEmpty) {
  IntervalAllocator empty;
  empty.allocate();
  EXPECT_EQ(empty.getPeak(), 0u);
  EXPECT_EQ(empty.getLiveBytesLowerBound(), 0u);

  IntervalAllocator allocator;
  unsigned z = allocator.add(0, 3, 0, 32);
  unsigned a = allocator.add(0, 3, 64, 32);
  allocator.allocate();
  EXPECT_EQ(allocator.getOffset(z), 0u);
  EXPECT_EQ(allocator.getOffset(a), 0u);
  EXPECT_EQ(allocator.getPeak(), 64u);
}

TEST(IntervalAllocatorTest, PingPongChainNeedsTwoSlots) {
  // t_i is live over [i, i + 1]: the chain of kernels in docs/memory-planning.
  IntervalAllocator allocator;
  for (unsigned i = 0; i < 16; ++i)
    allocator.add(i, i + 1, 4096, 32);
  allocator.allocate();
  expectValidPlacement(allocator);
  EXPECT_EQ(allocator.getPeak(), 8192u);
  for (unsigned i = 0; i < 16; ++i)
    EXPECT_EQ(allocator.getOffset(i), (i % 2) * 4096u);
}

struct RandomSetStats {
  double sumRatio = 0;
  double maxRatio = 1;
  unsigned sets = 0;
  unsigned optimal = 0;
};

/// Allocates `sets` random interval sets; sizes are multiples of one
/// alignment per set (as the pass pads them) unless `mixedAlignment`.
RandomSetStats runRandomSets(unsigned seed, unsigned sets, bool equalSizes,
                             bool mixedAlignment) {
  std::mt19937_64 rng(seed);
  const uint64_t alignments[] = {1, 32, 64, 512};
  RandomSetStats stats;
  for (unsigned set = 0; set < sets; ++set) {
    unsigned count = std::uniform_int_distribution<unsigned>(1, 80)(rng);
    uint64_t horizon = std::uniform_int_distribution<uint64_t>(1, 120)(rng);
    uint64_t setAlignment = alignments[rng() % 4];
    uint64_t equalSize =
        setAlignment * std::uniform_int_distribution<uint64_t>(1, 64)(rng);
    IntervalAllocator allocator;
    for (unsigned i = 0; i < count; ++i) {
      uint64_t a = std::uniform_int_distribution<uint64_t>(0, horizon)(rng);
      uint64_t b = std::uniform_int_distribution<uint64_t>(0, horizon)(rng);
      uint64_t alignment =
          mixedAlignment ? alignments[rng() % 4] : setAlignment;
      uint64_t size;
      if (equalSizes)
        size = equalSize;
      else if (mixedAlignment)
        size = std::uniform_int_distribution<uint64_t>(0, 5000)(rng);
      else
        size = alignment * std::uniform_int_distribution<uint64_t>(
                               0, 8192 / alignment)(rng);
      allocator.add(std::min(a, b), std::max(a, b), size, alignment);
    }
    allocator.allocate();
    expectValidPlacement(allocator);

    uint64_t lowerBound = bruteForceLowerBound(allocator.getRequests());
    EXPECT_EQ(allocator.getLiveBytesLowerBound(), lowerBound);
    EXPECT_GE(allocator.getPeak(), lowerBound);
    if (!mixedAlignment) {
      EXPECT_LE(allocator.getPeak(), allocator.getSumOfSizes());
    }
    if (lowerBound == 0)
      continue;
    double ratio = double(allocator.getPeak()) / double(lowerBound);
    stats.sumRatio += ratio;
    stats.maxRatio = std::max(stats.maxRatio, ratio);
    stats.optimal += allocator.getPeak() == lowerBound;
    ++stats.sets;
  }
  return stats;
}

void report(const char *name, const RandomSetStats &stats) {
  std::printf("[ratio    ] %s: peak / live-bytes lower bound over %u sets: "
              "mean %.4f, max %.4f, optimal in %u\n",
              name, stats.sets, stats.sumRatio / stats.sets, stats.maxRatio,
              stats.optimal);
}

TEST(IntervalAllocatorTest, RandomSetsAlignedSizes) {
  RandomSetStats stats = runRandomSets(/*seed=*/1, /*sets=*/500,
                                       /*equalSizes=*/false,
                                       /*mixedAlignment=*/false);
  report("aligned sizes", stats);
  // A guard against regressions in placement quality, not a proof of one:
  // first fit is not optimal for mixed sizes, but stays close here.
  EXPECT_LT(stats.sumRatio / stats.sets, 1.05);
}

TEST(IntervalAllocatorTest, RandomSetsMixedAlignments) {
  RandomSetStats stats = runRandomSets(/*seed=*/2, /*sets=*/500,
                                       /*equalSizes=*/false,
                                       /*mixedAlignment=*/true);
  report("mixed alignments", stats);
}

TEST(IntervalAllocatorTest, RandomSetsEqualSizesAreOptimal) {
  // With one size, placing by start time is interval-graph colouring, which
  // needs exactly as many slots as buffers are ever live at once.
  RandomSetStats stats = runRandomSets(/*seed=*/3, /*sets=*/500,
                                       /*equalSizes=*/true,
                                       /*mixedAlignment=*/false);
  report("equal sizes", stats);
  EXPECT_EQ(stats.optimal, stats.sets);
}

} // namespace
