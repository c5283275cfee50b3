//===- MoveKernel.cpp - Running moves as burst copies through ub ----------===//
//
// A move (MoveKernel.h) is first normalized: unit dimensions dropped,
// neighbours that stay contiguous on both sides merged. Its tile is then
//
//   columns: the innermost dimension when it is contiguous in the input and
//            the output (one run per row), else a single element;
//   rows:    the next dimension inward whose input stride is positive, each
//            row a burst (copy_pad: rows of any length at any gm byte);
//
// with the other dimensions of positive or negative input stride walked by
// units, and those of stride 0 (broadcasts) walked by stores: a unit loads
// its tile once and writes it to every broadcast position. Units of one
// shape (full or ragged rows, full or ragged columns) form a family dealt
// round robin over the blocks (UnitLoop.h); fills store a ub tile set once.
//
//===----------------------------------------------------------------------===//

#include "MoveKernel.h"

#include "BlockSplit.h"
#include "GmType.h"
#include "TileBuilder.h"
#include "UnitLoop.h"

using namespace mlir;
using namespace ascend;

SmallVector<int64_t> ascend::getRowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = (int64_t)shape.size() - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// Bytes of an element (bool takes one).
static int64_t getElementBytes(Type elem) {
  return std::max<int64_t>(1, elem.getIntOrFloatBitWidth() / 8);
}

namespace {
/// Tiles smaller than this do not pay for the copies' setup.
constexpr int64_t kMinTileBytes = 2048;

/// A normalized move and its tiling.
struct MovePlan {
  const Move *move;
  SmallVector<int64_t> shape, src, dst;
  /// Dimensions of the tile (-1: none) and those walked by units and by
  /// stores.
  int rowDim = -1, colDim = -1;
  SmallVector<unsigned> outer, broadcast;
  /// Extents of the row and column dimensions and of one tile.
  int64_t rows = 1, cols = 1, tileRows = 1, tileCols = 1;
  /// Rows of the input become columns of the output (vnchwconv).
  bool transpose = false;

  int64_t srcRowStride() const { return rowDim < 0 ? 1 : src[rowDim]; }
  int64_t dstRowStride() const { return rowDim < 0 ? 1 : dst[rowDim]; }
  int64_t outerUnits() const {
    int64_t n = 1;
    for (unsigned d : outer)
      n *= shape[d];
    return n;
  }
  int64_t units() const {
    return outerUnits() * ceilDiv(rows, tileRows) * ceilDiv(cols, tileCols);
  }
};
} // namespace

/// Drops unit dimensions and merges neighbours contiguous on both sides.
static MovePlan normalize(const Move &move) {
  MovePlan plan{&move, {}, {}, {}};
  for (auto [e, s, t] :
       llvm::zip(move.shape,
                 move.input ? ArrayRef<int64_t>(move.srcStrides)
                            : ArrayRef<int64_t>(move.dstStrides),
                 move.dstStrides)) {
    if (e == 1)
      continue;
    if (!plan.shape.empty() && plan.src.back() == s * e &&
        plan.dst.back() == t * e) {
      plan.shape.back() *= e;
      plan.src.back() = s;
      plan.dst.back() = t;
      continue;
    }
    plan.shape.push_back(e);
    plan.src.push_back(s);
    plan.dst.push_back(t);
  }
  return plan;
}

/// Chooses the tile of `plan`: at most `budget` bytes of ub, and enough
/// units to feed `cores` cores when the move is large enough.
static void chooseTile(MovePlan &plan, Type elem, int64_t budget,
                       int64_t cores) {
  int64_t es = getElementBytes(elem);
  SmallVector<unsigned> data;
  for (unsigned d = 0; d < plan.shape.size(); ++d)
    (plan.src[d] == 0 ? plan.broadcast : data).push_back(d);
  int last = data.empty() ? -1 : data.back();
  int64_t epb = 32 / es;
  // The innermost output dimension j is not the input's innermost i: the
  // vector unit turns K rows of j into K-element columns (K x K blocks of
  // f16 or f32), so both sides move whole rows.
  auto inner =
      llvm::find_if(data, [&](unsigned d) { return plan.src[d] == 1; });
  if ((elem.isF16() || elem.isF32()) && plan.broadcast.empty() &&
      inner != data.end() && (int)*inner != last && plan.dst[last] == 1 &&
      plan.src[last] > 0) {
    plan.transpose = true;
    plan.rowDim = last;
    plan.colDim = *inner;
    data.erase(inner);
    data.pop_back();
    plan.outer = data;
    plan.rows = plan.shape[last];
    plan.cols = plan.shape[plan.colDim];
    plan.tileRows = epb;
    // vnchwconv rows are at most 255 blocks apart; two buffers of K rows.
    int64_t limit = std::min(255 * epb, budget / (epb * es)) / epb * epb;
    plan.tileCols = std::min(roundUp(plan.cols, epb), limit);
    if (plan.units() < cores) {
      int64_t wanted =
          ceilDiv(cores, plan.outerUnits() * ceilDiv(plan.rows, plan.tileRows));
      int64_t minCols = roundUp(ceilDiv(kMinTileBytes, epb * es), epb);
      plan.tileCols =
          std::min(plan.tileCols,
                   std::max(roundUp(ceilDiv(plan.cols, wanted), epb), minCols));
    }
    return;
  }
  if (last >= 0 && plan.src[last] == 1 && plan.dst[last] == 1) {
    plan.colDim = last;
    data.pop_back();
  }
  if (!data.empty() && plan.src[data.back()] > 0) {
    plan.rowDim = data.back();
    data.pop_back();
  }
  plan.outer = data;
  plan.cols = plan.colDim < 0 ? 1 : plan.shape[plan.colDim];
  plan.rows = plan.rowDim < 0 ? 1 : plan.shape[plan.rowDim];
  plan.tileCols = std::min(plan.cols, std::max(epb, budget / es / epb * epb));
  auto padded = [&] { return roundUp(plan.tileCols, epb) * es; };
  plan.tileRows = std::clamp<int64_t>(budget / padded(), 1, plan.rows);
  if (plan.units() >= cores)
    return;
  // More, smaller row blocks; then column chunks.
  int64_t chunks = ceilDiv(plan.cols, plan.tileCols);
  int64_t wanted = ceilDiv(cores, plan.outerUnits() * chunks);
  int64_t minRows = ceilDiv(kMinTileBytes, padded());
  plan.tileRows =
      std::min(plan.tileRows, std::max(ceilDiv(plan.rows, wanted), minRows));
  if (plan.units() >= cores || plan.tileRows > 1)
    return;
  wanted = ceilDiv(cores, plan.outerUnits() * plan.rows);
  plan.tileCols =
      std::min(plan.tileCols, std::max(roundUp(ceilDiv(plan.cols, wanted), epb),
                                       kMinTileBytes / es));
}

namespace {
/// Emits the unit loops of the moves of one kernel.
struct MoveEmitter : TileBuilder {
  MoveEmitter(OpBuilder &b, Location loc, func::FuncOp func, unsigned inputs,
              int64_t blocks, Type elem)
      : TileBuilder(b, loc), func(func), inputs(inputs), blocks(blocks),
        elem(elem) {}

  func::FuncOp func;
  unsigned inputs;
  int64_t blocks;
  Type elem;
  Value blockIdx, data, fill, pixels;
  /// The project's fence when the vector unit transposes (float) tiles.
  std::optional<FamilyFence> vectorFence;
  int64_t dealt = 0;

  /// Orders the pipes between two families. Without transposes MTE2 and
  /// MTE3 are the only pipes of the unit loops, and the ring of FamilyFence
  /// (UnitLoop.h) would run through the vector unit, which moves no
  /// integers: MTE2 loads one element into a block, MTE3 moves that block
  /// to l1, MTE2 overwrites the block.
  void fence() {
    if (vectorFence)
      return vectorFence->emit();
    auto gm = cast<MemRefType>(func.getArgument(0).getType());
    Type t = gm.getElementType();
    int64_t epb = 32 / getElementBytes(t);
    Value block = alloc(epb, t, MemorySpace::UB);
    Value l1 = alloc(epb, t, MemorySpace::L1);
    Value first = view(func.getArgument(0), {1});
    Value element = sub(block, {idx(0)}, {1});
    for (Pipe pipe : {Pipe::MTE2, Pipe::MTE3})
      tile::BarrierOp::create(b, loc, tile::PipeAttr::get(ctx, pipe));
    copy(first, element);
    copy(block, l1);
    copy(first, element);
  }

  void emit(const MovePlan &plan) {
    for (bool raggedRows : {false, true})
      for (bool raggedCols : {false, true})
        emitFamily(plan, raggedRows, raggedCols);
  }

  void emitFamily(const MovePlan &plan, bool raggedRows, bool raggedCols) {
    int64_t fullRows = plan.rows / plan.tileRows;
    int64_t fullCols = plan.cols / plan.tileCols;
    int64_t rowBlocks =
        raggedRows ? (plan.rows % plan.tileRows ? 1 : 0) : fullRows;
    int64_t colChunks =
        raggedCols ? (plan.cols % plan.tileCols ? 1 : 0) : fullCols;
    int64_t tileRows = raggedRows ? plan.rows % plan.tileRows : plan.tileRows;
    int64_t tileCols = raggedCols ? plan.cols % plan.tileCols : plan.tileCols;
    int64_t units = plan.outerUnits() * rowBlocks * colChunks;
    if (units == 0)
      return;
    if (dealt > 0)
      fence();
    const Move &move = *plan.move;
    // Rows of a ub tile start at blocks.
    int64_t stride = roundUp(plan.tileCols, 32 / getElementBytes(elem));
    SmallVector<int64_t> tileShape = {1, tileRows, tileCols};
    Value ubTile = view(move.input ? data : fill, tileShape,
                        {tileRows * stride, stride, 1});
    Value srcView;
    if (move.input)
      srcView = gmTiles(func.getArgument(*move.input), tileRows, tileCols,
                        plan.srcRowStride());
    // What a unit stores: its tile, or the tile's K x K blocks transposed
    // into pixels of K values (rows[j][i] -> pixels[i][j]).
    Value out = func.getArgument(inputs + move.output);
    Value stored = ubTile, transposedRows, transposedPixels;
    SmallVector<int64_t> storedShape = tileShape;
    Value dstView = gmTiles(out, tileRows, tileCols, plan.dstRowStride());
    if (plan.transpose) {
      int64_t k = plan.tileRows, repeats = ceilDiv(tileCols, k);
      transposedRows = view(data, {repeats, k, k}, {k, stride, 1});
      transposedPixels = view(pixels, {repeats, k, k}, {k * k, k, 1});
      storedShape = {1, tileCols, tileRows};
      stored = view(pixels, storedShape, {stride * k, k, 1});
      dstView = gmTiles(out, tileCols, tileRows, plan.dst[plan.colDim]);
      // The transpose reads all K rows: those past a ragged row block are
      // zero (no load of this family writes them).
      if (tileRows < k)
        tile::VDupOp::create(
            b, loc, b.getF64FloatAttr(0.0),
            sub(data, {idx(tileRows * stride)}, {(k - tileRows) * stride}));
    }
    SmallVector<int64_t> extents;
    for (unsigned d : plan.outer)
      extents.push_back(plan.shape[d]);
    extents.push_back(rowBlocks);
    extents.push_back(colChunks);
    dealt = buildDealtUnitLoop(
        b, loc, blockIdx, units, blocks, dealt, [&](Value unit) {
          SmallVector<Value> digits = splitUnit(b, loc, unit, extents);
          Value row = raggedRows
                          ? idx(fullRows * plan.tileRows)
                          : mul(digits[plan.outer.size()], plan.tileRows);
          Value col = raggedCols
                          ? idx(fullCols * plan.tileCols)
                          : mul(digits[plan.outer.size() + 1], plan.tileCols);
          // Offsets of the tile's first element on both sides.
          auto offset = [&](int64_t base, ArrayRef<int64_t> strides) {
            Value v = idx(base);
            for (auto [i, d] : llvm::enumerate(plan.outer))
              v = add(v, mul(digits[i], strides[d]));
            if (plan.rowDim >= 0)
              v = add(v, mul(row, strides[plan.rowDim]));
            if (plan.colDim >= 0)
              v = add(v, mul(col, strides[plan.colDim]));
            return v;
          };
          if (move.input)
            copy(sub(srcView,
                     {offset(move.srcOffset, plan.src), idx(0), idx(0)},
                     tileShape),
                 ubTile);
          if (plan.transpose)
            tile::VNchwConvOp::create(b, loc, transposedRows, transposedPixels);
          emitStores(plan, stored, dstView, offset(move.dstOffset, plan.dst),
                     storedShape, 0);
        });
  }

  /// `arg` (a gm argument) seen as [elements, rows, cols] tiles whose rows
  /// are `rowStride` apart; a subview at [offset, 0, 0] is one tile.
  Value gmTiles(Value arg, int64_t rows, int64_t cols, int64_t rowStride) {
    return view(arg,
                {cast<MemRefType>(arg.getType()).getNumElements(), rows, cols},
                {1, rowStride, 1});
  }

  /// Stores the tile at every position of the broadcast dimensions from
  /// `level` on.
  void emitStores(const MovePlan &plan, Value ubTile, Value dstView,
                  Value offset, ArrayRef<int64_t> tileShape, unsigned level) {
    if (level == plan.broadcast.size()) {
      copy(ubTile, sub(dstView, {offset, idx(0), idx(0)}, tileShape));
      return;
    }
    unsigned d = plan.broadcast[level];
    loop(idx(plan.shape[d]), [&](Value i) {
      emitStores(plan, ubTile, dstView, add(offset, mul(i, plan.dst[d])),
                 tileShape, level + 1);
    });
  }
};
} // namespace

FailureOr<func::FuncOp> ascend::buildMoveKernel(nn::KernelOp kernel,
                                                const MachineModel &machine,
                                                OpBuilder &builder) {
  FailureOr<MoveList> moves = getMoves(kernel);
  if (failed(moves))
    return failure();
  Location loc = kernel.getLoc();
  SmallVector<Type> argTypes;
  for (Value v : kernel.getInputs())
    argTypes.push_back(getGmType(v.getType()));
  for (Value v : kernel.getResults())
    argTypes.push_back(getGmType(v.getType()));
  Type elem =
      cast<RankedTensorType>(kernel.getResult(0).getType()).getElementType();
  int64_t epb = 32 / getElementBytes(elem);
  int64_t budget = machine.getBuffer(MemorySpace::UB).size / 4;

  SmallVector<MovePlan, 1> plans;
  int64_t units = 1, dataElems = 0, fillElems = 0;
  for (const Move &move : *moves) {
    if (llvm::is_contained(move.shape, 0)) // an empty tensor moves nothing
      continue;
    MovePlan plan = normalize(move);
    chooseTile(plan, elem, budget, machine.cores);
    units = std::max(units, plan.units());
    int64_t elems = plan.tileRows * roundUp(plan.tileCols, epb);
    int64_t &size = move.input ? dataElems : fillElems;
    size = std::max(size, elems);
    plans.push_back(plan);
  }
  if (fillElems && !isa<FloatType>(elem))
    return kernel.emitError("cannot fill ")
           << elem << " constants yet (the vector unit moves floats)";
  int64_t blocks = std::min<int64_t>(machine.cores, units);
  func::FuncOp func =
      createTileKernel(builder, loc, kernel.getSymName(), argTypes, blocks);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&func.getBody().front());
  MoveEmitter e(builder, loc, func, kernel.getInputs().size(), blocks, elem);
  e.blockIdx = tile::BlockIdxOp::create(builder, loc, builder.getIndexType());
  // One ub buffer for loaded tiles and one filled once for constant boxes.
  auto buffer = [&](int64_t elems) {
    return memref::AllocOp::create(
        builder, loc,
        MemRefType::get(
            {elems}, elem, MemRefLayoutAttrInterface(),
            tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB)));
  };
  if (dataElems)
    e.data = buffer(dataElems);
  if (llvm::any_of(plans, [](const MovePlan &p) { return p.transpose; })) {
    e.pixels = buffer(dataElems);
    e.vectorFence.emplace(builder, loc, func.getArgument(0));
  }
  if (fillElems) {
    e.fill = buffer(fillElems);
    // The fills of one kernel (a pad's boxes) share their value.
    auto fillMove =
        llvm::find_if(*moves, [](const Move &m) { return !m.input; });
    tile::VDupOp::create(builder, loc, builder.getF64FloatAttr(fillMove->value),
                         e.fill);
  }
  for (const MovePlan &plan : plans)
    e.emit(plan);
  func::ReturnOp::create(builder, loc);
  return func;
}
