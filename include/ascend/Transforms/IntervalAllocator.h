//===- IntervalAllocator.h - Offsets for buffers with live ranges -*- C++
//-*-===//
//
// Places buffers in one linear address space so that two buffers whose live
// ranges overlap in time never overlap in space, while buffers with disjoint
// lifetimes may share bytes. This is the allocator behind memory planning
// for both global-memory intermediates and on-chip buffers; it knows nothing
// about MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TRANSFORMS_INTERVALALLOCATOR_H
#define ASCEND_TRANSFORMS_INTERVALALLOCATOR_H

#include <cstdint>
#include <vector>

namespace ascend {

/// A buffer to place: live over the closed time range [first, last], `size`
/// bytes, its offset a multiple of `alignment`.
struct IntervalRequest {
  uint64_t first = 0;
  uint64_t last = 0;
  uint64_t size = 0;
  uint64_t alignment = 1;

  bool overlapsInTime(const IntervalRequest &other) const {
    return first <= other.last && other.first <= last;
  }
};

/// Greedy offset assignment over live intervals. Each placement puts a
/// request at the lowest aligned offset that fits between the buffers already
/// placed that are live at the same time (first fit). Requests are placed in
/// a few orders (largest first, earliest first) and the order that needs the
/// fewest bytes wins; largest-first avoids small buffers fragmenting the
/// space, earliest-first is optimal when all sizes are equal.
class IntervalAllocator {
public:
  /// Adds a request and returns its id (ids count from 0).
  unsigned add(const IntervalRequest &request);
  unsigned add(uint64_t first, uint64_t last, uint64_t size,
               uint64_t alignment) {
    return add(IntervalRequest{first, last, size, alignment});
  }

  /// Assigns an offset to every request added so far.
  void allocate();

  /// The offset of request `id`; valid after allocate().
  uint64_t getOffset(unsigned id) const { return offsets[id]; }
  /// Bytes the placement spans: max over requests of offset + size.
  uint64_t getPeak() const { return peak; }
  /// Bytes without reuse: the sum of the sizes.
  uint64_t getSumOfSizes() const;
  /// Max over time of the bytes live at that time; no placement can need
  /// fewer bytes (alignment aside).
  uint64_t getLiveBytesLowerBound() const;

  const std::vector<IntervalRequest> &getRequests() const { return requests; }

private:
  /// Places requests in `order`; returns the peak and fills `result`.
  uint64_t placeInOrder(const std::vector<unsigned> &order,
                        std::vector<uint64_t> &result) const;

  std::vector<IntervalRequest> requests;
  std::vector<uint64_t> offsets;
  uint64_t peak = 0;
};

} // namespace ascend

#endif // ASCEND_TRANSFORMS_INTERVALALLOCATOR_H
