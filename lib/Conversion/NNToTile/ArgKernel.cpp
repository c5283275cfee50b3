//===- ArgKernel.cpp - ArgMax, ArgMin and Hardmax as tile kernels ---------===//
//
// The input is seen as [O, K, I] around the axis, as in ReductionKernel.cpp
// (I == 1: tiles of rows reduced with tile.vreduce_*; I > 1: a unit is one o
// and a chunk of columns whose K rows are folded by halving). Indices are
// computed in the input's float type, whose lanes hold them exactly (K up to
// 2^11 for f16, 2^24 for f32):
//
//   best  = max (argmin: min) of x along the axis
//   cand  = x == broadcast(best) ? position : K   (vbcast_max, vcmp, vsel)
//   index = min of cand along the axis            (the first best)
//
// select_last_index fills -1 instead of K and takes the max. ArgMax and
// ArgMin convert the index to i32 (vconv); Hardmax compares the position
// table with the broadcast index, which gives its 1 / 0 output as it stands.
//
// The position table is built once per kernel without a gm constant: one
// block of 0..C0-1 is the transpose (vnchwconv) of C0 blocks filled by vdup,
// vadds doubles it into a row 0..K-1, which is then repeated over the rows
// of a tile (I == 1) or turned into one block per position by vbrcb and
// spread over the columns (I > 1).
//
//===----------------------------------------------------------------------===//

#include "ArgKernel.h"

#include "BlockSplit.h"
#include "RowKernel.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace ascend;

namespace {
enum class Kind { ArgMax, ArgMin, Hardmax };

struct ArgBuilder : RowKernelBuilder {
  ArgBuilder(OpBuilder &b, Operation *node, Type elem,
             const MachineModel &machine, Kind kind, bool last, int64_t outer,
             int64_t k, int64_t inner)
      : RowKernelBuilder(b, node->getLoc(), elem, machine), node(node),
        kind(kind), last(last), outer(outer), k(k), inner(inner),
        // (A block per buffer is left for the allocator's alignment.)
        ubElements((machine.getBuffer(MemorySpace::UB).size - 12 * 32) / bytes),
        indexElements(4 / bytes) {}

  /// The combine that finds the best value, and the one that picks its
  /// first (or last) position among the candidates.
  Combine best() const {
    return kind == Kind::ArgMin ? Combine::Min : Combine::Max;
  }
  Combine pick() const { return last ? Combine::Max : Combine::Min; }

  /// A 1-D ub buffer of i32 (the indices' conversion target).
  Value allocIndices(int64_t n);
  /// Elements of the buffers that build the position row of `n` (a whole
  /// number of blocks).
  int64_t positionScratch(int64_t n) const {
    return std::max(n, perBlock * perBlock) + perBlock * perBlock;
  }
  /// A ub row whose first `n` elements are 0..n-1.
  Value buildPositions(int64_t n);
  /// Fills the scratch buffers once per kernel: defined contents for the
  /// lanes the tiles do not write, the fill value, the positions.
  void initialize(ArrayRef<Value> zeroed, Value fill);
  /// exFlat = x == broadcast(bestOperand) ? positions : fill, over the
  /// tile `xv` / `exv` and the flat buffers behind them.
  void select(Value xv, Value bestOperand, Value exv, Value xFlat, Value exFlat,
              Value idxFlat, Value fillFlat);
  /// xv = 1 where the position equals the broadcast `indexOperand`, 0
  /// elsewhere (Hardmax); exFlat is scratch.
  void oneHot(Value idxv, Value indexOperand, Value xv, Value xFlat,
              Value exFlat);
  /// indices = the float indices `values` as i32 (both contiguous).
  void convertIndices(Value values, Value indices);

  LogicalResult buildInner(Value in, Value out);
  LogicalResult buildMiddle(Value in, Value out);

  Operation *node;
  Kind kind;
  bool last;
  int64_t outer, k, inner;
  /// ub capacity, and the size of an i32 index, in elements of the data.
  int64_t ubElements, indexElements;
};
} // namespace

static std::optional<Kind> getKind(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<Kind>>(op)
      .Case([](nn::ArgMaxOp) { return Kind::ArgMax; })
      .Case([](nn::ArgMinOp) { return Kind::ArgMin; })
      .Case([](nn::HardmaxOp) { return Kind::Hardmax; })
      .Default([](Operation *) { return std::nullopt; });
}

bool ascend::isArgKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  return body.getOperations().size() == 2 && getKind(&body.front());
}

Value ArgBuilder::allocIndices(int64_t n) {
  auto space = tile::MemorySpaceAttr::get(b.getContext(), MemorySpace::UB);
  return memref::AllocOp::create(
      b, loc,
      MemRefType::get({n}, b.getI32Type(), MemRefLayoutAttrInterface(), space));
}

Value ArgBuilder::buildPositions(int64_t n) {
  int64_t square = perBlock * perBlock;
  Value row = allocUB(std::max(n, square));
  Value blocks = allocUB(square);
  for (int64_t j = 0; j < perBlock; ++j)
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(double(j)),
                         view(blocks, {perBlock}, {1}, j * perBlock));
  // Row j of the transpose is 0..C0-1.
  tile::VNchwConvOp::create(b, loc,
                            view(blocks, {perBlock, perBlock}, {perBlock, 1}),
                            view(row, {perBlock, perBlock}, {perBlock, 1}));
  for (int64_t have = perBlock; have < n; have *= 2) {
    int64_t more = std::min(have, n - have);
    tile::VAddsOp::create(b, loc, view(row, {more}, {1}),
                          b.getF64FloatAttr(double(have)),
                          view(row, {more}, {1}, have));
  }
  return row;
}

void ArgBuilder::initialize(ArrayRef<Value> zeroed, Value fill) {
  for (Value buffer : zeroed)
    if (buffer)
      tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), buffer);
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(last ? -1.0 : double(k)),
                       fill);
}

void ArgBuilder::select(Value xv, Value bestOperand, Value exv, Value xFlat,
                        Value exFlat, Value idxFlat, Value fillFlat) {
  // max(x, best) is best at every position (min for argmin).
  combine(best(), xv, bestOperand, exv);
  tile::VCmpOp::create(b, loc, CmpMode::EQ, xFlat, exFlat, exFlat);
  tile::VSelOp::create(b, loc, exFlat, idxFlat, fillFlat, exFlat);
}

void ArgBuilder::oneHot(Value idxv, Value indexOperand, Value xv, Value xFlat,
                        Value exFlat) {
  tile::VBcastSubOp::create(b, loc, idxv, indexOperand, xv);
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), exFlat);
  tile::VCmpOp::create(b, loc, CmpMode::EQ, xFlat, exFlat, xFlat);
}

void ArgBuilder::convertIndices(Value values, Value indices) {
  // Integral values: rint is exact.
  tile::VConvOp::create(b, loc, values, indices,
                        RoundModeAttr::get(b.getContext(), RoundMode::Rint));
}

FailureOr<func::FuncOp> ascend::buildArgKernel(nn::KernelOp kernel,
                                               const MachineModel &machine,
                                               OpBuilder &builder) {
  Operation *node = &kernel.getBody().front().front();
  if (failed(checkLoneNode(node, node->getName().getStringRef())))
    return failure();
  auto inType = cast<RankedTensorType>(node->getOperand(0).getType());
  Type elem = inType.getElementType();
  if (!elem.isF32() && !elem.isF16())
    return node->emitError(node->getName().getStringRef())
           << " on " << elem << " is not supported (f16 and f32 are)";
  Kind kind = *getKind(node);
  int64_t axis;
  bool last = false;
  if (auto hardmax = dyn_cast<nn::HardmaxOp>(node)) {
    axis = hardmax.getAxis();
  } else {
    axis = cast<IntegerAttr>(node->getAttr("axis")).getInt();
    last = cast<BoolAttr>(node->getAttr("select_last_index")).getValue();
  }
  ArrayRef<int64_t> shape = inType.getShape();
  int64_t outer = 1, k = shape[axis], inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1; d < inType.getRank(); ++d)
    inner *= shape[d];
  // The fill value K must be exact in the index lanes.
  int64_t exact = elem.isF16() ? 2048 : int64_t(1) << 24;
  if (k > exact)
    return node->emitError("an axis of ")
           << k << " elements exceeds the " << exact << " positions that "
           << elem << " lanes index exactly";

  OpBuilder::InsertionGuard guard(builder);
  ArgBuilder a(builder, node, elem, machine, kind, last, outer, k, inner);
  return a.buildKernel(kernel.getSymName(), node, [&](Value in, Value out) {
    return inner == 1 ? a.buildInner(in, out) : a.buildMiddle(in, out);
  });
}

//===----------------------------------------------------------------------===//
// Inner axis: rows
//===----------------------------------------------------------------------===//

LogicalResult ArgBuilder::buildInner(Value in, Value out) {
  int64_t rows = outer, kcp = padRow(k);
  bool hardmax = kind == Kind::Hardmax;
  // x, its broadcast best, positions and fill; the row values, their blocks
  // and their i32 conversion.
  auto need = [&](int64_t r) {
    int64_t r8 = llvm::alignTo(r, 8);
    return 4 * r * kcp + reduceScratch(r, k) +
           r8 * (1 + perBlock + indexElements) + positionScratch(kcp);
  };
  if (need(1) > ubElements)
    return emitNoTilingError(node, "one row", need(1) * bytes, machine);
  int64_t tileRows =
      std::max<int64_t>(1, (rows + machine.cores - 1) / machine.cores);
  while (tileRows > 1 && need(tileRows) > ubElements)
    tileRows = (tileRows + 1) / 2;
  int64_t fullTiles = rows / tileRows, tailRows = rows % tileRows;
  int64_t blocks = getBlockCount(machine, fullTiles + (tailRows ? 1 : 0));
  b.getBlock()->getParentOp()->setAttr("tile.block_dim",
                                       b.getI32IntegerAttr(blocks));

  int64_t r8 = llvm::alignTo(tileRows, 8), size = tileRows * kcp;
  Value x = allocUB(size), ex = allocUB(size), idx = allocUB(size),
        fill = allocUB(size);
  Value acc = k > lanes ? allocUB(reduceScratch(tileRows, k)) : Value();
  Value res = allocUB(r8), blk = allocUB(r8 * perBlock);
  Value indices = hardmax ? Value() : allocIndices(r8);
  initialize({x, ex, idx, res}, fill);
  Value positions = buildPositions(kcp);
  Value row = view(positions, {1, k}, {kcp, 1});
  combine(Combine::Max, row, row, view(idx, {tileRows, k}, {kcp, 1}));
  Value in2 = gmView(in, {rows, k});
  Value out2 = hardmax ? gmView(out, {rows, k}) : gmView(out, {rows});

  auto emitTile = [&](Value r0, int64_t n) {
    Value xv = view(x, {n, k}, {kcp, 1}), exv = view(ex, {n, k}, {kcp, 1});
    Value values = flat(res, n);
    // The row values as blocks, read once per chunk of their rows.
    Value perRow = view(blk, {n, 1}, {perBlock, 1});
    auto broadcast = [&] {
      int64_t n8 = llvm::alignTo(n, 8);
      tile::VBrcbOp::create(b, loc, flat(res, n8),
                            view(blk, {n8, perBlock}, {perBlock, 1}));
    };
    copy(gmTile(in2, {r0, index(0)}, {n, k}), xv);
    reduceRows(best(), xv, acc, values);
    broadcast();
    select(xv, perRow, exv, flat(x, n * kcp), flat(ex, n * kcp),
           flat(idx, n * kcp), flat(fill, n * kcp));
    reduceRows(pick(), exv, acc, values);
    if (!hardmax) {
      convertIndices(values, flat(indices, n));
      copy(flat(indices, n), gmTile(out2, {r0}, {n}));
      return;
    }
    broadcast();
    oneHot(view(idx, {n, k}, {kcp, 1}), perRow, xv, flat(x, n * kcp),
           flat(ex, n * kcp));
    copy(xv, gmTile(out2, {r0, index(0)}, {n, k}));
  };

  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  forDealtUnits(blockIdx, fullTiles, blocks, [&](Value t) {
    emitTile(arith::MulIOp::create(b, loc, t, index(tileRows)), tileRows);
  });
  if (tailRows) {
    Value count = buildOwnerTripCount(b, loc, blockIdx, fullTiles % blocks);
    auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    emitTile(index(fullTiles * tileRows), tailRows);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Outer and middle axes: slabs of rows folded into one row
//===----------------------------------------------------------------------===//

LogicalResult ArgBuilder::buildMiddle(Value in, Value out) {
  int64_t o = outer, kp = padRow(k);
  bool hardmax = kind == Kind::Hardmax;
  // Position blocks and their row, then per column block: x, its broadcast
  // best, positions and fill (K rows each), the best row and the indices.
  int64_t fixed = kp * perBlock + positionScratch(kp);
  int64_t perColumn = 4 * k + 1 + indexElements;
  auto need = [&](int64_t cols) { return fixed + perColumn * padRow(cols); };
  int64_t ic = inner;
  if (need(ic) > ubElements) {
    ic = (ubElements - fixed) / perColumn / perBlock * perBlock;
    if (ic < perBlock)
      return emitNoTilingError(node, "one column block of the axis",
                               need(perBlock) * bytes, machine);
  }
  int64_t blocks = planColumnUnits(o, inner, ic);

  int64_t icp = padRow(ic), size = k * icp;
  Value x = allocUB(size), ex = allocUB(size), idx = allocUB(size),
        fill = allocUB(size), bestRow = allocUB(icp);
  Value indices = hardmax ? Value() : allocIndices(icp);
  initialize({x, ex, idx}, fill);
  // Position r of the axis as a block per row, spread over the columns.
  Value positionBlocks = allocUB(kp * perBlock);
  tile::VBrcbOp::create(b, loc, flat(buildPositions(kp), kp),
                        view(positionBlocks, {kp, perBlock}, {perBlock, 1}));
  Value perPosition = view(positionBlocks, {k, 1}, {perBlock, 1});
  combine(Combine::Max, perPosition, perPosition, view(idx, {k, ic}, {icp, 1}));
  Value in3 = gmView(in, {o, k, inner});
  Value out3 = hardmax ? gmView(out, {o, k, inner}) : gmView(out, {o, inner});

  auto emitUnit = [&](Value oi, Value i0, int64_t w) {
    Value xv = view(x, {k, w}, {icp, 1}), exv = view(ex, {k, w}, {icp, 1});
    Value first = view(ex, {1, w}, {icp, 1});
    copy(gmTile(in3, {oi, index(0), i0}, {1, k, w}),
         view(x, {1, k, w}, {size, icp, 1}));
    // The best along the axis, folded in a copy so that x stays.
    combine(Combine::Max, xv, xv, exv);
    foldRows(best(), ex, k, w, icp);
    Value bestv = view(bestRow, {1, w}, {icp, 1});
    combine(Combine::Max, first, first, bestv);
    select(xv, bestv, exv, flat(x, size), flat(ex, size), flat(idx, size),
           flat(fill, size));
    foldRows(pick(), ex, k, w, icp);
    if (!hardmax) {
      convertIndices(flat(ex, w), flat(indices, w));
      copy(view(indices, {1, w}, {icp, 1}), gmTile(out3, {oi, i0}, {1, w}));
      return;
    }
    oneHot(view(idx, {k, w}, {icp, 1}), first, xv, flat(x, size),
           flat(ex, size));
    copy(view(x, {1, k, w}, {size, icp, 1}),
         gmTile(out3, {oi, index(0), i0}, {1, k, w}));
  };

  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  forColumnUnits(blockIdx, o, inner, ic, blocks, emitUnit);
  return success();
}
