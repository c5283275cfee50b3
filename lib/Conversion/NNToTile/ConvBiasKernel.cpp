//===- ConvBiasKernel.cpp - Broadcasting a runtime conv bias --------------===//
//
// Work unit: one (super-group, N tile). Its bias values go gm -> ub into a
// zeroed row of nt values (a byte-exact copy, any offset and length); each
// fractal column's 16 values are then added to a zero [mt][16] tile with
// vbcast_add (the row re-read for every row) and the tile goes to gm. Full
// and last N tiles are two families dealt round robin.
//
//===----------------------------------------------------------------------===//

#include "ConvBiasKernel.h"

#include "TileBuilder.h"
#include "UnitLoop.h"

using namespace mlir;
using namespace ascend;

namespace {
class BiasBroadcaster : public TileBuilder {
public:
  BiasBroadcaster(const ConvBiasTiles &t, OpBuilder &builder, Location loc)
      : TileBuilder(builder, loc), t(t) {}

  void emitBody(func::FuncOp func, int64_t blocks) {
    Block *entry = &func.getBody().front();
    b.setInsertionPointToStart(entry);
    biasGm = entry->getArgument(0);
    tilesGm = entry->getArgument(1);
    row = alloc(t.nt, t.elem, MemorySpace::UB);
    zeros = alloc(t.mt * 16, t.elem, MemorySpace::UB);
    out = alloc(t.mt * 16, t.elem, MemorySpace::UB);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), zeros);
    Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
    int64_t lastReal = t.nsg - (t.numNT - 1) * t.nt;
    FamilyFence fence(b, loc, biasGm);
    int64_t dealt = 0;
    for (bool last : {false, true}) {
      int64_t count = last ? 1 : t.numNT - 1;
      if (count == 0)
        continue;
      if (dealt > 0)
        fence.emit();
      dealt = buildDealtUnitLoop(
          b, loc, blockIdx, t.numSG * count, blocks, dealt, [&](Value unit) {
            SmallVector<Value> d = splitUnit(b, loc, unit, {t.numSG, count});
            Value nti = last ? idx(t.numNT - 1) : d[1];
            emitUnit(d[0], nti, last ? lastReal : t.nt);
          });
    }
    func::ReturnOp::create(b, loc);
  }

private:
  void emitUnit(Value sg, Value nti, int64_t real) {
    Value zero = idx(0);
    if (real < t.nt)
      tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), row);
    copy(sub(biasGm, {add(mul(sg, t.nsg), mul(nti, t.nt))}, {real}),
         sub(row, {zero}, {real}));
    int64_t tileSize = t.mt * 16;
    Value first = mul(add(mul(sg, t.numNT), nti), t.nt / 16);
    for (int64_t j1 = 0; j1 < t.nt / 16; ++j1) {
      tile::VBcastAddOp::create(
          b, loc, view(zeros, {t.mt, 16}),
          sub(view(row, {t.nt / 16, 16}), {idx(j1), zero}, {1, 16}),
          view(out, {t.mt, 16}));
      copy(out, sub(tilesGm, {mul(add(first, j1), tileSize)}, {tileSize}));
    }
  }

  const ConvBiasTiles &t;
  Value biasGm, tilesGm, row, zeros, out;
};
} // namespace

func::FuncOp ascend::buildConvBiasKernel(OpBuilder &moduleBuilder, Location loc,
                                         StringRef name, MemRefType bias,
                                         MemRefType workspace,
                                         const ConvBiasTiles &tiles,
                                         const MachineModel &machine) {
  int64_t blocks =
      std::clamp<int64_t>(tiles.numSG * tiles.numNT, 1, machine.cores);
  func::FuncOp func =
      createTileKernel(moduleBuilder, loc, name, {bias, workspace}, blocks);
  OpBuilder builder(func.getContext());
  BiasBroadcaster(tiles, builder, loc).emitBody(func, blocks);
  return func;
}
