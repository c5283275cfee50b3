//===- StageKernel.cpp - Flat gm copies through ub ------------------------===//

#include "StageKernel.h"

#include "BlockSplit.h"

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

static int64_t perBlock(Value buffer) {
  return 32 / (cast<MemRefType>(buffer.getType()).getElementTypeBitWidth() / 8);
}

void ascend::buildFlatCopy(OpBuilder &b, Location loc, Value from, Value to,
                           int64_t elements, Value ub, Value converted,
                           Value blockIdx, int64_t blocks) {
  int64_t chunk = cast<MemRefType>(ub.getType()).getNumElements();
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  // Reads and writes move whole blocks of their own element type.
  auto piece = [&](Value offset, int64_t size) {
    int64_t in = roundUp(size, perBlock(from));
    tile::CopyOp::create(b, loc, slice(b, loc, from, offset, in),
                         slice(b, loc, ub, index(0), in));
    Value out = ub;
    if (converted) {
      tile::VConvOp::create(b, loc, slice(b, loc, ub, index(0), in),
                            slice(b, loc, converted, index(0), in));
      out = converted;
    }
    int64_t written = roundUp(size, perBlock(to));
    tile::CopyOp::create(b, loc, slice(b, loc, out, index(0), written),
                         slice(b, loc, to, offset, written));
  };
  // Chunks c = b + j * B on block b; the partial last one on block F % B.
  int64_t full = elements / chunk, rest = elements % chunk;
  if (full > 0) {
    Value count = blockIdx ? buildDealtTileCount(b, loc, blockIdx, full, blocks)
                           : index(full);
    auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value c = loop.getInductionVar();
    if (blockIdx)
      c = arith::AddIOp::create(
          b, loc, arith::MulIOp::create(b, loc, c, index(blocks)), blockIdx);
    piece(arith::MulIOp::create(b, loc, c, index(chunk)), chunk);
  }
  if (rest > 0) {
    if (!blockIdx) {
      piece(index(full * chunk), rest);
      return;
    }
    Value count = buildOwnerTripCount(b, loc, blockIdx, full % blocks);
    auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    piece(index(full * chunk), rest);
  }
}

/// Values per chunk and blocks of a stage kernel of `numel` values: chunks
/// of 4096 values dealt over the blocks, the copy being bound by global
/// memory, which all cores share.
static std::pair<int64_t, int64_t> stageSplit(int64_t numel, int64_t cores) {
  int64_t chunk = std::min<int64_t>(roundUp(numel, 16), 4096);
  return {chunk, std::clamp<int64_t>(numel / chunk, 1, cores)};
}

double ascend::estimateStageKernel(int64_t numel, int64_t inBytes,
                                   int64_t outBytes,
                                   const MachineModel &machine) {
  auto [chunk, blocks] = stageSplit(numel, machine.cores);
  const DataPathSpec *path = machine.findPath(MemorySpace::GM, MemorySpace::UB);
  double bw = path ? path->bytesPerCycle : 1.0;
  double setup = path ? path->setupCycles : 0.0;
  // Per chunk: read, vconv (64 values per repeat) when converting, write;
  // then the padding's write.
  double perChunk = chunk * (inBytes + outBytes) /
                        std::min(bw, machine.hbmBytesPerCycle / blocks) +
                    2 * setup;
  if (inBytes != outBytes)
    perChunk += chunk / 64.0 + machine.vector.latency;
  return ceilDiv(ceilDiv(numel, chunk), blocks) * perChunk + setup;
}

func::FuncOp ascend::buildStageKernel(OpBuilder &moduleBuilder, Location loc,
                                      StringRef name, MemRefType input,
                                      MemRefType workspace, int64_t cores) {
  MLIRContext *ctx = moduleBuilder.getContext();
  auto func = func::FuncOp::create(
      moduleBuilder, loc, name,
      moduleBuilder.getFunctionType({input, workspace}, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", moduleBuilder.getUnitAttr());
  Block *entry = func.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockBegin(entry);
  Type elem = input.getElementType(), wElem = workspace.getElementType();
  auto blockOf = [](Type t) { return 32 / (t.getIntOrFloatBitWidth() / 8); };
  int64_t numel = input.getNumElements();
  int64_t data = roundUp(numel, blockOf(elem));
  int64_t wData = roundUp(numel, blockOf(wElem));
  int64_t total = workspace.getNumElements();
  // The input seen flat, including its slot's padding to whole blocks.
  auto flatType = MemRefType::get({data}, elem, MemRefLayoutAttrInterface(),
                                  input.getMemorySpace());
  Value flat = memref::ReinterpretCastOp::create(
      b, loc, flatType, entry->getArgument(0), 0, ArrayRef<int64_t>{data},
      ArrayRef<int64_t>{1});
  auto ubSpace = tile::MemorySpaceAttr::get(ctx, MemorySpace::UB);
  auto ubBuffer = [&](int64_t size, Type t) -> Value {
    return memref::AllocOp::create(
        b, loc,
        MemRefType::get({size}, t, MemRefLayoutAttrInterface(), ubSpace));
  };
  // All buffers first: memory planning may give buffers with disjoint uses
  // the same bytes.
  auto [chunk, blocks] = stageSplit(numel, cores);
  func->setAttr("tile.block_dim", b.getI32IntegerAttr(blocks));
  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  Value ub = ubBuffer(chunk, elem);
  Value converted;
  if (wElem != elem) {
    // A narrowing stage converts f32 to f16; a partial last block of the
    // result then holds zeros.
    converted = ubBuffer(chunk, wElem);
    tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), converted);
  }
  int64_t pad = total - wData;
  Value zeros = ubBuffer(pad, wElem);
  tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), zeros);
  buildFlatCopy(b, loc, flat, entry->getArgument(1), numel, ub, converted,
                blockIdx, blocks);
  // Zero the padding, so reads past the last row see defined bytes (on
  // block 0; no chunk reaches it).
  auto owner =
      scf::ForOp::create(b, loc, arith::ConstantIndexOp::create(b, loc, 0),
                         buildOwnerTripCount(b, loc, blockIdx, 0),
                         arith::ConstantIndexOp::create(b, loc, 1));
  b.setInsertionPointToStart(owner.getBody());
  tile::CopyOp::create(b, loc, zeros,
                       slice(b, loc, entry->getArgument(1),
                             arith::ConstantIndexOp::create(b, loc, wData),
                             pad));
  b.setInsertionPointAfter(owner);
  func::ReturnOp::create(b, loc);
  return func;
}
