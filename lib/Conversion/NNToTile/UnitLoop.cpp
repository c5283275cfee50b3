//===- UnitLoop.cpp - Dealing independent work units to blocks ------------===//

#include "UnitLoop.h"

#include "BlockSplit.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;

func::FuncOp ascend::createTileKernel(OpBuilder &b, Location loc,
                                      StringRef name, ArrayRef<Type> argTypes,
                                      int64_t blocks) {
  auto func =
      func::FuncOp::create(b, loc, name, b.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", b.getUnitAttr());
  func->setAttr("tile.block_dim", b.getI32IntegerAttr(blocks));
  func.addEntryBlock();
  return func;
}

int64_t ascend::buildDealtUnitLoop(OpBuilder &b, Location loc, Value blockIdx,
                                   int64_t units, int64_t blocks, int64_t first,
                                   function_ref<void(Value unit)> body) {
  if (units <= 0)
    return first;
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  // A one-trip loop scopes the family's index values, so the registers they
  // take at the isa level are free again for the next family.
  auto scope = scf::ForOp::create(b, loc, index(0), index(1), index(1));
  OpBuilder::InsertionGuard scopeGuard(b);
  b.setInsertionPointToStart(scope.getBody());
  // This block's first unit: (b + shift) mod blocks, shift = -first mod
  // blocks; the ISA has no remainder, so x - x / B * B.
  int64_t shift = (blocks - first % blocks) % blocks;
  Value start = blockIdx;
  if (shift != 0) {
    Value x = arith::AddIOp::create(b, loc, blockIdx, index(shift));
    Value wraps = arith::DivSIOp::create(b, loc, x, index(blocks));
    start = arith::SubIOp::create(
        b, loc, x, arith::MulIOp::create(b, loc, wraps, index(blocks)));
  }
  Value count = buildDealtTileCount(b, loc, start, units, blocks);
  auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
  b.setInsertionPointToStart(loop.getBody());
  Value unit = arith::AddIOp::create(
      b, loc, start,
      arith::MulIOp::create(b, loc, loop.getInductionVar(), index(blocks)));
  body(unit);
  return first + units;
}

SmallVector<Value> ascend::splitUnit(OpBuilder &b, Location loc, Value unit,
                                     ArrayRef<int64_t> extents) {
  SmallVector<Value> digits(extents.size());
  Value rest = unit;
  for (int64_t i = extents.size() - 1; i > 0; --i) {
    if (extents[i] == 1) {
      digits[i] = arith::ConstantIndexOp::create(b, loc, 0);
      continue;
    }
    Value extent = arith::ConstantIndexOp::create(b, loc, extents[i]);
    Value quotient = arith::DivSIOp::create(b, loc, rest, extent);
    digits[i] = arith::SubIOp::create(
        b, loc, rest, arith::MulIOp::create(b, loc, quotient, extent));
    rest = quotient;
  }
  digits[0] = rest;
  return digits;
}

ascend::FamilyFence::FamilyFence(OpBuilder &b, Location loc, Value input)
    : b(b), loc(loc), input(input) {}

void ascend::FamilyFence::emit() {
  // Fresh buffers each time: a fence must not depend on an earlier one
  // (that dependence would be ordered only through the loops in between).
  auto type = cast<MemRefType>(input.getType());
  Type elem = type.getElementType();
  int64_t k = 256 / elem.getIntOrFloatBitWidth();
  auto block = [&](MemorySpace s) -> Value {
    return memref::AllocOp::create(
        b, loc,
        MemRefType::get({k}, elem, MemRefLayoutAttrInterface(),
                        tile::MemorySpaceAttr::get(b.getContext(), s)));
  };
  Value loaded = block(MemorySpace::UB), moved = block(MemorySpace::UB);
  Value l1 = block(MemorySpace::L1);
  // One element in (copy_pad zeroes the rest of the block), one block on.
  Value first = memref::ReinterpretCastOp::create(
      b, loc,
      MemRefType::get({1}, elem, MemRefLayoutAttrInterface(),
                      type.getMemorySpace()),
      input, 0, ArrayRef<int64_t>{1}, ArrayRef<int64_t>{1});
  Value element =
      memref::SubViewOp::create(b, loc, loaded, ArrayRef<int64_t>{0},
                                ArrayRef<int64_t>{1}, ArrayRef<int64_t>{1});
  // Each pipe first drains what the families before left on it: the
  // scratch blocks may share addresses with earlier ones, and the barriers
  // inside the loops may not have run.
  auto drain = [&](Pipe pipe) {
    tile::BarrierOp::create(b, loc, tile::PipeAttr::get(b.getContext(), pipe));
  };
  drain(Pipe::MTE2);
  tile::CopyOp::create(b, loc, first, element);
  drain(Pipe::V);
  tile::VMulsOp::create(b, loc, loaded, b.getF64FloatAttr(1.0), moved);
  drain(Pipe::MTE3);
  tile::CopyOp::create(b, loc, moved, l1);
  // Close the ring: V overwrites what MTE3 read, MTE2 what V read.
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), moved);
  tile::CopyOp::create(b, loc, first, element);
}
