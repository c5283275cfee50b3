//===- ConvInputStage.cpp - f32 -> f16 nc1hwc0 for mixed convs ------------===//
//
// Units of (image, f16 channel block, chunk of P pixels) are dealt over the
// blocks. Per unit, one strided copy interleaves the two f32 blocks
// [2][P][8] into ub as [P][2][8] (one 32-byte burst per pixel and block),
// one vconv narrows the P * 16 values, and one contiguous copy writes the
// [P][16] f16 block back. An odd last f32 block fills only the first half
// of its f16 block; the other half is zeroed (vdup) first.
//
//===----------------------------------------------------------------------===//

#include "ConvInputStage.h"

#include "BlockSplit.h"
#include "TileBuilder.h"

#include <limits>

using namespace mlir;
using namespace ascend;

MemRefType ascend::getConvInputStageType(MemRefType input) {
  ArrayRef<int64_t> s = input.getShape();
  int64_t elements = s[0] * ceilDiv(s[1], 2) * s[2] * s[3] * 16;
  return MemRefType::get({elements}, Float16Type::get(input.getContext()),
                         MemRefLayoutAttrInterface(), input.getMemorySpace());
}

namespace {
class InputStageBuilder : public TileBuilder {
public:
  using TileBuilder::TileBuilder;
  /// `n` images of `c1` f32 blocks of `hw` pixels, in chunks of `pix`.
  void build(func::FuncOp func, int64_t n, int64_t c1, int64_t hw, int64_t pix,
             int64_t blocks);
};
} // namespace

void InputStageBuilder::build(func::FuncOp func, int64_t n, int64_t c1,
                              int64_t hw, int64_t pix, int64_t blocks) {
  Block *entry = &func.getBody().front();
  b.setInsertionPointToStart(entry);
  int64_t c1h = ceilDiv(c1, 2), chunks = hw / pix;
  Value in = view(entry->getArgument(0), {n * c1, hw, 8});
  Value out = view(entry->getArgument(1), {n * c1h, hw, 16});
  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  Value wide = alloc(pix * 16, b.getF32Type(), MemorySpace::UB);
  Value narrow = alloc(pix * 16, b.getF16Type(), MemorySpace::UB);
  // ub [P][2][8] seen as [2][P][8]: f32 block 2 * c1 + h goes to half h.
  Value halves = permute(view(wide, {pix, 2, 8}), {1, 0, 2});
  Value zero = idx(0);
  // `units` units dealt round robin; body(image, f16 block, pixel offset).
  auto deal = [&](int64_t units, int64_t perImage, auto body) {
    // A one-trip loop scopes the class's scalar registers.
    loop(idx(1), [&](Value) {
      loop(buildDealtTileCount(b, loc, blockIdx, units, blocks), [&](Value j) {
        Value u = add(mul(j, blocks), blockIdx);
        Value rest = div(u, chunks);
        body(div(rest, perImage), rem(rest, perImage),
             mul(rem(u, chunks), pix));
      });
    });
  };
  auto finish = [&](Value outRow, Value p0) {
    tile::VConvOp::create(b, loc, wide, narrow);
    copy(view(narrow, {1, pix, 16}),
         sub(out, {outRow, p0, zero}, {1, pix, 16}));
  };
  if (c1 / 2 > 0)
    deal(n * (c1 / 2) * chunks, c1 / 2, [&](Value img, Value pair, Value p0) {
      Value row = add(mul(img, c1), mul(pair, 2));
      copy(sub(in, {row, p0, zero}, {2, pix, 8}), halves);
      finish(add(mul(img, c1h), pair), p0);
    });
  if (c1 % 2)
    deal(n * chunks, 1, [&](Value img, Value, Value p0) {
      tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), wide);
      copy(sub(in, {add(mul(img, c1), c1 - 1), p0, zero}, {1, pix, 8}),
           sub(halves, {zero, zero, zero}, {1, pix, 8}));
      finish(add(mul(img, c1h), c1h - 1), p0);
    });
  func::ReturnOp::create(b, loc);
}

ConvInputStagePlan ascend::planConvInputStage(MemRefType input,
                                              const MachineModel &machine) {
  ArrayRef<int64_t> s = input.getShape();
  int64_t n = s[0], c1 = s[1], hw = s[2] * s[3];
  int64_t units0 = n * ceilDiv(c1, 2);
  // The pixel chunk P divides H * W and fits ub ([P][16] f32 and f16). The
  // kernel is bound by gm traffic (64 bytes read and 32 written per pixel
  // and f16 block), which the active blocks share; pick the P with the
  // fewest estimated cycles. Chunks have at least 64 pixels (4 KiB read)
  // where H * W allows: the model has no per-block launch cost, so it would
  // otherwise spread a small map over all cores in tiny copies.
  int64_t maxPix = machine.getBuffer(MemorySpace::UB).size / (16 * 6);
  int64_t minPix = 1;
  for (int64_t p = std::min<int64_t>(hw, 64); p <= std::min(hw, maxPix); ++p)
    if (hw % p == 0) {
      minPix = p;
      break;
    }
  const DataPathSpec *path = machine.findPath(MemorySpace::GM, MemorySpace::UB);
  double bw = path ? path->bytesPerCycle : 1.0;
  double setup = path ? path->setupCycles : 0.0;
  ConvInputStagePlan plan;
  plan.cycles = std::numeric_limits<double>::infinity();
  for (int64_t p = minPix; p <= std::min(hw, maxPix); ++p) {
    if (hw % p)
      continue;
    int64_t units = units0 * (hw / p);
    int64_t blk = std::min<int64_t>(machine.cores, units);
    double unit =
        96.0 * p / std::min(bw, machine.hbmBytesPerCycle / blk) + 2 * setup;
    double total = ceilDiv(units, blk) * unit;
    if (total < plan.cycles) {
      plan.cycles = total;
      plan.pix = p;
    }
  }
  plan.blocks = std::min<int64_t>(machine.cores, units0 * (hw / plan.pix));
  return plan;
}

func::FuncOp ascend::buildConvInputStage(OpBuilder &moduleBuilder, Location loc,
                                         StringRef name, MemRefType input,
                                         const MachineModel &machine) {
  ArrayRef<int64_t> s = input.getShape();
  int64_t n = s[0], c1 = s[1], hw = s[2] * s[3];
  ConvInputStagePlan plan = planConvInputStage(input, machine);
  int64_t pix = plan.pix, blocks = plan.blocks;

  auto func = func::FuncOp::create(
      moduleBuilder, loc, name,
      moduleBuilder.getFunctionType({input, getConvInputStageType(input)}, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", moduleBuilder.getUnitAttr());
  func->setAttr("tile.block_dim", moduleBuilder.getI32IntegerAttr(blocks));
  func.addEntryBlock();
  OpBuilder::InsertionGuard guard(moduleBuilder);
  InputStageBuilder(moduleBuilder, loc).build(func, n, c1, hw, pix, blocks);
  return func;
}
