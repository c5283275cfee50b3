//===- GlobalMemory.h - Global memory with per-block overlays ---*- C++ -*-===//
//
// Blocks of one kernel may run on different host threads. So that results do
// not depend on scheduling, a block never writes the shared global memory
// directly: its writes go to a private copy-on-write overlay, and overlays are
// committed in block order once every block has finished. A block reads its
// own writes through the overlay. Blocks that write bytes another block
// touches race, which the emulator reports separately.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_EMULATOR_GLOBALMEMORY_H
#define ASCEND_LIB_EMULATOR_GLOBALMEMORY_H

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ascend::emu {

/// Granule of initialization and race tracking, in bytes.
constexpr uint64_t kGranule = 32;

class GlobalMemory {
public:
  explicit GlobalMemory(uint64_t size)
      : bytes(size), initialized((size + kGranule - 1) / kGranule) {}

  uint64_t size() const { return bytes.size(); }
  uint8_t *data() { return bytes.data(); }
  const uint8_t *data() const { return bytes.data(); }

  /// Marks [offset, offset + length) as holding defined data.
  void markInitialized(uint64_t offset, uint64_t length);
  bool isInitialized(uint64_t granule) const { return initialized[granule]; }

private:
  friend class GlobalMemoryView;
  std::vector<uint8_t> bytes;
  std::vector<bool> initialized;
};

/// One block's view: the shared memory plus the block's own writes.
class GlobalMemoryView {
public:
  explicit GlobalMemoryView(const GlobalMemory &base) : base(base) {}

  void read(uint64_t offset, uint64_t length, uint8_t *out) const;
  void write(uint64_t offset, uint64_t length, const uint8_t *in);
  /// Whether the granule holds data: from before the kernel, or written by
  /// this block.
  bool isInitialized(uint64_t granule) const;

  /// Applies this block's writes to `target` (the shared memory).
  void commit(GlobalMemory &target) const;

  /// Byte ranges this block read and wrote, merged, for cross-block races.
  std::vector<std::pair<uint64_t, uint64_t>> reads, writes;
  void noteAccess(uint64_t begin, uint64_t end, bool isWrite);

private:
  static constexpr uint64_t kPage = 4096;
  struct Page {
    uint8_t bytes[kPage];
    /// One bit per byte written by this block: commits must not carry stale
    /// neighbours of a write into memory another block wrote.
    uint64_t written[kPage / 64] = {};
  };
  Page &getPage(uint64_t index);

  const GlobalMemory &base;
  std::unordered_map<uint64_t, std::unique_ptr<Page>> pages;
};

} // namespace ascend::emu

#endif // ASCEND_LIB_EMULATOR_GLOBALMEMORY_H
