//===- BufferAccess.cpp - Which buffer bytes each tile op touches ---------===//

#include "BufferAccess.h"

#include "common/PipeOpInterface.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::sync;

/// Composes `inner` (a subview of a view with region `outer`) into the root's
/// index space. Rank-reducing subviews are not composed.
static std::optional<StaticRegion> compose(const StaticRegion &outer,
                                           const StaticRegion &inner) {
  if (outer.offsets.size() != inner.offsets.size())
    return std::nullopt;
  StaticRegion result;
  for (size_t d = 0; d < outer.offsets.size(); ++d) {
    result.offsets.push_back(outer.offsets[d] +
                             inner.offsets[d] * outer.strides[d]);
    result.sizes.push_back(inner.sizes[d]);
    result.strides.push_back(outer.strides[d] * inner.strides[d]);
  }
  return result;
}

static std::optional<StaticRegion> staticRegionOf(memref::SubViewOp subview) {
  auto isStatic = [](ArrayRef<int64_t> values) {
    return llvm::none_of(values, ShapedType::isDynamic);
  };
  if (!isStatic(subview.getStaticOffsets()) ||
      !isStatic(subview.getStaticSizes()) ||
      !isStatic(subview.getStaticStrides()) ||
      subview.getSourceType().getRank() != subview.getType().getRank())
    return std::nullopt;
  StaticRegion region;
  region.offsets.assign(subview.getStaticOffsets().begin(),
                        subview.getStaticOffsets().end());
  region.sizes.assign(subview.getStaticSizes().begin(),
                      subview.getStaticSizes().end());
  region.strides.assign(subview.getStaticStrides().begin(),
                        subview.getStaticStrides().end());
  return region;
}

/// The whole of a statically shaped memref as a region.
static std::optional<StaticRegion> wholeRegion(Value buffer) {
  auto type = dyn_cast<MemRefType>(buffer.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  StaticRegion region;
  region.offsets.assign(type.getRank(), 0);
  region.sizes.assign(type.getShape().begin(), type.getShape().end());
  region.strides.assign(type.getRank(), 1);
  return region;
}

BufferAccess sync::traceAccess(Value buffer, bool isWrite) {
  // Walk up to the root, remembering subviews so that a chain made only of
  // static subviews yields a region in the root's index space.
  SmallVector<memref::SubViewOp> subviews;
  bool onlyStaticSubviews = true;
  Value current = buffer;
  while (Operation *def = current.getDefiningOp()) {
    auto view = dyn_cast<ViewLikeOpInterface>(def);
    if (!view)
      break;
    if (auto subview = dyn_cast<memref::SubViewOp>(def))
      subviews.push_back(subview);
    else
      onlyStaticSubviews = false;
    current = view.getViewSource();
  }
  BufferAccess access;
  access.root = current;
  access.isWrite = isWrite;
  Operation *rootDef = current.getDefiningOp();
  bool isArgument = isa<BlockArgument>(current) &&
                    isa<func::FuncOp>(current.getParentRegion()->getParentOp());
  access.knownRoot = isArgument || isa_and_nonnull<memref::AllocOp>(rootDef);
  if (!onlyStaticSubviews)
    return access;
  std::optional<StaticRegion> region = wholeRegion(current);
  // Subviews were collected from the access up; apply them root first.
  for (memref::SubViewOp subview : llvm::reverse(subviews)) {
    std::optional<StaticRegion> inner = staticRegionOf(subview);
    if (!region || !inner)
      return access;
    region = compose(*region, *inner);
  }
  access.region = region;
  return access;
}

static std::optional<MemorySpace> spaceOf(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  if (!type)
    return std::nullopt;
  return tile::getMemorySpace(type);
}

/// Per dimension, the index ranges [offset, offset + (size-1)*stride] must
/// intersect for the boxes to share an element (ignoring stride gaps, which
/// only makes the answer more conservative).
static bool regionsOverlap(const StaticRegion &a, const StaticRegion &b) {
  if (a.offsets.size() != b.offsets.size())
    return true;
  for (size_t d = 0; d < a.offsets.size(); ++d) {
    if (a.sizes[d] == 0 || b.sizes[d] == 0)
      return false;
    int64_t aEnd = a.offsets[d] + (a.sizes[d] - 1) * a.strides[d];
    int64_t bEnd = b.offsets[d] + (b.sizes[d] - 1) * b.strides[d];
    if (aEnd < b.offsets[d] || bEnd < a.offsets[d])
      return false;
  }
  return true;
}

/// The bytes memory planning gave an on-chip alloc (`tile.offset`), if any.
static std::optional<std::pair<int64_t, int64_t>> plannedBytes(Value root) {
  auto alloc = root.getDefiningOp<memref::AllocOp>();
  if (!alloc)
    return std::nullopt;
  auto offset = alloc->getAttrOfType<IntegerAttr>("tile.offset");
  MemRefType type = alloc.getType();
  if (!offset || !type.hasStaticShape())
    return std::nullopt;
  int64_t bytes =
      type.getNumElements() * ((type.getElementTypeBitWidth() + 7) / 8);
  return std::make_pair(offset.getInt(), offset.getInt() + bytes);
}

bool sync::conflicts(const BufferAccess &a, const BufferAccess &b) {
  if (!a.isWrite && !b.isWrite)
    return false;
  if (a.root != b.root) {
    // Distinct allocs and arguments are distinct buffers, unless memory
    // planning placed two allocs with disjoint live ranges in the same
    // bytes; an untraced value may alias anything in its memory space.
    if (a.knownRoot && b.knownRoot) {
      auto x = plannedBytes(a.root), y = plannedBytes(b.root);
      return x && y && spaceOf(a.root) == spaceOf(b.root) &&
             x->first < y->second && y->first < x->second;
    }
    return spaceOf(a.root) == spaceOf(b.root);
  }
  if (a.region && b.region)
    return regionsOverlap(*a.region, *b.region);
  return true;
}

DependenceInfo::DependenceInfo(func::FuncOp kernel) {
  kernel.walk([&](Operation *op) {
    auto pipeOp = dyn_cast<PipeOpInterface>(op);
    auto effectOp = dyn_cast<MemoryEffectOpInterface>(op);
    // Syncs and pure ops (index math, views, block_idx) are not endpoints.
    if (!pipeOp || !effectOp)
      return;
    SmallVector<MemoryEffects::EffectInstance> effects;
    effectOp.getEffects(effects);
    SmallVector<BufferAccess, 4> opAccesses;
    for (const MemoryEffects::EffectInstance &effect : effects) {
      Value value = effect.getValue();
      bool isWrite = isa<MemoryEffects::Write>(effect.getEffect());
      bool isRead = isa<MemoryEffects::Read>(effect.getEffect());
      if (!value || !(isWrite || isRead))
        continue;
      opAccesses.push_back(traceAccess(value, isWrite));
    }
    if (opAccesses.empty())
      return;
    indexOf[op] = endpoints.size();
    endpoints.push_back(op);
    pipes.push_back(pipeOp.getPipe());
    accesses.push_back(std::move(opAccesses));
  });
  dependences.resize(endpoints.size());
  for (unsigned x = 0; x < endpoints.size(); ++x) {
    for (unsigned w = 0; w <= x; ++w) {
      bool dependent = llvm::any_of(accesses[x], [&](const BufferAccess &a) {
        return llvm::any_of(accesses[w], [&](const BufferAccess &b) {
          return conflicts(a, b);
        });
      });
      if (!dependent)
        continue;
      dependences[x].push_back(w);
      if (w != x)
        dependences[w].push_back(x);
    }
  }
}

std::optional<unsigned> DependenceInfo::lookup(Operation *op) const {
  auto it = indexOf.find(op);
  if (it == indexOf.end())
    return std::nullopt;
  return it->second;
}
