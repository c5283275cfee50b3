//===- RowKernel.cpp - Building blocks of row-structured kernels ----------===//

#include "RowKernel.h"

#include "BlockSplit.h"
#include "GmType.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace ascend;

int64_t ascend::getBlockCount(const MachineModel &machine, int64_t units) {
  return std::max<int64_t>(1, std::min<int64_t>(machine.cores, units));
}

InFlightDiagnostic ascend::emitNoTilingError(Operation *node, StringRef buffer,
                                             int64_t bytes,
                                             const MachineModel &machine) {
  return node->emitError()
         << "no tiling fits the unified buffer: the smallest tile needs "
         << bytes << " bytes for " << buffer << " and ub has "
         << machine.getBuffer(MemorySpace::UB).size << " bytes";
}

LogicalResult ascend::checkPlainLayouts(Operation *node, TypeRange types) {
  for (Type t : types)
    if (cast<RankedTensorType>(t).getEncoding())
      return node->emitError("packed layouts (")
             << t << ") are not supported by row kernels yet";
  return success();
}

LogicalResult ascend::checkLoneNode(Operation *node, StringRef what) {
  auto yield = cast<nn::YieldOp>(node->getBlock()->getTerminator());
  if (!isa<BlockArgument>(node->getOperand(0)) ||
      yield.getValues().size() != 1 ||
      yield.getValues()[0] != node->getResult(0))
    return node->emitError(what) << " fuses with nothing else yet";
  return checkPlainLayouts(
      node, {node->getOperand(0).getType(), node->getResult(0).getType()});
}

FailureOr<func::FuncOp>
RowKernelBuilder::buildKernel(StringRef name, Operation *node,
                              function_ref<LogicalResult(Value, Value)> build) {
  func::FuncOp func = createKernel(
      name, {node->getOperand(0).getType(), node->getResult(0).getType()}, 1);
  if (failed(build(func.getArgument(0), func.getArgument(1)))) {
    func.erase();
    return failure();
  }
  func::ReturnOp::create(b, loc);
  return func;
}

func::FuncOp RowKernelBuilder::createKernel(StringRef name,
                                            ArrayRef<Type> tensorTypes,
                                            int64_t blocks) {
  SmallVector<Type> argTypes;
  for (Type t : tensorTypes)
    argTypes.push_back(getGmType(t));
  auto func =
      func::FuncOp::create(b, loc, name, b.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", b.getUnitAttr());
  func->setAttr("tile.block_dim", b.getI32IntegerAttr(blocks));
  b.setInsertionPointToStart(func.addEntryBlock());
  return func;
}

Value RowKernelBuilder::index(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value RowKernelBuilder::allocUB(int64_t elements) {
  auto space = tile::MemorySpaceAttr::get(b.getContext(), MemorySpace::UB);
  return memref::AllocOp::create(
      b, loc,
      MemRefType::get({elements}, elem, MemRefLayoutAttrInterface(), space));
}

Value RowKernelBuilder::view(Value buf, ArrayRef<int64_t> shape,
                             ArrayRef<int64_t> strides, int64_t offset) {
  auto source = cast<MemRefType>(buf.getType());
  auto layout = StridedLayoutAttr::get(b.getContext(), offset, strides);
  auto type = MemRefType::get(shape, source.getElementType(), layout,
                              source.getMemorySpace());
  return memref::ReinterpretCastOp::create(b, loc, type, buf, offset, shape,
                                           strides);
}

Value RowKernelBuilder::flat(Value buf, int64_t n) {
  if (cast<MemRefType>(buf.getType()).getDimSize(0) == n)
    return buf;
  return memref::SubViewOp::create(b, loc, buf, ArrayRef<int64_t>{0},
                                   ArrayRef<int64_t>{n}, ArrayRef<int64_t>{1});
}

Value RowKernelBuilder::gmView(Value arg, ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = int64_t(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  auto source = cast<MemRefType>(arg.getType());
  auto type =
      MemRefType::get(shape, source.getElementType(),
                      MemRefLayoutAttrInterface(), source.getMemorySpace());
  return memref::ReinterpretCastOp::create(b, loc, type, arg, 0, shape,
                                           strides);
}

Value RowKernelBuilder::gmTile(Value memref, ArrayRef<Value> offsets,
                               ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> offs(offsets.begin(), offsets.end());
  SmallVector<OpFoldResult> szs, strides;
  for (int64_t s : sizes) {
    szs.push_back(b.getIndexAttr(s));
    strides.push_back(b.getIndexAttr(1));
  }
  return memref::SubViewOp::create(b, loc, memref, offs, szs, strides);
}

void RowKernelBuilder::copy(Value from, Value to) {
  tile::CopyOp::create(b, loc, from, to);
}

void RowKernelBuilder::combine(Combine kind, Value lhs, Value rhs, Value dst) {
  switch (kind) {
  case Combine::Add:
    tile::VBcastAddOp::create(b, loc, lhs, rhs, dst);
    return;
  case Combine::Max:
    tile::VBcastMaxOp::create(b, loc, lhs, rhs, dst);
    return;
  case Combine::Min:
    tile::VBcastMinOp::create(b, loc, lhs, rhs, dst);
    return;
  }
}

/// Columns [first, first + n) of 2-D view `rows`.
static Value columns(OpBuilder &b, Location loc, Value rows, int64_t first,
                     int64_t n) {
  auto type = cast<MemRefType>(rows.getType());
  return memref::SubViewOp::create(b, loc, rows, ArrayRef<int64_t>{0, first},
                                   ArrayRef<int64_t>{type.getDimSize(0), n},
                                   ArrayRef<int64_t>{1, 1});
}

/// Row stride of the folded chunks in reduceRows' scratch: half the row's
/// whole chunks, rounded up.
static int64_t foldWidth(int64_t width, int64_t lanes) {
  return std::max<int64_t>(1, (width / lanes + 1) / 2) * lanes;
}

/// Whether reduceRows copies its folded chunk into a compact [R, lanes]
/// region: vcadd & co. take row strides of at most 255 blocks.
static bool needsCompact(int64_t rows, int64_t width, int64_t lanes) {
  return rows > 1 && foldWidth(width, lanes) / lanes * 8 > 255;
}

int64_t RowKernelBuilder::reduceScratch(int64_t rows, int64_t width) const {
  if (width <= lanes)
    return 0;
  return rows * foldWidth(width, lanes) +
         (needsCompact(rows, width, lanes) ? rows * lanes : 0);
}

void RowKernelBuilder::reduceRows(Combine kind, Value rows, Value acc,
                                  Value dst) {
  auto type = cast<MemRefType>(rows.getType());
  int64_t height = type.getDimSize(0), width = type.getDimSize(1);
  Value source = rows;
  if (width > lanes) {
    // Fold the row's whole 256-byte chunks by halving (log2 steps, each one
    // instruction per row or per chunk): the first step from `rows` into
    // `acc`, the others in place; then the ragged last chunk.
    int64_t full = width / lanes, tail = width % lanes;
    int64_t stride = foldWidth(width, lanes);
    auto accView = [&](int64_t chunks, int64_t firstChunk = 0) {
      return view(acc, {height, chunks * lanes}, {stride, 1},
                  firstChunk * lanes);
    };
    int64_t half = full / 2, left = full - half;
    if (half > 0)
      combine(kind, columns(b, loc, rows, 0, half * lanes),
              columns(b, loc, rows, left * lanes, half * lanes), accView(half));
    if (left > half) { // odd: the middle chunk is copied
      Value middle = columns(b, loc, rows, half * lanes, lanes);
      combine(Combine::Max, middle, middle, accView(1, half));
    }
    for (int64_t n = left; n > 1; n -= n / 2)
      combine(kind, accView(n / 2), accView(n / 2, n - n / 2), accView(n / 2));
    source = accView(1);
    if (tail) {
      Value part = columns(b, loc, source, 0, tail);
      combine(kind, part, columns(b, loc, rows, full * lanes, tail), part);
    }
    if (needsCompact(height, width, lanes)) {
      Value compact = view(acc, {height, lanes}, {lanes, 1}, height * stride);
      combine(Combine::Max, source, source, compact);
      source = compact;
    }
  }
  switch (kind) {
  case Combine::Add:
    tile::VReduceSumOp::create(b, loc, source, dst);
    return;
  case Combine::Max:
    tile::VReduceMaxOp::create(b, loc, source, dst);
    return;
  case Combine::Min:
    tile::VReduceMinOp::create(b, loc, source, dst);
    return;
  }
}

void RowKernelBuilder::foldRows(Combine kind, Value buf, int64_t n,
                                int64_t width, int64_t stride, int64_t offset) {
  while (n > 1) {
    int64_t half = n / 2;
    Value head = view(buf, {half, width}, {stride, 1}, offset);
    Value tail =
        view(buf, {half, width}, {stride, 1}, offset + (n - half) * stride);
    combine(kind, head, tail, head);
    n -= half;
  }
}

void RowKernelBuilder::forLaterChunks(int64_t total, int64_t chunk,
                                      function_ref<void(Value, int64_t)> body) {
  int64_t chunks = total / chunk;
  if (chunks > 1) {
    auto loop = scf::ForOp::create(b, loc, index(1), index(chunks), index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(arith::MulIOp::create(b, loc, loop.getInductionVar(), index(chunk)),
         chunk);
  }
  if (total % chunk)
    body(index(chunks * chunk), total % chunk);
}

void RowKernelBuilder::forDealtUnits(Value blockIdx, int64_t units,
                                     int64_t blocks,
                                     function_ref<void(Value)> body) {
  if (units <= 0)
    return;
  Value count = buildDealtTileCount(b, loc, blockIdx, units, blocks);
  auto loop = scf::ForOp::create(b, loc, index(0), count, index(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value unit = arith::AddIOp::create(
      b, loc,
      arith::MulIOp::create(b, loc, loop.getInductionVar(), index(blocks)),
      blockIdx);
  body(unit);
}

void RowKernelBuilder::forDealtUnitPairs(
    Value blockIdx, int64_t units, int64_t blocks,
    function_ref<void(Value, unsigned)> body) {
  if (units <= 0)
    return;
  Value count = buildDealtTileCount(b, loc, blockIdx, units, blocks);
  Value pairs = arith::DivSIOp::create(b, loc, count, index(2));
  auto unitAt = [&](Value j) -> Value {
    return arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, j, index(blocks)), blockIdx);
  };
  {
    auto loop = scf::ForOp::create(b, loc, index(0), pairs, index(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value first =
        unitAt(arith::MulIOp::create(b, loc, loop.getInductionVar(), index(2)));
    body(first, 0);
    body(arith::AddIOp::create(b, loc, first, index(blocks)), 1);
  }
  Value done = arith::MulIOp::create(b, loc, pairs, index(2));
  auto loop = scf::ForOp::create(b, loc, done, count, index(1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(unitAt(loop.getInductionVar()), 0);
}

int64_t RowKernelBuilder::planColumnUnits(int64_t o, int64_t inner,
                                          int64_t &ic) {
  if (o < machine.cores) {
    int64_t parts = (machine.cores + o - 1) / o;
    ic = std::min(ic, std::max(perBlock, padRow((inner + parts - 1) / parts)));
  }
  int64_t units = o * (inner / ic) + (inner % ic ? o : 0);
  int64_t blocks = getBlockCount(machine, units);
  b.getBlock()->getParentOp()->setAttr("tile.block_dim",
                                       b.getI32IntegerAttr(blocks));
  return blocks;
}

void RowKernelBuilder::forColumnUnits(
    Value blockIdx, int64_t o, int64_t inner, int64_t ic, int64_t blocks,
    function_ref<void(Value, Value, int64_t)> body) {
  int64_t fullCols = inner / ic, tailCols = inner % ic;
  // Unit u = (o, column chunk c) with c fastest.
  forDealtUnits(blockIdx, o * fullCols, blocks, [&](Value u) {
    Value oi = arith::DivSIOp::create(b, loc, u, index(fullCols));
    Value c = arith::SubIOp::create(
        b, loc, u, arith::MulIOp::create(b, loc, oi, index(fullCols)));
    body(oi, arith::MulIOp::create(b, loc, c, index(ic)), ic);
  });
  if (tailCols)
    forDealtUnits(blockIdx, o, blocks,
                  [&](Value oi) { body(oi, index(fullCols * ic), tailCols); });
}
