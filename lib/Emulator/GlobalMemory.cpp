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
    for (uint64_t g = within / kGranule; g <= (within + chunk - 1) / kGranule;
         ++g)
      page.written[g / 64] |= uint64_t(1) << (g % 64);
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
  uint64_t g = (offset % kPage) / kGranule;
  return it->second->written[g / 64] >> (g % 64) & 1;
}

void GlobalMemoryView::commit(GlobalMemory &target) const {
  // Copy whole written granules; unwritten bytes of a page keep whatever the
  // shared memory holds (another block may have written them).
  for (const auto &[index, page] : pages) {
    for (uint64_t g = 0; g < kPage / kGranule; ++g) {
      if (!(page->written[g / 64] >> (g % 64) & 1))
        continue;
      uint64_t offset = index * kPage + g * kGranule;
      uint64_t length = std::min<uint64_t>(kGranule, target.size() - offset);
      std::memcpy(target.data() + offset, page->bytes + g * kGranule, length);
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
