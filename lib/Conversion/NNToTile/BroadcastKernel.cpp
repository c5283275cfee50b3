//===- BroadcastKernel.cpp - Elementwise kernels with broadcasting --------===//
//
// numpy broadcasting as rows. Output dimensions of size 1 are dropped and
// adjacent dimensions that every input treats alike (present, or
// broadcast) are merged; the last group is the row [W], the one or two
// groups before it index rows as [P, Q]. Each input is then one of
//
// - rows:   present along W; a tile holds its [n, W] rows, or the one row
//           [1, W] re-read for every row when it is broadcast along Q;
// - values: broadcast along W; a tile holds its n (or 1) values, which
//           tile.vbrcb turns into one 32-byte block per row, re-read with a
//           block stride of 0.
//
// A tile is (p, n rows from q0, w columns from w0); binary ops become
// tile.vbcast_* on 2-D views, the other ops run on whole padded tiles.
//
//===----------------------------------------------------------------------===//

#include "BroadcastKernel.h"

#include "ElementwiseOps.h"
#include "RowKernel.h"
#include "TypedElementwise.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

bool ascend::hasBroadcast(nn::KernelOp kernel,
                          ArrayRef<std::optional<double>> scalars) {
  for (Operation &op : kernel.getBody().front().without_terminator())
    for (Value operand : op.getOperands()) {
      auto arg = dyn_cast<BlockArgument>(operand);
      if (arg && scalars[arg.getArgNumber()])
        continue;
      // Shapes only: a cast changes the element type, not the shape.
      if (cast<ShapedType>(operand.getType()).getShape() !=
          cast<ShapedType>(op.getResult(0).getType()).getShape())
        return true;
    }
  return false;
}

namespace {
/// How a tile sees one kernel input: whether it is present (not
/// broadcast) along the row index q and along the row.
struct InputLayout {
  int sq = 0, sw = 0;
  bool rows() const { return sw != 0; }
};

} // namespace

FailureOr<func::FuncOp>
ascend::buildBroadcastKernel(nn::KernelOp kernel,
                             ArrayRef<std::optional<double>> scalars,
                             const MachineModel &machine, OpBuilder &builder) {
  Block &body = kernel.getBody().front();
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  auto outType = cast<RankedTensorType>(kernel.getResult(0).getType());
  ArrayRef<int64_t> shape = outType.getShape();
  Type elem = outType.getElementType();
  // Typed ops (integers, bools, rounding) mix element types; their kernels
  // load broadcast rows once per tile row, so every value has the result's
  // layout and the flat lowering applies (see below).
  bool typed = llvm::any_of(body.without_terminator(), [](Operation &op) {
    return isTypedElementwise(&op);
  });
  if (failed(checkElementwiseKernel(kernel, /*allowCasts=*/typed)) ||
      failed(checkPlainLayouts(kernel, kernel.getInputs().getTypes())) ||
      failed(checkPlainLayouts(kernel, kernel.getResultTypes())))
    return failure();
  for (Operation &op : body.without_terminator()) {
    // A result smaller than the kernel's is computed in the layout of its
    // operands, which must then all have its type.
    if (cast<RankedTensorType>(op.getResult(0).getType()).getShape() == shape)
      continue;
    for (Value v : op.getOperands()) {
      auto arg = dyn_cast<BlockArgument>(v);
      if (!(arg && scalars[arg.getArgNumber()]) &&
          v.getType() != op.getResult(0).getType())
        return op.emitError("broadcasting into an intermediate result is not "
                            "supported at the tile level yet");
    }
  }
  for (Value v : yield.getValues()) {
    if (!v.getDefiningOp())
      return kernel.emitError("a kernel input as a kernel result is not "
                              "supported with broadcasting");
    if (cast<RankedTensorType>(v.getType()).getShape() != shape)
      return v.getDefiningOp()->emitError(
          "kernel results of different shapes are not supported with "
          "broadcasting");
  }

  // Status of each tensor input along each output dimension of size > 1.
  SmallVector<BlockArgument> inputs;
  for (BlockArgument arg : body.getArguments())
    if (!scalars[arg.getArgNumber()])
      inputs.push_back(arg);
  int64_t rank = shape.size();
  SmallVector<int64_t> groups;             // merged extents
  SmallVector<SmallVector<bool>> presence; // [group][input]
  for (int64_t d = 0; d < rank; ++d) {
    if (shape[d] == 1)
      continue;
    SmallVector<bool> present;
    for (BlockArgument arg : inputs) {
      auto in = cast<RankedTensorType>(arg.getType()).getShape();
      int64_t at = d - (rank - int64_t(in.size()));
      int64_t size = at >= 0 ? in[at] : 1;
      if (size != 1 && size != shape[d])
        return kernel.emitError("input shape does not broadcast to the "
                                "kernel's result");
      present.push_back(size == shape[d]);
    }
    if (!presence.empty() && presence.back() == present) {
      groups.back() *= shape[d];
      continue;
    }
    groups.push_back(shape[d]);
    presence.push_back(present);
  }
  if (groups.empty()) {
    groups.push_back(1);
    presence.push_back(SmallVector<bool>(inputs.size(), true));
  }
  while (groups.size() < 2) {
    groups.insert(groups.begin(), 1);
    presence.insert(presence.begin(), SmallVector<bool>(inputs.size(), true));
  }
  // Rows are indexed by (p, q): q the last group before the row, p all the
  // groups before q, flattened.
  int64_t numGroups = groups.size();
  int64_t extentQ = groups[numGroups - 2], width = groups[numGroups - 1];
  int64_t extentP = 1;
  for (int64_t g = 0; g < numGroups - 2; ++g)
    extentP *= groups[g];
  SmallVector<InputLayout> layouts;
  for (unsigned i = 0; i < inputs.size(); ++i) {
    layouts.push_back({presence[numGroups - 2][i] ? 1 : 0,
                       presence[numGroups - 1][i] ? 1 : 0});
    if (typed && !layouts.back().rows())
      return kernel.emitError("broadcasting along the last dimension is not "
                              "supported for integer, bool or rounding ops "
                              "yet");
  }
  // An input's gm view: its extent along each group (1 where broadcast).
  auto inputShape = [&](unsigned i, bool withRow) {
    SmallVector<int64_t> shape;
    for (int64_t g = 0; g < numGroups - (withRow ? 0 : 1); ++g)
      shape.push_back(presence[g][i] ? groups[g] : 1);
    return shape;
  };

  // Every tensor value's layout: inputs by their presence, results of the
  // kernel's shape full, smaller results like their operands.
  DenseMap<Value, InputLayout> layoutOf;
  for (auto [i, arg] : llvm::enumerate(inputs))
    layoutOf[arg] = typed ? InputLayout{1, 1} : layouts[i];
  for (Operation &op : body.without_terminator()) {
    InputLayout l{1, 1};
    if (cast<RankedTensorType>(op.getResult(0).getType()).getShape() != shape)
      for (Value v : op.getOperands())
        if (layoutOf.count(v))
          l = layoutOf[v];
    layoutOf[op.getResult(0)] = l;
  }

  // (Bools take a byte.)
  auto bytesOf = [](Value v) -> int64_t {
    return std::max<int64_t>(
        1, cast<ShapedType>(v.getType()).getElementTypeBitWidth() / 8);
  };
  // Rows are padded to whole blocks of the narrowest type, which pads every
  // wider one too.
  Type rowElem = elem;
  if (typed) {
    int64_t narrowest = 4;
    for (auto &[v, l] : layoutOf)
      narrowest = std::min(narrowest, bytesOf(v));
    rowElem = builder.getIntegerType(8 * narrowest);
  }
  RowKernelBuilder r(builder, kernel.getLoc(), rowElem, machine);
  int64_t ubBytes = machine.getBuffer(MemorySpace::UB).size;
  // A binary float op of two tensors has a tile.vbcast_* form; other ops
  // expand their broadcast operands into full tiles first (typed kernels
  // copy every input as full rows, so they expand nothing).
  auto isTensor = [&](Value v) {
    auto arg = dyn_cast<BlockArgument>(v);
    return !(arg && scalars[arg.getArgNumber()]);
  };
  auto hasBcastForm = [&](Operation &op) {
    return !typed &&
           isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp, nn::MaxOp,
               nn::MinOp>(op) &&
           llvm::all_of(op.getOperands(), isTensor);
  };
  unsigned scratch = 0, expanded = 0;
  for (Operation &op : body.without_terminator()) {
    scratch = std::max(scratch, scratchCount(&op, scalars));
    InputLayout result = layoutOf[op.getResult(0)];
    if (hasBcastForm(op))
      continue;
    unsigned count = llvm::count_if(op.getOperands(), [&](Value v) {
      InputLayout l = layoutOf.lookup(v);
      return isTensor(v) && (l.sq != result.sq || l.sw != result.sw);
    });
    expanded = std::max(expanded, count);
  }
  // Scratch buffers take the row type, which typed kernels narrow.
  if (typed && scratch)
    return kernel.emitError("composite float ops beside integer, bool or "
                            "rounding ops are not supported at the tile "
                            "level yet");
  // ub elements of a value's buffers in a tile of n rows of w columns.
  auto slotSize = [&](InputLayout l, int64_t n, int64_t w) -> int64_t {
    int64_t rows = l.sq ? n : 1;
    return l.rows() ? rows * r.padRow(w)
                    : (rows + 7) / 8 * 8 * (1 + r.perBlock);
  };
  // ub bytes of a tile of n rows of w columns.
  int64_t reserved = typed ? ScratchPool::getReservedBytesPerElement(body) : 0;
  auto need = [&](int64_t n, int64_t w) {
    int64_t total = (scratch + expanded) * n * r.padRow(w) * r.bytes;
    total += n * r.padRow(w) * reserved;
    for (auto &[v, l] : layoutOf)
      total += slotSize(l, n, w) * bytesOf(v);
    return total;
  };
  int64_t tileCols = width;
  if (need(1, width) > ubBytes) {
    tileCols = r.lanes;
    while (need(1, tileCols * 2) <= ubBytes && tileCols * 2 < width)
      tileCols *= 2;
    if (need(1, tileCols) > ubBytes)
      return emitNoTilingError(kernel, "one row of every operand",
                               need(1, tileCols), machine);
  }
  // Rows per tile: spread the work over the cores, as many as fit,
  int64_t colTiles = (width + tileCols - 1) / tileCols;
  int64_t tileRows = std::max<int64_t>(
      1, std::min(extentQ, (extentP * extentQ * colTiles + machine.cores - 1) /
                               machine.cores));
  // but keep tiles of at least 8 repeats where there are rows enough, to
  // amortize the copies' set-up.
  int64_t tcpGuess = r.padRow(tileCols);
  tileRows = std::max(
      tileRows, std::min(extentQ, (8 * r.lanes + tcpGuess - 1) / tcpGuess));
  while (tileRows > 1 && need(tileRows, tileCols) > ubBytes)
    tileRows = (tileRows + 1) / 2;
  int64_t fullRows = extentQ / tileRows, tailRows = extentQ % tileRows;
  int64_t fullCols = width / tileCols, tailCols = width % tileCols;
  int64_t units = extentP * (fullRows + (tailRows ? 1 : 0)) *
                  (fullCols + (tailCols ? 1 : 0));
  int64_t blocks = getBlockCount(machine, units);

  SmallVector<Type> argTypes;
  for (BlockArgument arg : inputs)
    argTypes.push_back(arg.getType());
  for (Type t : kernel.getResultTypes())
    argTypes.push_back(t);
  OpBuilder::InsertionGuard guard(builder);
  func::FuncOp func = r.createKernel(kernel.getSymName(), argTypes, blocks);

  // Buffers and gm views.
  int64_t tcp = r.padRow(tileCols);
  struct Slot {
    InputLayout layout;
    Value data;   // rows, or values
    Value blocks; // values only: one block per value (vbrcb)
  };
  DenseMap<Value, Slot> slots;
  auto allocSlot = [&](InputLayout l, Value v) {
    int64_t rows = l.sq ? tileRows : 1;
    if (typed) {
      // Zeroed once: the copies leave the row padding of wider types alone.
      auto space =
          tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB);
      Value data = memref::AllocOp::create(
          builder, r.loc,
          MemRefType::get(
              {rows * tcp},
              getUBElementType(cast<ShapedType>(v.getType()).getElementType()),
              MemRefLayoutAttrInterface(), space));
      if (isa<BlockArgument>(v))
        tile::VDupOp::create(builder, r.loc, builder.getF64FloatAttr(0.0),
                             data);
      return Slot{l, data, Value()};
    }
    if (l.rows())
      return Slot{l, r.allocUB(rows * tcp), Value()};
    int64_t n8 = (rows + 7) / 8 * 8;
    Value values = r.allocUB(n8);
    // vbrcb reads whole groups of 8 values.
    tile::VDupOp::create(builder, r.loc, builder.getF64FloatAttr(0.0), values);
    return Slot{l, values, r.allocUB(n8 * r.perBlock)};
  };
  SmallVector<Value> gmInputs;
  for (auto [i, l] : llvm::enumerate(layouts)) {
    slots[inputs[i]] = allocSlot(layoutOf[inputs[i]], inputs[i]);
    gmInputs.push_back(r.gmView(func.getArgument(i), inputShape(i, l.rows())));
  }
  for (Operation &op : body.without_terminator())
    slots[op.getResult(0)] =
        allocSlot(layoutOf[op.getResult(0)], op.getResult(0));
  SmallVector<Value, 2> scratchBuffers, expandBuffers;
  for (unsigned i = 0; i < scratch; ++i)
    scratchBuffers.push_back(r.allocUB(tileRows * tcp));
  for (unsigned i = 0; i < expanded; ++i) {
    // Expansion writes the rows' w columns only: zero the padding once.
    expandBuffers.push_back(r.allocUB(tileRows * tcp));
    tile::VDupOp::create(builder, r.loc, builder.getF64FloatAttr(0.0),
                         expandBuffers.back());
  }
  SmallVector<Value> gmOutputs;
  for (unsigned i = 0; i < kernel.getNumResults(); ++i)
    gmOutputs.push_back(r.gmView(func.getArgument(inputs.size() + i), groups));

  SmallVector<Value> inputValues(inputs.begin(), inputs.end());
  SmallVector<unsigned> loadOrder = getLoadOrder(body, inputValues);

  // Typed scratch buffers go with the other buffers, before block_idx.
  Value blockIdx =
      tile::BlockIdxOp::create(builder, r.loc, builder.getIndexType());
  ScratchPool pool(
      builder, r.loc,
      OpBuilder::InsertPoint(blockIdx.getParentBlock(),
                             Block::iterator(blockIdx.getDefiningOp())),
      tileRows * tcp);

  // Tile positions and shapes in the rank-numGroups views; `outer` are the
  // indices of the groups before q.
  auto emitTile = [&](ArrayRef<Value> outer, Value q0, Value w0, int64_t n,
                      int64_t w) -> LogicalResult {
    int64_t wp = r.padRow(w);
    Value zero = r.index(0);
    auto position = [&](unsigned i, Value q, std::optional<Value> col) {
      SmallVector<Value> at;
      for (int64_t g = 0; g < numGroups - 2; ++g)
        at.push_back(presence[g][i] ? outer[g] : zero);
      at.push_back(q);
      if (col)
        at.push_back(*col);
      return at;
    };
    auto tileShape = [&](int64_t rows, std::optional<int64_t> cols) {
      SmallVector<int64_t> shape(numGroups - 2, 1);
      shape.push_back(rows);
      if (cols)
        shape.push_back(*cols);
      return shape;
    };
    auto ubStrides = [&](int64_t rowStride, bool withCols) {
      SmallVector<int64_t> strides(numGroups - 2, 0);
      if (withCols) {
        for (int64_t &st : strides)
          st = rowStride * n;
        strides.append({rowStride, 1});
      } else {
        for (int64_t &st : strides)
          st = rowStride;
        strides.push_back(1);
      }
      return strides;
    };
    auto rowsOf = [&](const Slot &slot) { return slot.layout.sq ? n : 1; };
    auto flatSize = [&](const Slot &slot) {
      int64_t rows = rowsOf(slot);
      return slot.layout.rows() ? rows * wp : (rows + 7) / 8 * 8;
    };
    // The 2-D view of a value for a row-wise op; values become blocks.
    auto view2d = [&](Value v) -> Value {
      const Slot &slot = slots[v];
      int64_t rows = rowsOf(slot);
      if (slot.layout.rows())
        return r.view(slot.data, {rows, w}, {wp, 1});
      int64_t n8 = (rows + 7) / 8 * 8;
      tile::VBrcbOp::create(
          builder, r.loc, r.flat(slot.data, n8),
          r.view(slot.blocks, {n8, r.perBlock}, {r.perBlock, 1}));
      return r.view(slot.blocks, {rows, 1}, {r.perBlock, 1});
    };
    for (unsigned i : loadOrder) {
      const InputLayout &l = layouts[i];
      const Slot &slot = slots[inputs[i]];
      int64_t rows = rowsOf(slot);
      Value qi = l.sq ? q0 : zero;
      if (typed && !l.sq) {
        // The row broadcast along q, once per tile row.
        for (int64_t k = 0; k < n; ++k)
          r.copy(
              r.gmTile(gmInputs[i], position(i, zero, w0), tileShape(1, w)),
              r.view(slot.data, tileShape(1, w), ubStrides(wp, true), k * wp));
        continue;
      }
      if (l.rows())
        r.copy(r.gmTile(gmInputs[i], position(i, qi, w0), tileShape(rows, w)),
               r.view(slot.data, tileShape(rows, w), ubStrides(wp, true)));
      else
        r.copy(r.gmTile(gmInputs[i], position(i, qi, std::nullopt),
                        tileShape(rows, std::nullopt)),
               r.view(slot.data, tileShape(rows, std::nullopt),
                      ubStrides((rows + 7) / 8 * 8, false)));
    }
    for (Operation &op : body.without_terminator()) {
      const Slot &result = slots[op.getResult(0)];
      bool full = result.layout.sq && result.layout.sw;
      SmallVector<Value> tensors;
      for (Value v : op.getOperands()) {
        auto arg = dyn_cast<BlockArgument>(v);
        if (!(arg && scalars[arg.getArgNumber()]))
          tensors.push_back(v);
      }
      if (full && hasBcastForm(op)) {
        Value a = view2d(tensors[0]), c = view2d(tensors[1]);
        Value dst = r.view(result.data, {n, w}, {wp, 1});
        OpBuilder &bb = builder;
        Location loc = op.getLoc();
        llvm::TypeSwitch<Operation *>(&op)
            .Case([&](nn::AddOp) {
              tile::VBcastAddOp::create(bb, loc, a, c, dst);
            })
            .Case([&](nn::SubOp) {
              tile::VBcastSubOp::create(bb, loc, a, c, dst);
            })
            .Case([&](nn::MulOp) {
              tile::VBcastMulOp::create(bb, loc, a, c, dst);
            })
            .Case([&](nn::DivOp) {
              tile::VBcastDivOp::create(bb, loc, a, c, dst);
            })
            .Case([&](nn::MaxOp) {
              tile::VBcastMaxOp::create(bb, loc, a, c, dst);
            })
            .Case([&](nn::MinOp) {
              tile::VBcastMinOp::create(bb, loc, a, c, dst);
            });
        continue;
      }
      // Other ops run on whole padded buffers of operands laid out like
      // their result.
      int64_t size = flatSize(result);
      SmallVector<Operand> operands;
      unsigned expandedHere = 0;
      for (Value v : op.getOperands()) {
        auto arg = dyn_cast<BlockArgument>(v);
        if (arg && scalars[arg.getArgNumber()]) {
          operands.push_back({Value(), scalars[arg.getArgNumber()]});
          continue;
        }
        const Slot &slot = slots[v];
        if (slot.layout.sq == result.layout.sq &&
            slot.layout.sw == result.layout.sw) {
          operands.push_back({r.flat(slot.data, size), std::nullopt});
          continue;
        }
        // max(v, v) over the result's rows expands the broadcast operand
        // (only full results have operands of another layout).
        Value into = expandBuffers[expandedHere++];
        Value b = view2d(v);
        tile::VBcastMaxOp::create(builder, op.getLoc(), b, b,
                                  r.view(into, {n, w}, {wp, 1}));
        operands.push_back({r.flat(into, size), std::nullopt});
      }
      TileEmitter e(builder, op.getLoc(), size);
      for (Value scratchBuffer : scratchBuffers)
        e.scratch.push_back(r.flat(scratchBuffer, size));
      e.pool = &pool;
      Value dst = r.flat(result.data, size);
      if (isSupportedCast(&op))
        tile::VConvOp::create(builder, op.getLoc(), operands[0].buffer, dst);
      else if (failed(isTypedElementwise(&op)
                          ? emitTypedElementwise(&op, operands, dst, e)
                          : emitElementwise(&op, operands, dst, e)))
        return failure();
    }
    SmallVector<Value> outAt(outer.begin(), outer.end());
    outAt.append({q0, w0});
    for (auto [i, v] : llvm::enumerate(yield.getValues()))
      r.copy(r.view(slots[v].data, tileShape(n, w), ubStrides(wp, true)),
             r.gmTile(gmOutputs[i], outAt, tileShape(n, w)));
    return success();
  };

  // Units (p, row tile, column tile), column tile fastest; full and tail
  // tiles have different static shapes, so each shape gets its own loop.
  LogicalResult status = success();
  for (bool tailRow : {false, true})
    for (bool tailCol : {false, true}) {
      int64_t rowTiles = tailRow ? (tailRows ? 1 : 0) : fullRows;
      int64_t colTilesHere = tailCol ? (tailCols ? 1 : 0) : fullCols;
      int64_t n = tailRow ? tailRows : tileRows;
      int64_t w = tailCol ? tailCols : tileCols;
      r.forDealtUnits(
          blockIdx, extentP * rowTiles * colTilesHere, blocks, [&](Value u) {
            // Index arithmetic costs scalar registers: skip it for extents 1.
            auto div = [&](Value a, int64_t d) -> Value {
              if (d == 1)
                return a;
              return arith::DivSIOp::create(builder, r.loc, a, r.index(d));
            };
            auto rem = [&](Value a, int64_t d) -> Value {
              if (d == 1)
                return r.index(0);
              return arith::SubIOp::create(
                  builder, r.loc, a,
                  arith::MulIOp::create(builder, r.loc, div(a, d), r.index(d)));
            };
            Value c = rem(u, colTilesHere), rest = div(u, colTilesHere);
            Value rt = rem(rest, rowTiles), p = div(rest, rowTiles);
            // p -> the indices of the outer groups, innermost fastest.
            SmallVector<Value> outer(numGroups - 2);
            for (int64_t g = numGroups - 3; g >= 0; --g) {
              if (g == 0) {
                outer[g] = p;
                break;
              }
              outer[g] = rem(p, groups[g]);
              p = div(p, groups[g]);
            }
            auto scaled = [&](Value v, int64_t f) -> Value {
              if (rowTiles == 1 && v == rt)
                return r.index(0);
              if (colTilesHere == 1 && v == c)
                return r.index(0);
              return arith::MulIOp::create(builder, r.loc, v, r.index(f));
            };
            Value q0 =
                tailRow ? r.index(fullRows * tileRows) : scaled(rt, tileRows);
            Value w0 =
                tailCol ? r.index(fullCols * tileCols) : scaled(c, tileCols);
            if (failed(emitTile(outer, q0, w0, n, w)))
              status = failure();
          });
    }
  if (failed(status)) {
    func.erase();
    return failure();
  }
  func::ReturnOp::create(builder, r.loc);
  return func;
}
