//===- ReductionKernel.cpp - Softmax and reductions as tile kernels -------===//
//
// The input is seen as [O, K, I]: K the reduced (or softmax) extent, O the
// kept dimensions before it and I those after it.
//
// - I == 1 (inner axis): rows of K are contiguous. A tile of R rows is
//   copied into ub with rows padded to 32-byte blocks; each row's 256-byte
//   chunks fold into one repeat (tile.vbcast_*), tile.vreduce_* gives one
//   value per row, and for softmax tile.vbrcb turns those values into
//   blocks that the next row-wise op re-reads with a block stride of 0.
//   Rows too long for ub are reduced in column chunks (not for softmax,
//   which needs the whole row). Row tiles are dealt over the blocks.
// - I > 1 (outer or middle axis): a unit is one o and a chunk of I columns;
//   its K rows are copied into ub and folded into the first row by halving
//   (log2 K whole-row vector ops). Softmax keeps the slab and combines it
//   with the folded row through a repeat stride of 0. Units are dealt over
//   the blocks; K is split into chunks when the slab does not fit.
//
//===----------------------------------------------------------------------===//

#include "ReductionKernel.h"

#include "BlockSplit.h"
#include "RowKernel.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

namespace {
enum class Kind { Sum, Mean, Max, Min, Softmax, LogSoftmax };

/// [outer, reduced, inner] extents of the input.
struct Extents {
  int64_t outer = 1, reduced = 1, inner = 1;
};

struct ReductionBuilder : RowKernelBuilder {
  ReductionBuilder(OpBuilder &b, Operation *node, Type elem,
                   const MachineModel &machine, Kind kind, Extents e)
      : RowKernelBuilder(b, node->getLoc(), elem, machine), node(node),
        kind(kind), e(e),
        ubElements(machine.getBuffer(MemorySpace::UB).size / bytes) {}

  bool isSoftmax() const {
    return kind == Kind::Softmax || kind == Kind::LogSoftmax;
  }
  Combine combineKind() const {
    switch (kind) {
    case Kind::Max:
      return Combine::Max;
    case Kind::Min:
      return Combine::Min;
    default:
      return Combine::Add;
    }
  }
  static int64_t round8(int64_t n) { return (n + 7) / 8 * 8; }

  LogicalResult buildInner(Value in, Value out);
  LogicalResult buildMiddle(Value in, Value out);

  Operation *node;
  Kind kind;
  Extents e;
  int64_t ubElements;
};
} // namespace

static std::optional<Kind> getKind(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<Kind>>(op)
      .Case([](nn::ReduceSumOp) { return Kind::Sum; })
      .Case([](nn::ReduceMeanOp) { return Kind::Mean; })
      .Case([](nn::ReduceMaxOp) { return Kind::Max; })
      .Case([](nn::ReduceMinOp) { return Kind::Min; })
      .Case([](nn::SoftmaxOp) { return Kind::Softmax; })
      .Case([](nn::LogSoftmaxOp) { return Kind::LogSoftmax; })
      .Default([](Operation *) { return std::nullopt; });
}

bool ascend::isReductionKernel(nn::KernelOp kernel) {
  for (Operation &op : kernel.getBody().front())
    if (getKind(&op))
      return true;
  return false;
}

/// Collapses `shape` around the reduced dimensions; fails when they are not
/// adjacent (ignoring dimensions of size 1).
static FailureOr<Extents> getExtents(Operation *node, ArrayRef<int64_t> shape,
                                     ArrayRef<int64_t> axes) {
  Extents e;
  enum { Before, Inside, After } state = Before;
  for (auto [d, size] : llvm::enumerate(shape)) {
    bool reduced = llvm::is_contained(axes, int64_t(d));
    if (size == 1)
      continue;
    if (reduced && state == After)
      return node->emitError("reducing non-adjacent axes is not supported "
                             "at the tile level yet");
    if (reduced) {
      state = Inside;
      e.reduced *= size;
    } else if (state == Before) {
      e.outer *= size;
    } else {
      state = After;
      e.inner *= size;
    }
  }
  return e;
}

FailureOr<func::FuncOp>
ascend::buildReductionKernel(nn::KernelOp kernel, const MachineModel &machine,
                             OpBuilder &builder) {
  Block &body = kernel.getBody().front();
  Operation *node = nullptr;
  for (Operation &op : body.without_terminator()) {
    if (getKind(&op) && !node) {
      node = &op;
      continue;
    }
    return op.emitError("cannot lower ")
           << op.getName() << " in a kernel with a reduction yet";
  }
  if (failed(checkLoneNode(node, "a reduction")))
    return failure();
  auto inType = cast<RankedTensorType>(node->getOperand(0).getType());
  Type elem = inType.getElementType();
  if (!elem.isF32() && !elem.isF16())
    return node->emitError("reductions on ")
           << elem << " are not supported at the tile level";
  Kind kind = *getKind(node);
  SmallVector<int64_t> axes;
  if (auto softmax = dyn_cast<nn::SoftmaxOp>(node))
    axes.push_back(softmax.getAxis());
  else if (auto log = dyn_cast<nn::LogSoftmaxOp>(node))
    axes.push_back(log.getAxis());
  else
    axes.assign(cast<DenseI64ArrayAttr>(node->getAttr("axes")).asArrayRef());
  FailureOr<Extents> extents = getExtents(node, inType.getShape(), axes);
  if (failed(extents))
    return failure();

  OpBuilder::InsertionGuard guard(builder);
  ReductionBuilder r(builder, node, elem, machine, kind, *extents);
  return r.buildKernel(kernel.getSymName(), node, [&](Value in, Value out) {
    return extents->inner == 1 ? r.buildInner(in, out) : r.buildMiddle(in, out);
  });
}

//===----------------------------------------------------------------------===//
// Inner axis: rows
//===----------------------------------------------------------------------===//

LogicalResult ReductionBuilder::buildInner(Value in, Value out) {
  int64_t rows = e.outer, k = e.reduced;
  bool log = kind == Kind::LogSoftmax;
  // ub elements for a tile of `r` rows of `kc` columns.
  // Rows that do not fit go in column chunks (`kc` < k): softmax then
  // streams the row three times (max, sum of exponentials, result).
  auto need = [&](int64_t r, int64_t kc) {
    bool streamed = kc < k;
    int64_t n = r * padRow(kc) * (log && !streamed ? 2 : 1) + round8(r) * 2 +
                reduceScratch(r, kc);
    if (isSoftmax())
      n += round8(r) * perBlock * (streamed ? 2 : 1) +
           (streamed ? round8(r) : 0);
    return n;
  };
  int64_t kc = k;
  if (need(1, k) > ubElements) {
    // Long rows: column chunks of whole repeats, 8 rows at a time.
    int64_t r = std::min<int64_t>(rows, 8);
    kc = ubElements / r / lanes * lanes;
    while (kc >= lanes && need(r, kc) > ubElements)
      kc -= lanes;
    if (kc < lanes)
      return emitNoTilingError(node, "a chunk of 8 rows",
                               need(r, lanes) * bytes, machine);
  }
  // Two buffer sets when there is work for two tiles per core and both fit:
  // a tile's copies then overlap the other's vector work.
  int64_t sets =
      rows >= 2 * machine.cores && 2 * need(1, kc) <= ubElements && kc == k ? 2
                                                                            : 1;
  // Spread rows over the cores; take as many as fit.
  int64_t tileRows = std::max<int64_t>(1, (rows + sets * machine.cores - 1) /
                                              (sets * machine.cores));
  while (tileRows > 1 && sets * need(tileRows, kc) > ubElements)
    tileRows = (tileRows + 1) / 2;
  int64_t fullTiles = rows / tileRows, tailRows = rows % tileRows;
  int64_t blocks = getBlockCount(machine, fullTiles + (tailRows ? 1 : 0));
  b.getBlock()->getParentOp()->setAttr("tile.block_dim",
                                       b.getI32IntegerAttr(blocks));

  int64_t kcp = padRow(kc), r8 = round8(tileRows);
  struct Buffers {
    Value x, ex, acc, res, part, blk;
    Value sum, sumBlk; // streamed softmax: the sums and their blocks
  };
  SmallVector<Buffers, 2> buffers;
  for (int64_t i = 0; i < sets; ++i) {
    Buffers bf;
    bf.x = allocUB(tileRows * kcp);
    bf.ex = log ? allocUB(tileRows * kcp) : Value();
    bf.acc = kc > lanes ? allocUB(reduceScratch(tileRows, kc)) : Value();
    bf.res = allocUB(r8);
    bf.part = kc < k ? allocUB(r8) : Value();
    bf.blk = isSoftmax() ? allocUB(r8 * perBlock) : Value();
    bool streamed = isSoftmax() && kc < k;
    bf.sum = streamed ? allocUB(r8) : Value();
    bf.sumBlk = streamed ? allocUB(r8 * perBlock) : Value();
    // vbrcb reads whole groups of 8 values: give the lanes past the last
    // row of a tile defined contents once.
    for (Value values : {bf.res, bf.sum})
      if (isSoftmax() && values)
        tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), values);
    buffers.push_back(bf);
  }
  Value in2 = gmView(in, {rows, k});
  Value out2 = isSoftmax() ? gmView(out, {rows, k}) : gmView(out, {rows});

  auto emitTile = [&](Value r0, int64_t n, const Buffers &bf) {
    Value x = bf.x, ex = bf.ex, acc = bf.acc, res = bf.res, part = bf.part,
          blk = bf.blk;
    Value xv = view(x, {n, kc}, {kcp, 1});
    Value values = flat(res, n);
    // Chunk [k0, k0 + width) of the tile's rows, in x.
    auto loadChunk = [&](Value k0, int64_t width) {
      Value v = view(x, {n, width}, {kcp, 1});
      copy(gmTile(in2, {r0, k0}, {n, width}), v);
      return v;
    };
    // Reduces every chunk with `reduce(chunk, dst)` into `into`, combining
    // by `how`.
    auto reduceChunks = [&](Combine how, Value into,
                            function_ref<void(Value, int64_t, Value)> reduce) {
      reduce(index(0), kc, flat(into, n));
      forLaterChunks(k, kc, [&](Value k0, int64_t width) {
        reduce(k0, width, flat(part, n));
        Value acc = view(into, {1, n}, {r8, 1});
        combine(how, acc, view(part, {1, n}, {r8, 1}), acc);
      });
    };
    auto broadcast = [&](Value from, Value to) {
      tile::VBrcbOp::create(b, loc, flat(from, round8(n)),
                            view(to, {round8(n), perBlock}, {perBlock, 1}));
      return view(to, {n, 1}, {perBlock, 1});
    };
    if (isSoftmax() && kc < k) {
      // Max, then the sum of exp(x - max), then the result, each pass
      // streaming the rows' chunks.
      reduceChunks(Combine::Max, res, [&](Value k0, int64_t w, Value dst) {
        reduceRows(Combine::Max, loadChunk(k0, w), acc, dst);
      });
      Value maxBlocks = broadcast(res, blk);
      auto shifted = [&](Value k0, int64_t w) {
        Value v = loadChunk(k0, w);
        tile::VBcastSubOp::create(b, loc, v, maxBlocks, v);
        return v;
      };
      reduceChunks(Combine::Add, bf.sum, [&](Value k0, int64_t w, Value dst) {
        Value v = shifted(k0, w);
        tile::VExpOp::create(b, loc, flat(x, n * kcp), flat(x, n * kcp));
        reduceRows(Combine::Add, v, acc, dst);
      });
      Value sums = flat(bf.sum, round8(n));
      if (log)
        tile::VLnOp::create(b, loc, sums, sums);
      else
        tile::VRecOp::create(b, loc, sums, sums);
      Value sumBlocks = broadcast(bf.sum, bf.sumBlk);
      auto result = [&](Value k0, int64_t w) {
        Value v = shifted(k0, w);
        if (log) {
          tile::VBcastSubOp::create(b, loc, v, sumBlocks, v);
        } else {
          tile::VExpOp::create(b, loc, flat(x, n * kcp), flat(x, n * kcp));
          tile::VBcastMulOp::create(b, loc, v, sumBlocks, v);
        }
        copy(v, gmTile(out2, {r0, k0}, {n, w}));
      };
      result(index(0), kc);
      forLaterChunks(k, kc, result);
      return;
    }
    if (isSoftmax()) {
      copy(gmTile(in2, {r0, index(0)}, {n, k}), xv);
      Value blocksOfRows = view(blk, {n, 1}, {perBlock, 1});
      auto broadcastValues = [&] {
        tile::VBrcbOp::create(b, loc, flat(res, round8(n)),
                              view(blk, {round8(n), perBlock}, {perBlock, 1}));
      };
      // x - max(x) keeps exp finite for any input.
      reduceRows(Combine::Max, xv, acc, values);
      broadcastValues();
      tile::VBcastSubOp::create(b, loc, xv, blocksOfRows, xv);
      if (log) {
        tile::VExpOp::create(b, loc, flat(x, n * kcp), flat(ex, n * kcp));
        reduceRows(Combine::Add, view(ex, {n, kc}, {kcp, 1}), acc, values);
        tile::VLnOp::create(b, loc, flat(res, round8(n)), flat(res, round8(n)));
        broadcastValues();
        tile::VBcastSubOp::create(b, loc, xv, blocksOfRows, xv);
      } else {
        tile::VExpOp::create(b, loc, flat(x, n * kcp), flat(x, n * kcp));
        reduceRows(Combine::Add, xv, acc, values);
        // One reciprocal per row, then a multiply instead of a slow divide.
        tile::VRecOp::create(b, loc, flat(res, round8(n)),
                             flat(res, round8(n)));
        broadcastValues();
        tile::VBcastMulOp::create(b, loc, xv, blocksOfRows, xv);
      }
      copy(xv, gmTile(out2, {r0, index(0)}, {n, k}));
      return;
    }
    // Reductions: chunk 0 into `res`, further chunks into `part` and
    // combined.
    reduceChunks(combineKind(), res, [&](Value k0, int64_t w, Value dst) {
      reduceRows(combineKind(), loadChunk(k0, w), acc, dst);
    });
    if (kind == Kind::Mean)
      tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / k), values);
    copy(values, gmTile(out2, {r0}, {n}));
  };

  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  auto emitFull = [&](Value t, unsigned set) {
    emitTile(arith::MulIOp::create(b, loc, t, index(tileRows)), tileRows,
             buffers[set]);
  };
  if (sets == 2)
    forDealtUnitPairs(blockIdx, fullTiles, blocks, emitFull);
  else
    forDealtUnits(blockIdx, fullTiles, blocks,
                  [&](Value t) { emitFull(t, 0); });
  if (tailRows) {
    Value count = buildOwnerTripCount(b, loc, blockIdx, fullTiles % blocks);
    auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    emitTile(index(fullTiles * tileRows), tailRows, buffers[0]);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Outer and middle axes: slabs of rows folded into one row
//===----------------------------------------------------------------------===//

LogicalResult ReductionBuilder::buildMiddle(Value in, Value out) {
  int64_t o = e.outer, k = e.reduced, inner = e.inner;
  int64_t slabs = isSoftmax() ? 2 : 1;
  // Columns per unit: all of I when the slab fits, else fewer (whole
  // blocks); reductions may also split K.
  int64_t ic = inner, kc = k;
  auto need = [&](int64_t rowsPerSlab, int64_t cols) {
    return slabs * rowsPerSlab * padRow(cols) + padRow(cols);
  };
  if (need(k, ic) > ubElements) {
    int64_t cols = ubElements / (slabs * k + 1) / perBlock * perBlock;
    if (cols >= perBlock) {
      ic = std::min(inner, cols);
    } else {
      // Split K: reductions fold chunks into an accumulator row; softmax
      // streams the chunks three times (max, sum, result) with two rows.
      ic = std::min(inner, 4 * lanes);
      kc = ubElements / padRow(ic) - (isSoftmax() ? 2 : 1);
      if (kc < 1)
        return emitNoTilingError(node, "one row chunk", need(1, ic) * bytes,
                                 machine);
    }
  }
  bool streamed = isSoftmax() && kc < k;
  int64_t blocks = planColumnUnits(o, inner, ic);
  int64_t icp = padRow(ic);
  Value x = allocUB(kc * icp);
  Value t = isSoftmax() && !streamed ? allocUB(k * icp) : Value();
  Value acc = kc < k ? allocUB(icp) : Value();
  Value sums = streamed ? allocUB(icp) : Value();
  Value in3 = gmView(in, {o, k, inner});
  Value out3 =
      isSoftmax() ? gmView(out, {o, k, inner}) : gmView(out, {o, inner});

  auto emitUnit = [&](Value oi, Value i0, int64_t w) {
    int64_t wp = padRow(w);
    auto load = [&](Value k0, int64_t n) {
      copy(gmTile(in3, {oi, k0, i0}, {1, n, w}),
           view(x, {1, n, w}, {n * wp, wp, 1}));
    };
    Value firstRow = view(x, {1, w}, {wp, 1});
    if (streamed) {
      Value maxRow = view(acc, {1, w}, {wp, 1});
      Value sumRow = view(sums, {1, w}, {wp, 1});
      // Chunk [k0, k0 + n) of the axis, optionally as exp(x - max).
      auto shifted = [&](Value k0, int64_t n, bool exp) {
        load(k0, n);
        Value xv = view(x, {n, w}, {wp, 1});
        tile::VBcastSubOp::create(b, loc, xv, maxRow, xv);
        if (exp)
          tile::VExpOp::create(b, loc, flat(x, n * wp), flat(x, n * wp));
        return xv;
      };
      // Folds every chunk into `into` (chunk 0 copied, the others combined).
      auto foldChunks = [&](Combine how, Value into,
                            function_ref<void(Value, int64_t)> prepare) {
        prepare(index(0), kc);
        foldRows(how, x, kc, w, wp);
        tile::VBcastMaxOp::create(b, loc, firstRow, firstRow, into);
        forLaterChunks(k, kc, [&](Value k0, int64_t n) {
          prepare(k0, n);
          foldRows(how, x, n, w, wp);
          combine(how, into, firstRow, into);
        });
      };
      foldChunks(Combine::Max, maxRow, load);
      foldChunks(Combine::Add, sumRow,
                 [&](Value k0, int64_t n) { shifted(k0, n, /*exp=*/true); });
      if (kind == Kind::LogSoftmax)
        tile::VLnOp::create(b, loc, flat(sums, wp), flat(sums, wp));
      else
        tile::VRecOp::create(b, loc, flat(sums, wp), flat(sums, wp));
      auto result = [&](Value k0, int64_t n) {
        Value xv = shifted(k0, n, kind == Kind::Softmax);
        if (kind == Kind::LogSoftmax)
          tile::VBcastSubOp::create(b, loc, xv, sumRow, xv);
        else
          tile::VBcastMulOp::create(b, loc, xv, sumRow, xv);
        copy(view(x, {1, n, w}, {n * wp, wp, 1}),
             gmTile(out3, {oi, k0, i0}, {1, n, w}));
      };
      result(index(0), kc);
      forLaterChunks(k, kc, result);
      return;
    }
    if (isSoftmax()) {
      load(index(0), k);
      Value xv = view(x, {k, w}, {wp, 1}), tv = view(t, {k, w}, {wp, 1});
      Value folded = view(t, {1, w}, {wp, 1});
      // Max over the axis, folded in a copy so that x stays.
      tile::VBcastMaxOp::create(b, loc, xv, xv, tv);
      foldRows(Combine::Max, t, k, w, wp);
      tile::VBcastSubOp::create(b, loc, xv, folded, xv);
      if (kind == Kind::LogSoftmax) {
        tile::VExpOp::create(b, loc, flat(x, k * wp), flat(t, k * wp));
        foldRows(Combine::Add, t, k, w, wp);
        tile::VLnOp::create(b, loc, flat(t, wp), flat(t, wp));
        tile::VBcastSubOp::create(b, loc, xv, folded, xv);
      } else {
        tile::VExpOp::create(b, loc, flat(x, k * wp), flat(x, k * wp));
        tile::VBcastMaxOp::create(b, loc, xv, xv, tv);
        foldRows(Combine::Add, t, k, w, wp);
        tile::VRecOp::create(b, loc, flat(t, wp), flat(t, wp));
        tile::VBcastMulOp::create(b, loc, xv, folded, xv);
      }
      copy(view(x, {1, k, w}, {k * wp, wp, 1}),
           gmTile(out3, {oi, index(0), i0}, {1, k, w}));
      return;
    }
    // Reductions: fold each chunk of K rows, combine chunks in acc.
    load(index(0), kc);
    foldRows(combineKind(), x, kc, w, wp);
    Value result = firstRow, resultFlat = flat(x, wp);
    if (kc < k) {
      Value accRow = view(acc, {1, w}, {wp, 1});
      tile::VBcastMaxOp::create(b, loc, firstRow, firstRow, accRow);
      auto foldChunk = [&](Value k0, int64_t n) {
        load(k0, n);
        foldRows(combineKind(), x, n, w, wp);
        combine(combineKind(), accRow, firstRow, accRow);
      };
      forLaterChunks(k, kc, foldChunk);
      result = accRow;
      resultFlat = flat(acc, wp);
    }
    if (kind == Kind::Mean)
      tile::VMulsOp::create(b, loc, resultFlat, b.getF64FloatAttr(1.0 / k),
                            resultFlat);
    copy(result, gmTile(out3, {oi, i0}, {1, w}));
  };

  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  forColumnUnits(blockIdx, o, inner, ic, blocks, emitUnit);
  return success();
}
