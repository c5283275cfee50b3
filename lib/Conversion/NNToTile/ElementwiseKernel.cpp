//===- ElementwiseKernel.cpp - Tile kernels for elementwise nn.kernels ----===//
//
// Layout of the generated kernel, for N elements per operand, tiles of T
// elements and B blocks:
//
//   full tiles t = b, b + B, ... < N / T run in a loop on block b;
//   the tail tile (N % T elements, rounded up to whole 32-byte blocks: the
//   plan pads every tensor slot) runs on block (N / T) % B, selected by a
//   loop whose trip count is 1 on that block and 0 elsewhere.
//
// Each tile: copy every input in, compute each op into its own buffer,
// copy the kernel results out. Sync insertion orders the pipes afterwards.
//
//===----------------------------------------------------------------------===//

#include "ElementwiseKernel.h"

#include "BlockSplit.h"
#include "ElementwiseOps.h"
#include "GmType.h"
#include "TypedElementwise.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

FailureOr<func::FuncOp> ascend::buildElementwiseKernel(
    nn::KernelOp kernel, ArrayRef<std::optional<double>> scalars,
    const MachineModel &machine, OpBuilder &builder) {
  Block &body = kernel.getBody().front();
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  for (Value v : yield.getValues())
    if (auto arg = dyn_cast<BlockArgument>(v);
        arg && scalars[arg.getArgNumber()])
      return kernel.emitError("a splat constant as a graph output is not "
                              "supported yet");
  // Every value must have the shape of the first result.
  auto shaped = cast<RankedTensorType>(kernel.getResult(0).getType());
  Type elem = shaped.getElementType();
  if (failed(checkElementwiseKernel(kernel, /*allowCasts=*/true)))
    return failure();
  auto hasKernelShape = [&](Value v) {
    return cast<RankedTensorType>(v.getType()).clone(elem) == shaped;
  };
  // Casts mix f16 and f32 values: sizes follow the narrowest element for
  // lanes and block rounding and the widest for the ub budget.
  // (Bools take a byte.)
  auto typeBytes = [](Type t) -> int64_t {
    return std::max<int64_t>(1, t.getIntOrFloatBitWidth() / 8);
  };
  int64_t minBytes = typeBytes(elem), bytes = minBytes;
  auto elemBytes = [&](Value v) -> int64_t {
    return typeBytes(cast<ShapedType>(v.getType()).getElementType());
  };
  for (Operation &op : body.without_terminator()) {
    for (Value operand : op.getOperands()) {
      auto arg = dyn_cast<BlockArgument>(operand);
      bool scalar = arg && scalars[arg.getArgNumber()].has_value();
      if (!scalar && !hasKernelShape(operand))
        return op.emitError()
               << "broadcasting " << operand.getType() << " to " << shaped
               << " is not supported at the tile level yet";
      if (scalar && isa<nn::CastOp>(op))
        return op.emitError("casting a splat constant is not supported at "
                            "the tile level yet");
      minBytes = std::min(minBytes, elemBytes(operand));
      bytes = std::max(bytes, elemBytes(operand));
    }
    if (!hasKernelShape(op.getResult(0)))
      return op.emitError("result shape differs from the kernel's");
  }

  int64_t n = getStoredNumElements(shaped);
  int64_t lanes = 256 / minBytes, perBlock = 32 / minBytes;
  SmallVector<Value> tensorInputs;
  for (BlockArgument arg : body.getArguments())
    if (!scalars[arg.getArgNumber()])
      tensorInputs.push_back(arg);
  unsigned scratch = 0;
  for (Operation &op : body.without_terminator())
    scratch = std::max(scratch, scratchCount(&op, scalars));
  if (scratch && minBytes != bytes)
    return kernel.emitError("composite ops beside f16/f32 casts are not "
                            "supported at the tile level yet");
  int64_t buffers =
      tensorInputs.size() + body.getOperations().size() - 1 + scratch;
  bool typed = llvm::any_of(body.without_terminator(), [](Operation &op) {
    return isTypedElementwise(&op);
  });
  // Tile size: every buffer fits the unified buffer at once, with the
  // typed lowering's scratch.
  int64_t ubBytes = machine.getBuffer(MemorySpace::UB).size;
  int64_t perElement =
      buffers * bytes +
      (typed ? ScratchPool::getReservedBytesPerElement(body) : 0);
  int64_t budget = (ubBytes / perElement) / lanes * lanes;
  budget = std::min<int64_t>(budget, 64 * lanes);
  // Spread the work over the cores, but keep tiles large enough (8 repeats)
  // to amortize the copy set-up cost.
  int64_t perCore = (n + machine.cores - 1) / machine.cores;
  perCore = (perCore + lanes - 1) / lanes * lanes;
  int64_t tile = std::min(budget, std::max<int64_t>(perCore, 8 * lanes));
  if (tile <= 0)
    return kernel.emitError("kernel needs ")
           << buffers << " unified-buffer tiles; no tile size fits";
  int64_t fullTiles = n / tile, tail = n % tile;
  int64_t tailTile = (tail + perBlock - 1) / perBlock * perBlock;
  int64_t blocks =
      std::max<int64_t>(1, std::min<int64_t>(machine.cores, fullTiles));

  // Signature: tensor inputs, then results, as gm memrefs.
  SmallVector<Type> argTypes;
  for (Value input : tensorInputs)
    argTypes.push_back(getGmType(input.getType()));
  for (Type result : kernel.getResultTypes())
    argTypes.push_back(getGmType(result));
  Location loc = kernel.getLoc();
  auto func = func::FuncOp::create(builder, loc, kernel.getSymName(),
                                   builder.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", builder.getUnitAttr());
  func->setAttr("tile.block_dim", builder.getI32IntegerAttr(blocks));
  Block *entry = func.addEntryBlock();
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(entry);

  // View every argument as one dimension padded to whole 32-byte blocks of
  // its element type: the plan gives every tensor a padded slot, and the tail
  // tile copies whole blocks.
  auto roundToBlocks = [&](int64_t count, Type elemType) {
    int64_t perBlock = 32 / typeBytes(elemType);
    return (count + perBlock - 1) / perBlock * perBlock;
  };
  auto flatten = [&](Value memref) -> Value {
    auto type = cast<MemRefType>(memref.getType());
    int64_t padded = roundToBlocks(n, type.getElementType());
    return memref::ReinterpretCastOp::create(
        builder, loc,
        MemRefType::get({padded}, type.getElementType(),
                        MemRefLayoutAttrInterface(), type.getMemorySpace()),
        memref, /*offset=*/0, ArrayRef<int64_t>{padded}, ArrayRef<int64_t>{1});
  };
  SmallVector<Value> flatArgs;
  for (BlockArgument arg : entry->getArguments())
    flatArgs.push_back(flatten(arg));

  auto ubSpace =
      tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB);
  auto ubType = [&](Value v) {
    return MemRefType::get(
        {tile},
        getUBElementType(cast<ShapedType>(v.getType()).getElementType()),
        MemRefLayoutAttrInterface(), ubSpace);
  };
  DenseMap<Value, Value> buffer;
  for (Value input : tensorInputs)
    buffer[input] = memref::AllocOp::create(builder, loc, ubType(input));
  for (Operation &op : body.without_terminator())
    buffer[op.getResult(0)] =
        memref::AllocOp::create(builder, op.getLoc(), ubType(op.getResult(0)));
  SmallVector<Value, 2> scratchBuffers;
  for (unsigned i = 0; i < scratch; ++i)
    scratchBuffers.push_back(memref::AllocOp::create(
        builder, loc,
        MemRefType::get({tile}, elem, MemRefLayoutAttrInterface(), ubSpace)));

  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(builder, loc, v);
  };
  Value blockIdx =
      tile::BlockIdxOp::create(builder, loc, builder.getIndexType());
  // Typed scratch buffers go with the other buffers, before block_idx.
  ScratchPool pool(
      builder, loc,
      OpBuilder::InsertPoint(entry, Block::iterator(blockIdx.getDefiningOp())),
      tile);

  // One tile at gm element offset `offset`, of `valid` elements computed as
  // `size` (`valid` rounded to whole blocks).
  auto emitTile = [&](Value offset, int64_t size,
                      int64_t valid) -> LogicalResult {
    TileEmitter e(builder, loc, size);
    // A copy moves `valid` rounded to whole blocks of its own element type:
    // an f32 slot may end before `size` rounded to f16 blocks.
    auto copy = [&](Location copyLoc, Value from, Value to, bool toGm) {
      Value gm = toGm ? to : from;
      Type gmElem = cast<MemRefType>(gm.getType()).getElementType();
      int64_t count = roundToBlocks(valid, gmElem);
      TileEmitter ce(builder, copyLoc, count);
      Value gmTile = memref::SubViewOp::create(
          builder, copyLoc, gm, ArrayRef<OpFoldResult>{offset},
          ArrayRef<OpFoldResult>{builder.getIndexAttr(count)},
          ArrayRef<OpFoldResult>{builder.getIndexAttr(1)});
      Value ub = ce.view(toGm ? from : to);
      tile::CopyOp::create(builder, copyLoc, toGm ? ub : gmTile,
                           toGm ? gmTile : ub);
      // Zero the rest of a short input so the ops read written bytes.
      if (!toGm && count < size)
        tile::VDupOp::create(builder, copyLoc, builder.getF64FloatAttr(0.0),
                             memref::SubViewOp::create(
                                 builder, copyLoc, to, ArrayRef<int64_t>{count},
                                 ArrayRef<int64_t>{size - count},
                                 ArrayRef<int64_t>{1}));
    };
    for (unsigned i : getLoadOrder(body, tensorInputs))
      copy(tensorInputs[i].getLoc(), flatArgs[i], buffer[tensorInputs[i]],
           /*toGm=*/false);
    for (Operation &op : body.without_terminator()) {
      SmallVector<Operand> operands;
      for (Value v : op.getOperands()) {
        auto arg = dyn_cast<BlockArgument>(v);
        if (arg && scalars[arg.getArgNumber()])
          operands.push_back({Value(), scalars[arg.getArgNumber()]});
        else
          operands.push_back({e.view(buffer[v]), std::nullopt});
      }
      if (isSupportedCast(&op)) {
        tile::VConvOp::create(builder, op.getLoc(), operands[0].buffer,
                              e.view(buffer[op.getResult(0)]));
        continue;
      }
      TileEmitter opEmitter(builder, op.getLoc(), size);
      for (Value scratchBuffer : scratchBuffers)
        opEmitter.scratch.push_back(e.view(scratchBuffer));
      opEmitter.pool = &pool;
      Value dst = e.view(buffer[op.getResult(0)]);
      if (failed(isTypedElementwise(&op)
                     ? emitTypedElementwise(&op, operands, dst, opEmitter)
                     : emitElementwise(&op, operands, dst, opEmitter)))
        return failure();
    }
    for (auto [i, result] : llvm::enumerate(yield.getValues()))
      copy(loc, buffer[result], flatArgs[tensorInputs.size() + i],
           /*toGm=*/true);
    return success();
  };

  // Full tiles: t = b + j * B for j < (fullTiles - b + B - 1) / B.
  if (fullTiles > 0) {
    Value count =
        buildDealtTileCount(builder, loc, blockIdx, fullTiles, blocks);
    auto loop = scf::ForOp::create(builder, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard loopGuard(builder);
    builder.setInsertionPointToStart(loop.getBody());
    Value t = arith::AddIOp::create(
        builder, loc,
        arith::MulIOp::create(builder, loc, loop.getInductionVar(),
                              index(blocks)),
        blockIdx);
    Value offset = arith::MulIOp::create(builder, loc, t, index(tile));
    if (failed(emitTile(offset, tile, tile)))
      return failure();
  }
  // The tail runs once, on block fullTiles % B: trip count
  // 1 - min(1, |b - owner|).
  if (tail > 0) {
    Value count =
        buildOwnerTripCount(builder, loc, blockIdx, fullTiles % blocks);
    auto loop = scf::ForOp::create(builder, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard loopGuard(builder);
    builder.setInsertionPointToStart(loop.getBody());
    if (failed(emitTile(index(fullTiles * tile), tailTile, tail)))
      return failure();
  }
  func::ReturnOp::create(builder, loc);
  return func;
}
