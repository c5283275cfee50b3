//===- PoolKernel.cpp - Pooling on NC1HWC0 feature maps -------------------===//
//
// Each pixel's C0 channels are one 32-byte block, so a row of output pixels
// is a column of blocks and one vector instruction combines 8 pixels per
// repeat, its block stride walking input pixels `stride` apart.
//
// Windowed pooling: a unit is one channel group (n, c1) and a tile of output
// rows; when one output row's window rows do not fit ub, a tile is one row
// cut into chunks of columns (the last ragged). The tile's input, window
// halo and padding included, sits in ub as [rows][input width][C0]; padding
// is filled first (lowest value for max, zero for average) and the valid
// part copied over it. Output row r is the max/sum over the kh x kw window
// of strided views of that buffer; average pooling then multiplies by
// 1/count, an immediate when every output pixel has the same count and
// otherwise a gm table of reciprocals. Tiles whose rows and columns are all
// inside the image share one dynamic loop; the border tiles (their own
// static padding) get one each.
//
// Global pooling: chunks of a group's pixels are reduced by halving
// (op(buf[0:P-h], buf[h:P]), h = ceil(P/2)) into one block, which is folded
// into an accumulator.
//
//===----------------------------------------------------------------------===//

#include "PoolKernel.h"

#include "GmType.h"
#include "UnitLoop.h"

#include "nn/NNConstants.h"
#include "nn/NNLayout.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace ascend;

bool ascend::isPoolKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  return body.getOperations().size() == 2 &&
         isa<nn::MaxPoolOp, nn::AveragePoolOp, nn::GlobalAveragePoolOp,
             nn::GlobalMaxPoolOp>(body.front());
}

namespace {
/// A pooling window over [H, W].
struct Window {
  int64_t kh, kw, sh, sw, dh, dw, pt, pl, pb, pr;
};

/// Builds views and vector ops of one pooling kernel.
struct PoolEmitter {
  OpBuilder &b;
  Location loc;
  Type elem;
  bool isMax;
  int64_t k;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(Value x, int64_t y) {
    return arith::MulIOp::create(b, loc, x, index(y));
  }
  /// The lowest value of the element type: max pooling's padding.
  double lowest() {
    return APFloat::getLargest(cast<FloatType>(elem).getFloatSemantics(),
                               /*Negative=*/true)
        .convertToDouble();
  }
  Value view(Value source, ArrayRef<OpFoldResult> offsets,
             ArrayRef<int64_t> sizes, ArrayRef<int64_t> strides = {}) {
    SmallVector<OpFoldResult> sizeAttrs, strideAttrs;
    for (auto [i, s] : llvm::enumerate(sizes)) {
      sizeAttrs.push_back(b.getIndexAttr(s));
      strideAttrs.push_back(b.getIndexAttr(strides.empty() ? 1 : strides[i]));
    }
    return memref::SubViewOp::create(b, loc, source, offsets, sizeAttrs,
                                     strideAttrs);
  }
  /// [count, C0] pixels of a [rows, cols, C0] buffer from (row, col), `step`
  /// pixels apart.
  Value pixels(Value buffer, OpFoldResult row, OpFoldResult col, int64_t count,
               int64_t step) {
    auto source = cast<MemRefType>(buffer.getType());
    SmallVector<OpFoldResult> offsets = {row, col, b.getIndexAttr(0)};
    SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1), b.getIndexAttr(count),
                                       b.getIndexAttr(k)};
    SmallVector<OpFoldResult> strides = {
        b.getIndexAttr(1), b.getIndexAttr(step), b.getIndexAttr(1)};
    auto type = memref::SubViewOp::inferRankReducedResultType(
        {count, k}, source, offsets, sizes, strides);
    return memref::SubViewOp::create(b, loc, cast<MemRefType>(type), buffer,
                                     offsets, sizes, strides);
  }
  /// dst = max/add(lhs, rhs).
  void combine(Value lhs, Value rhs, Value dst) {
    if (isMax)
      tile::VMaxOp::create(b, loc, lhs, rhs, dst);
    else
      tile::VAddOp::create(b, loc, lhs, rhs, dst);
  }
};
} // namespace

/// Output pixels' window element counts along one dimension: positions
/// inside the image, or inside the padded image with count_include_pad.
static SmallVector<int64_t> countWindow(int64_t out, int64_t size,
                                        int64_t kernel, int64_t stride,
                                        int64_t dilation, int64_t padBegin,
                                        int64_t padEnd, bool includePad) {
  int64_t lo = includePad ? -padBegin : 0;
  int64_t hi = includePad ? size + padEnd : size;
  SmallVector<int64_t> counts;
  for (int64_t o = 0; o < out; ++o) {
    int64_t n = 0;
    for (int64_t i = 0; i < kernel; ++i) {
      int64_t x = o * stride - padBegin + i * dilation;
      n += x >= lo && x < hi;
    }
    counts.push_back(std::max<int64_t>(n, 1));
  }
  return counts;
}

/// `arg` ([..., C0] in gm) seen as [rows, cols, C0].
static Value reshapeGm(OpBuilder &b, Location loc, Value arg, int64_t rows,
                       int64_t cols, int64_t k) {
  auto type = cast<MemRefType>(arg.getType());
  SmallVector<int64_t> sizes = {rows, cols, k};
  return memref::ReinterpretCastOp::create(
      b, loc,
      MemRefType::get(sizes, type.getElementType(), MemRefLayoutAttrInterface(),
                      type.getMemorySpace()),
      arg, 0, sizes, ArrayRef<int64_t>{cols * k, k, 1});
}

static Value allocUb(OpBuilder &b, Location loc, ArrayRef<int64_t> sizes,
                     Type elem) {
  auto ub = tile::MemorySpaceAttr::get(b.getContext(), MemorySpace::UB);
  return memref::AllocOp::create(
      b, loc, MemRefType::get(sizes, elem, MemRefLayoutAttrInterface(), ub));
}

static FailureOr<PoolKernel> buildGlobalPool(nn::KernelOp kernel,
                                             Operation *pool, PoolEmitter &e,
                                             ArrayRef<int64_t> stored,
                                             const MachineModel &machine) {
  OpBuilder &b = e.b;
  Location loc = e.loc;
  int64_t groups = stored[0] * stored[1], hw = stored[2] * stored[3], k = e.k;
  // Half of ub for a chunk of pixels, at most 65535 blocks per copy.
  int64_t chunk = std::min<int64_t>(
      {hw, machine.getBuffer(MemorySpace::UB).size / 2 / 32, 65535});
  int64_t fullChunks = hw / chunk, tail = hw % chunk;
  int64_t blocks =
      std::max<int64_t>(1, std::min<int64_t>(machine.cores, groups));
  auto outType = cast<RankedTensorType>(pool->getResult(0).getType());
  SmallVector<Type> argTypes = {getGmType(pool->getOperand(0).getType()),
                                getGmType(outType)};
  func::FuncOp func = createTileKernel(b, kernel.getLoc(), kernel.getSymName(),
                                       argTypes, blocks);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&func.getBody().front());
  Value in = reshapeGm(b, loc, func.getArgument(0), groups, hw, k);
  Value out = reshapeGm(b, loc, func.getArgument(1), groups, 1, k);
  Value buf = allocUb(b, loc, {chunk, k}, e.elem);
  Value acc = allocUb(b, loc, {1, k}, e.elem);
  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());

  auto emitChunk = [&](Value group, Value first, int64_t size) {
    tile::CopyOp::create(
        b, loc, e.pixels(in, group, first, size, 1),
        e.view(buf, {b.getIndexAttr(0), b.getIndexAttr(0)}, {size, k}));
    for (int64_t p = size; p > 1; p = (p + 1) / 2) {
      int64_t h = (p + 1) / 2;
      Value low =
          e.view(buf, {b.getIndexAttr(0), b.getIndexAttr(0)}, {p - h, k});
      Value high =
          e.view(buf, {b.getIndexAttr(h), b.getIndexAttr(0)}, {p - h, k});
      e.combine(low, high, low);
    }
    Value first1 = e.view(buf, {b.getIndexAttr(0), b.getIndexAttr(0)}, {1, k});
    e.combine(acc, first1, acc);
  };
  buildDealtUnitLoop(b, loc, blockIdx, groups, blocks, 0, [&](Value group) {
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(e.isMax ? e.lowest() : 0.0),
                         acc);
    if (fullChunks > 0) {
      auto loop = scf::ForOp::create(b, loc, e.index(0), e.index(fullChunks),
                                     e.index(1));
      OpBuilder::InsertionGuard loopGuard(b);
      b.setInsertionPointToStart(loop.getBody());
      emitChunk(group, e.mul(loop.getInductionVar(), chunk), chunk);
    }
    if (tail > 0)
      emitChunk(group, e.index(fullChunks * chunk), tail);
    if (!e.isMax)
      tile::VMulsOp::create(b, loc, acc, b.getF64FloatAttr(1.0 / double(hw)),
                            acc);
    tile::CopyOp::create(b, loc, acc,
                         e.pixels(out, group, b.getIndexAttr(0), 1, 1));
  });
  func::ReturnOp::create(b, loc);
  return PoolKernel{func, std::nullopt};
}

namespace {
/// Tile t of a pooled dimension: `count` outputs, whose input window
/// starts `clipBegin` positions into the leading padding, has `valid`
/// positions inside the image and `clipEnd` past it.
struct SpanTile {
  int64_t count, clipBegin, valid, clipEnd;
  bool clipped() const { return clipBegin > 0 || clipEnd > 0; }
};

/// One pooled dimension cut into tiles of `size` outputs (the last ragged).
struct Span {
  int64_t size, out, in, kernel, stride, dilation, padBegin;

  int64_t tiles() const { return (out + size - 1) / size; }
  SpanTile tile(int64_t t) const {
    int64_t count = std::min(size, out - t * size);
    int64_t extent = (count - 1) * stride + (kernel - 1) * dilation + 1;
    int64_t x0 = t * size * stride - padBegin;
    int64_t clipBegin = std::max<int64_t>(0, -x0);
    int64_t clipEnd = std::max<int64_t>(0, x0 + extent - in);
    int64_t valid = std::max<int64_t>(0, extent - clipBegin - clipEnd);
    return {count, clipBegin, valid, clipEnd};
  }
  /// Full, unclipped tiles share one index shape.
  bool interior(int64_t t) const {
    SpanTile s = tile(t);
    return s.count == size && !s.clipped();
  }
  /// (first tile, length) runs: each run of interior tiles, and each other
  /// tile on its own.
  SmallVector<std::pair<int64_t, int64_t>> runs() const {
    SmallVector<std::pair<int64_t, int64_t>> result;
    for (int64_t t = 0; t < tiles();) {
      int64_t run = 1;
      if (interior(t))
        while (t + run < tiles() && interior(t + run))
          ++run;
      result.push_back({t, run});
      t += run;
    }
    return result;
  }
};
} // namespace

FailureOr<PoolKernel> ascend::buildPoolKernel(nn::KernelOp kernel,
                                              const MachineModel &machine,
                                              OpBuilder &builder) {
  Operation *pool = &kernel.getBody().front().front();
  auto inType = cast<RankedTensorType>(pool->getOperand(0).getType());
  auto outType = cast<RankedTensorType>(pool->getResult(0).getType());
  if (inType.getRank() != 4)
    return pool->emitError("only 2-D pooling (rank-4 input) lowers to the "
                           "tile level; this input has rank ")
           << inType.getRank();
  if (nn::getLayout(inType) != nn::Layout::NC1HWC0 ||
      nn::getLayout(outType) != nn::Layout::NC1HWC0)
    return pool->emitError("pooling lowers on nc1hwc0 tensors; run "
                           "ascend-assign-layouts first");
  Type elem = inType.getElementType();
  if (!elem.isF16() && !elem.isF32())
    return pool->emitError("pooling on ")
           << elem << " is not supported (f16 and f32 are)";
  bool isMax = isa<nn::MaxPoolOp, nn::GlobalMaxPoolOp>(pool);
  SmallVector<int64_t> stored = nn::getStoredShape(inType);
  int64_t k = stored[4];
  PoolEmitter e{builder, kernel.getLoc(), elem, isMax, k};
  if (isa<nn::GlobalAveragePoolOp, nn::GlobalMaxPoolOp>(pool))
    return buildGlobalPool(kernel, pool, e, stored, machine);

  auto attr = [&](StringRef name, size_t size, int64_t fallback) {
    SmallVector<int64_t> values(size, fallback);
    if (auto a = pool->getAttrOfType<DenseI64ArrayAttr>(name);
        a && a.size() == int64_t(size))
      values.assign(a.asArrayRef().begin(), a.asArrayRef().end());
    return values;
  };
  SmallVector<int64_t> ks = attr("kernel_shape", 2, 1),
                       st = attr("strides", 2, 1), pads = attr("pads", 4, 0),
                       dil = attr("dilations", 2, 1);
  Window w{ks[0],  ks[1],   st[0],   st[1],   dil[0],
           dil[1], pads[0], pads[1], pads[2], pads[3]};
  int64_t groups = stored[0] * stored[1], h = stored[2], wd = stored[3];
  int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
  // A window that is exactly the whole unpadded image (ResNet's final 7x7
  // average) is a global pool, whose halving reduction is cheaper.
  if (oh == 1 && ow == 1 && w.kh == h && w.kw == wd && w.dh == 1 && w.dw == 1 &&
      llvm::all_of(pads, [](int64_t p) { return p == 0; }))
    return buildGlobalPool(kernel, pool, e, stored, machine);
  if (w.sw > 31)
    return pool->emitError("horizontal stride ")
           << w.sw << " exceeds the vector unit's 31-block pixel stride";

  // Average pooling divides by each output pixel's window count.
  std::optional<double> uniform;
  SmallVector<double> reciprocals;
  if (!isMax) {
    bool includePad = cast<nn::AveragePoolOp>(pool).getCountIncludePad();
    SmallVector<int64_t> hc =
        countWindow(oh, h, w.kh, w.sh, w.dh, w.pt, w.pb, includePad);
    SmallVector<int64_t> wc =
        countWindow(ow, wd, w.kw, w.sw, w.dw, w.pl, w.pr, includePad);
    bool same = llvm::all_equal(hc) && llvm::all_equal(wc);
    if (same)
      uniform = 1.0 / double(hc.front() * wc.front());
    else
      for (int64_t y : hc)
        for (int64_t x : wc)
          reciprocals.append(k, 1.0 / double(y * x));
  }
  bool table = !isMax && !uniform;

  // Output rows per tile and output columns per chunk: the tile's input
  // rows (window halo included), output rows and divisors fit ub. A row
  // tile spans the whole output row when one output row fits; otherwise a
  // tile is one output row cut into column chunks, the last one ragged.
  auto inRows = [&](int64_t rows) {
    return (rows - 1) * w.sh + (w.kh - 1) * w.dh + 1;
  };
  auto inCols = [&](int64_t cols) {
    return (cols - 1) * w.sw + (w.kw - 1) * w.dw + 1;
  };
  // (Leave room for the fences' scratch blocks and alignment.)
  int64_t ubBytes = machine.getBuffer(MemorySpace::UB).size - 1024;
  auto tileBytes = [&](int64_t rows, int64_t cols) {
    return (inRows(rows) * inCols(cols) + rows * cols * (table ? 2 : 1)) * 32;
  };
  int64_t rowsPerTile = 0, colsPerChunk = ow;
  while (rowsPerTile < oh && tileBytes(rowsPerTile + 1, ow) <= ubBytes)
    ++rowsPerTile;
  if (rowsPerTile == 0) {
    rowsPerTile = 1;
    colsPerChunk = 0;
    while (colsPerChunk < ow && tileBytes(1, colsPerChunk + 1) <= ubBytes)
      ++colsPerChunk;
    if (colsPerChunk == 0)
      return pool->emitError("a pooling window of ")
             << inRows(1) << "x" << inCols(1)
             << " pixels does not fit the unified buffer";
  }
  // Enough row tiles to feed every core.
  int64_t tilesPerGroup =
      std::max<int64_t>(1, (machine.cores + groups - 1) / groups);
  rowsPerTile = std::min(rowsPerTile, (oh + tilesPerGroup - 1) / tilesPerGroup);
  // Chunks of even width, as many as fit one round of units on the cores
  // (fewer, wider units cost less per-unit setup).
  if (colsPerChunk < ow) {
    int64_t chunks = std::max((ow + colsPerChunk - 1) / colsPerChunk,
                              machine.cores / (groups * oh));
    colsPerChunk = (ow + chunks - 1) / chunks;
  }
  // Each window op unrolls into one instruction sequence per row.
  rowsPerTile = std::min<int64_t>(rowsPerTile,
                                  std::max<int64_t>(1, 1024 / (w.kh * w.kw)));
  Span rowSpan{rowsPerTile, oh, h, w.kh, w.sh, w.dh, w.pt};
  Span colSpan{colsPerChunk, ow, wd, w.kw, w.sw, w.dw, w.pl};
  int64_t blocks = std::max<int64_t>(
      1, std::min<int64_t>(machine.cores,
                           groups * rowSpan.tiles() * colSpan.tiles()));

  MemRefType tableType;
  SmallVector<Type> argTypes = {getGmType(inType)};
  if (table) {
    tableType = MemRefType::get(
        {oh, ow, k}, elem, MemRefLayoutAttrInterface(),
        tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::GM));
    argTypes.push_back(tableType);
  }
  argTypes.push_back(getGmType(outType));
  OpBuilder &b = builder;
  Location loc = kernel.getLoc();
  func::FuncOp func = createTileKernel(b, kernel.getLoc(), kernel.getSymName(),
                                       argTypes, blocks);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&func.getBody().front());
  Value in = reshapeGm(b, loc, func.getArgument(0), groups * h, wd, k);
  Value out = reshapeGm(b, loc, func.getArguments().back(), groups * oh, ow, k);
  int64_t bufWidth = inCols(colsPerChunk);
  Value inBuf = allocUb(b, loc, {inRows(rowsPerTile), bufWidth, k}, elem);
  Value outBuf = allocUb(b, loc, {rowsPerTile, colsPerChunk, k}, elem);
  Value tableBuf =
      table ? allocUb(b, loc, {rowsPerTile, colsPerChunk, k}, elem) : Value();
  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  auto zero = b.getIndexAttr(0);

  // One unit: group `group`, output rows [firstRow, firstRow + r.count) and
  // columns [firstCol, firstCol + c.count).
  auto emitUnit = [&](Value group, Value firstRow, Value firstCol,
                      const SpanTile &r, const SpanTile &c) {
    if (r.clipped() || c.clipped())
      tile::VDupOp::create(
          b, loc, b.getF64FloatAttr(isMax ? e.lowest() : 0.0),
          e.view(inBuf, {zero, zero, zero}, {inRows(r.count), bufWidth, k}));
    if (r.valid > 0 && c.valid > 0) {
      // Image row of buffer row clipBegin: firstRow * sh - pt + clipBegin.
      Value imageRow =
          e.add(e.mul(firstRow, w.sh), e.index(r.clipBegin - w.pt));
      Value gmRow = e.add(e.mul(group, h), imageRow);
      Value imageCol =
          e.add(e.mul(firstCol, w.sw), e.index(c.clipBegin - w.pl));
      tile::CopyOp::create(
          b, loc, e.view(in, {gmRow, imageCol, zero}, {r.valid, c.valid, k}),
          e.view(
              inBuf,
              {b.getIndexAttr(r.clipBegin), b.getIndexAttr(c.clipBegin), zero},
              {r.valid, c.valid, k}));
    }
    // One vector op per window position over all the tile's rows: [rows,
    // cols, C0] views `sh` input rows and `sw` pixels apart.
    SmallVector<int64_t> sizes = {r.count, c.count, k};
    Value outTile = e.view(outBuf, {zero, zero, zero}, sizes);
    Value pending;
    for (int64_t i = 0; i < w.kh; ++i) {
      for (int64_t j = 0; j < w.kw; ++j) {
        Value window = e.view(
            inBuf, {b.getIndexAttr(i * w.dh), b.getIndexAttr(j * w.dw), zero},
            sizes, {w.sh, w.sw, 1});
        if (w.kh * w.kw == 1) {
          tile::VMulsOp::create(b, loc, window, b.getF64FloatAttr(1.0),
                                outTile);
        } else if (i == 0 && j == 0) {
          pending = window;
        } else if (pending) {
          e.combine(pending, window, outTile);
          pending = Value();
        } else {
          e.combine(outTile, window, outTile);
        }
      }
    }
    if (uniform) {
      tile::VMulsOp::create(b, loc, outTile, b.getF64FloatAttr(*uniform),
                            outTile);
    } else if (table) {
      Value tableTile = e.view(tableBuf, {zero, zero, zero}, sizes);
      tile::CopyOp::create(
          b, loc,
          e.view(func.getArgument(1), {firstRow, firstCol, zero}, sizes),
          tableTile);
      tile::VMulOp::create(b, loc, outTile, tableTile, outTile);
    }
    Value gmRow = e.add(e.mul(group, oh), firstRow);
    tile::CopyOp::create(b, loc, outTile,
                         e.view(out, {gmRow, firstCol, zero}, sizes));
  };

  // Families: runs of interior row tiles times runs of interior column
  // chunks share a dynamic loop; border tiles and chunks are static.
  SmallVector<std::pair<int64_t, int64_t>> rowRuns = rowSpan.runs();
  SmallVector<std::pair<int64_t, int64_t>> colRuns = colSpan.runs();
  FamilyFence fence(b, loc, func.getArgument(0));
  int64_t dealt = 0;
  for (auto [t, rowRun] : rowRuns) {
    SpanTile r = rowSpan.tile(t);
    for (auto [c, colRun] : colRuns) {
      SpanTile cs = colSpan.tile(c);
      if (dealt > 0)
        fence.emit();
      auto body = [&](Value unit) {
        SmallVector<Value> d =
            splitUnit(b, loc, unit, {groups, rowRun, colRun});
        Value rowTile = e.add(d[1], e.index(t));
        Value colChunk = e.add(d[2], e.index(c));
        emitUnit(d[0], e.mul(rowTile, rowsPerTile),
                 e.mul(colChunk, colsPerChunk), r, cs);
      };
      dealt = buildDealtUnitLoop(b, loc, blockIdx, groups * rowRun * colRun,
                                 blocks, dealt, body);
    }
  }
  func::ReturnOp::create(b, loc);
  PoolKernel result{func, std::nullopt};
  if (table)
    result.divisors = {
        tableType, nn::makeWeightAttr(RankedTensorType::get({oh, ow, k}, elem),
                                      reciprocals, "pool_divisors")};
  return result;
}
