//===- GlobalMemory.cpp - Global memory with per-block overlays -----------===//

#include "GlobalMemory.h"

#include <algorithm>
#include <cstring>

using namespace ascend::emu;

void GlobalMemory::markInitialized(uint64_t offset, uint64_t length) {
  if (length == 0)
    return;
  for (uint64_t g = offset / kGranule; g <= (offset + length - 1) / kGranule;
       ++g)
    initialized[g] = true;
}

GlobalMemoryView::Page &GlobalMemoryView::getPage(uint64_t index) {
  std::unique_ptr<Page> &page = pages[index];
  if (!page) {
    page = std::make_unique<Page>();
    uint64_t begin = index * kPage;
    uint64_t length = std::min<uint64_t>(kPage, base.size() - begin);
    std::memcpy(page->bytes, base.data() + begin, length);
  }
  return *page;
}

void GlobalMemoryView::read(uint64_t offset, uint64_t length,
                            uint8_t *out) const {
  while (length > 0) {
    uint64_t index = offset / kPage, within = offset % kPage;
    uint64_t chunk = std::min(length, kPage - within);
    auto it = pages.find(index);
    const uint8_t *src =
        it != pages.end() ? it->second->bytes + within : base.data() + offset;
    std::memcpy(out, src, chunk);
    out += chunk;
    offset += chunk;
    length -= chunk;
  }
}

void GlobalMemoryView::write(uint64_t offset, uint64_t length,
                             const uint8_t *in) {
  while (length > 0) {
    uint64_t index = offset / kPage, within = offset % kPage;
    uint64_t chunk = std::min(length, kPage - within);
    Page &page = getPage(index);
    std::memcpy(page.bytes + within, in, chunk);
    for (uint64_t b = within; b < within + chunk; ++b)
      page.written[b / 64] |= uint64_t(1) << (b % 64);
    in += chunk;
    offset += chunk;
    length -= chunk;
  }
}

bool GlobalMemoryView::isInitialized(uint64_t granule) const {
  if (base.isInitialized(granule))
    return true;
  uint64_t offset = granule * kGranule;
  auto it = pages.find(offset / kPage);
  if (it == pages.end())
    return false;
  // Any byte of the granule written counts (granules are the sanitizer's
  // unit of tracking).
  uint64_t word = (offset % kPage) / 64, shift = (offset % kPage) % 64;
  return (it->second->written[word] >> shift) & 0xffffffffu;
}

void GlobalMemoryView::commit(GlobalMemory &target) const {
  // Copy exactly the bytes this block wrote; the others keep whatever the
  // shared memory holds (another block may have written them).
  for (const auto &[index, page] : pages) {
    for (uint64_t b = 0; b < kPage; ++b) {
      if (!(page->written[b / 64] >> (b % 64) & 1))
        continue;
      uint64_t offset = index * kPage + b;
      target.data()[offset] = page->bytes[b];
      target.initialized[offset / kGranule] = true;
    }
  }
}

void GlobalMemoryView::noteAccess(uint64_t begin, uint64_t end, bool isWrite) {
  auto &ranges = isWrite ? writes : reads;
  // Accesses are mostly sequential: extend the last range when adjacent.
  if (!ranges.empty() && ranges.back().second >= begin &&
      ranges.back().first <= begin) {
    ranges.back().second = std::max(ranges.back().second, end);
    return;
  }
  ranges.push_back({begin, end});
}
