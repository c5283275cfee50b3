//===- IntervalAllocator.cpp - Offsets for buffers with live ranges -------===//

#include "ascend/Transforms/IntervalAllocator.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

using namespace ascend;

unsigned IntervalAllocator::add(const IntervalRequest &request) {
  requests.push_back(request);
  if (requests.back().alignment == 0)
    requests.back().alignment = 1;
  return requests.size() - 1;
}

uint64_t IntervalAllocator::placeInOrder(const std::vector<unsigned> &order,
                                         std::vector<uint64_t> &result) const {
  result.assign(requests.size(), 0);
  std::vector<unsigned> placed;
  std::vector<unsigned> live;
  uint64_t top = 0;
  for (unsigned id : order) {
    const IntervalRequest &req = requests[id];
    if (req.size == 0)
      continue; // Owns no bytes: offset 0, conflicts with nothing.
    // Only buffers live at the same time constrain the placement.
    live.clear();
    for (unsigned other : placed)
      if (req.overlapsInTime(requests[other]))
        live.push_back(other);
    std::sort(live.begin(), live.end(),
              [&](unsigned a, unsigned b) { return result[a] < result[b]; });
    // First fit: the lowest aligned gap between live buffers that is large
    // enough.
    uint64_t candidate = 0;
    for (unsigned other : live) {
      if (candidate + req.size <= result[other])
        break;
      candidate = std::max(
          candidate,
          llvm::alignTo(result[other] + requests[other].size, req.alignment));
    }
    result[id] = candidate;
    top = std::max(top, candidate + req.size);
    placed.push_back(id);
  }
  return top;
}

void IntervalAllocator::allocate() {
  std::vector<unsigned> bySize(requests.size());
  std::iota(bySize.begin(), bySize.end(), 0);
  std::vector<unsigned> byStart = bySize;
  // Ties break on the id, so the result does not depend on the sort.
  std::sort(bySize.begin(), bySize.end(), [&](unsigned a, unsigned b) {
    const IntervalRequest &x = requests[a], &y = requests[b];
    return std::make_tuple(-int64_t(x.size), x.first, a) <
           std::make_tuple(-int64_t(y.size), y.first, b);
  });
  std::sort(byStart.begin(), byStart.end(), [&](unsigned a, unsigned b) {
    const IntervalRequest &x = requests[a], &y = requests[b];
    return std::make_tuple(x.first, -int64_t(x.size), a) <
           std::make_tuple(y.first, -int64_t(y.size), b);
  });

  std::vector<uint64_t> other;
  peak = placeInOrder(bySize, offsets);
  uint64_t otherPeak = placeInOrder(byStart, other);
  if (otherPeak < peak) {
    peak = otherPeak;
    offsets = std::move(other);
  }
}

uint64_t IntervalAllocator::getSumOfSizes() const {
  uint64_t sum = 0;
  for (const IntervalRequest &req : requests)
    sum += req.size;
  return sum;
}

uint64_t IntervalAllocator::getLiveBytesLowerBound() const {
  // Sweep over start and end events; a buffer live over [first, last] stops
  // counting at last + 1, and ends sort before starts at the same time.
  std::vector<std::pair<uint64_t, int64_t>> events;
  for (const IntervalRequest &req : requests) {
    if (req.size == 0)
      continue;
    events.push_back({req.first, int64_t(req.size)});
    events.push_back({req.last + 1, -int64_t(req.size)});
  }
  std::sort(events.begin(), events.end());
  int64_t live = 0, best = 0;
  for (const auto &[time, delta] : events) {
    live += delta;
    best = std::max(best, live);
  }
  return best;
}
