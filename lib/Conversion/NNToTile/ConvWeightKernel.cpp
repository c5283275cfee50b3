//===- ConvWeightKernel.cpp - Packing runtime conv weights ----------------===//
//
// Work unit: a chunk of cw output columns (cw divides the N tile) and one
// channel group c1. Its weights are cw rows of taps * C0 values, C1 * taps *
// C0 apart in gm: one strided copy into ub [cw][taps][C0]. Padding columns
// (past Cout) are zero-filled in ub (vdup). For each tap chunk, the blocks
// of its tpc taps go to the workspace as [tpc][cw][C0] (a burst of cw blocks
// per tap, read taps blocks apart in ub), at the rows of the K step that
// holds (c1, tap) and the columns of the chunk. Units of one shape (full,
// partly padded, all padding chunks) are a family dealt round robin.
//
//===----------------------------------------------------------------------===//

#include "ConvWeightKernel.h"

#include "TileBuilder.h"
#include "UnitLoop.h"

using namespace mlir;
using namespace ascend;

int64_t ConvWeightPacking::size() const {
  int64_t c0 = 256 / elem.getIntOrFloatBitWidth();
  return numNT * nt * c1 * taps * c0;
}

namespace {
class WeightPacker : public TileBuilder {
public:
  WeightPacker(const ConvWeightPacking &p, int64_t cw, OpBuilder &builder,
               Location loc)
      : TileBuilder(builder, loc), p(p), cw(cw) {
    c0 = 256 / p.elem.getIntOrFloatBitWidth();
  }

  void emitBody(func::FuncOp func, int64_t blocks);

private:
  /// Packs chunk `j` of channel group `c1i`, whose first `cols` columns are
  /// output channels (the rest padding).
  void emitUnit(Value j, Value c1i, int64_t cols);

  const ConvWeightPacking &p;
  int64_t cw, c0;
  Value rowsGm, stepsGm, tile;
};
} // namespace

void WeightPacker::emitBody(func::FuncOp func, int64_t blocks) {
  Block *entry = &func.getBody().front();
  b.setInsertionPointToStart(entry);
  int64_t row = p.c1 * p.taps * c0;
  rowsGm = view(entry->getArgument(0), {p.cout, row});
  // Rows of nt C0-blocks: one per (N tile, K step, fractal row kf).
  stepsGm = view(entry->getArgument(1), {p.numNT * p.c1 * p.taps, p.nt, c0});
  tile = alloc(cw * p.taps * c0, p.elem, MemorySpace::UB);
  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());

  int64_t chunks = p.numNT * p.nt / cw, full = p.cout / cw;
  int64_t partial = p.cout % cw;
  struct Family {
    int64_t first, count, cols;
  } families[] = {
      {0, full, cw},
      {full, partial ? 1 : 0, partial},
      {full + (partial ? 1 : 0), chunks - full - (partial ? 1 : 0), 0}};
  FamilyFence fence(b, loc, entry->getArgument(0));
  int64_t dealt = 0;
  for (const Family &f : families) {
    if (f.count == 0)
      continue;
    if (dealt > 0)
      fence.emit();
    dealt = buildDealtUnitLoop(
        b, loc, blockIdx, f.count * p.c1, blocks, dealt, [&](Value unit) {
          SmallVector<Value> d = splitUnit(b, loc, unit, {f.count, p.c1});
          emitUnit(add(d[0], f.first), d[1], f.cols);
        });
  }
  func::ReturnOp::create(b, loc);
}

void WeightPacker::emitUnit(Value j, Value c1i, int64_t cols) {
  Value zero = idx(0);
  int64_t row = p.taps * c0;
  if (cols > 0)
    copy(sub(rowsGm, {mul(j, cw), mul(c1i, row)}, {cols, row}),
         view(sub(tile, {zero}, {cols * row}), {cols, row}));
  if (cols < cw)
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0),
                         sub(tile, {idx(cols * row)}, {(cw - cols) * row}));
  // Chunk j holds columns [col0, col0 + cw) of N tile nti.
  int64_t perTile = p.nt / cw;
  Value nti = div(j, perTile), col0 = mul(rem(j, perTile), cw);
  int64_t numTc = p.taps / p.tpc, kc = p.c1k * p.tpc;
  int64_t steps = (p.c1 / p.c1k) * numTc;
  // [taps][cw][C0]: tap t's blocks are taps blocks apart.
  Value byTap = permute(view(tile, {cw, p.taps, c0}), {1, 0, 2});
  for (int64_t tc = 0; tc < numTc; ++tc) {
    Value step = add(mul(div(c1i, p.c1k), numTc), tc);
    Value kf = mul(rem(c1i, p.c1k), p.tpc);
    Value rowIdx = add(mul(add(mul(nti, steps), step), kc), kf);
    copy(sub(byTap, {idx(tc * p.tpc), zero, zero}, {p.tpc, cw, c0}),
         sub(stepsGm, {rowIdx, col0, zero}, {p.tpc, cw, c0}));
  }
}

FailureOr<func::FuncOp> ascend::buildConvWeightKernel(
    OpBuilder &moduleBuilder, Location loc, StringRef name, MemRefType weights,
    MemRefType workspace, const ConvWeightPacking &packing,
    const MachineModel &machine, Operation *where) {
  // Less what the family fences take.
  int64_t ubSize = machine.getBuffer(MemorySpace::UB).size - 2 * 256;
  int64_t columnBytes = packing.taps * 32;
  // The widest chunk that divides the N tile and fits ub.
  int64_t cw = 0;
  for (int64_t d = 1; d <= packing.nt; ++d)
    if (packing.nt % d == 0 && d * columnBytes <= ubSize)
      cw = d;
  if (cw == 0 || packing.tpc > 4096)
    return where->emitError()
           << "cannot lower nn.conv to the cube: the taps of one output "
              "channel of the runtime weights overflow UB";
  int64_t units = packing.numNT * packing.nt / cw * packing.c1;
  int64_t blocks = std::clamp<int64_t>(units, 1, machine.cores);
  func::FuncOp func =
      createTileKernel(moduleBuilder, loc, name, {weights, workspace}, blocks);
  OpBuilder builder(func.getContext());
  WeightPacker packer(packing, cw, builder, loc);
  packer.emitBody(func, blocks);
  return func;
}
