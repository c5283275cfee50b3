//===- StageKernel.cpp - Flat gm copies through ub ------------------------===//

#include "StageKernel.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace ascend;

static Value slice(OpBuilder &b, Location loc, Value source, Value offset,
                   int64_t size) {
  return memref::SubViewOp::create(b, loc, source,
                                   ArrayRef<OpFoldResult>{offset},
                                   ArrayRef<OpFoldResult>{b.getIndexAttr(size)},
                                   ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
}

void ascend::buildFlatCopy(OpBuilder &b, Location loc, Value from, Value to,
                           int64_t elements, Value ub) {
  auto ubType = cast<MemRefType>(ub.getType());
  int64_t chunk = ubType.getNumElements();
  int64_t perBlock = 32 / (ubType.getElementTypeBitWidth() / 8);
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  auto piece = [&](Value offset, int64_t size) {
    tile::CopyOp::create(b, loc, slice(b, loc, from, offset, size),
                         slice(b, loc, ub, index(0), size));
    tile::CopyOp::create(b, loc, slice(b, loc, ub, index(0), size),
                         slice(b, loc, to, offset, size));
  };
  int64_t full = elements / chunk, rest = elements % chunk;
  if (full > 0) {
    auto loop = scf::ForOp::create(b, loc, index(0), index(full), index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    piece(arith::MulIOp::create(b, loc, loop.getInductionVar(), index(chunk)),
          chunk);
  }
  if (rest > 0)
    piece(index(full * chunk), (rest + perBlock - 1) / perBlock * perBlock);
}

func::FuncOp ascend::buildStageKernel(OpBuilder &moduleBuilder, Location loc,
                                      StringRef name, MemRefType input,
                                      MemRefType workspace) {
  MLIRContext *ctx = moduleBuilder.getContext();
  auto func = func::FuncOp::create(
      moduleBuilder, loc, name,
      moduleBuilder.getFunctionType({input, workspace}, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", moduleBuilder.getUnitAttr());
  func->setAttr("tile.block_dim", moduleBuilder.getI32IntegerAttr(1));
  Block *entry = func.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockBegin(entry);
  Type elem = input.getElementType();
  int64_t perBlock = 32 / (elem.getIntOrFloatBitWidth() / 8);
  int64_t numel = input.getNumElements();
  int64_t data = (numel + perBlock - 1) / perBlock * perBlock;
  int64_t total = workspace.getNumElements();
  // The input seen flat, including its slot's padding to whole blocks.
  auto flatType = MemRefType::get({data}, elem, MemRefLayoutAttrInterface(),
                                  input.getMemorySpace());
  Value flat = memref::ReinterpretCastOp::create(
      b, loc, flatType, entry->getArgument(0), 0, ArrayRef<int64_t>{data},
      ArrayRef<int64_t>{1});
  auto ubSpace = tile::MemorySpaceAttr::get(ctx, MemorySpace::UB);
  int64_t chunk = std::min<int64_t>(data, 16384);
  Value ub = memref::AllocOp::create(
      b, loc,
      MemRefType::get({chunk}, elem, MemRefLayoutAttrInterface(), ubSpace));
  buildFlatCopy(b, loc, flat, entry->getArgument(1), numel, ub);
  // Zero the padding, so reads past the last row see defined bytes.
  int64_t pad = total - data;
  Value zeros = memref::AllocOp::create(
      b, loc,
      MemRefType::get({pad}, elem, MemRefLayoutAttrInterface(), ubSpace));
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), zeros);
  tile::CopyOp::create(b, loc, zeros,
                       slice(b, loc, entry->getArgument(1),
                             arith::ConstantIndexOp::create(b, loc, data),
                             pad));
  func::ReturnOp::create(b, loc);
  return func;
}
