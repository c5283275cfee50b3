//===- NormKernel.cpp - Layer, instance and batch norm as tile kernels ----===//
//
// The input is seen as rows [N, C, K]: K the normalized extent, one row per
// (n, c). LayerNorm normalizes trailing axes (N = 1, C the rows; scale and
// bias hold one value per column); InstanceNorm the spatial axes of an
// [N, C, ...] input (scale and bias hold one value per channel, that is per
// row); inference BatchNorm reads the per-channel mean and variance instead
// of computing them.
//
// A tile is R consecutive channels of one n, copied into ub as R rows
// padded to whole blocks. Row means and variances come from
// RowKernelBuilder::reduceRows (chunk fold + vcadd), per-row values become
// blocks through tile.vbrcb and combine with the rows through a block
// stride of 0, and a per-column row (LayerNorm's scale and bias, loaded
// once per block) is re-read for every row through a repeat stride of 0.
//
// Rows longer than ub holds are streamed in chunks of whole repeats, twice:
// sums of x - s and (x - s)^2 with s the mean of the first chunk (shifted
// sums, so the variance does not cancel for rows with a large mean), then
// y = x * a + c chunk by chunk with per-row a and c.
//
//===----------------------------------------------------------------------===//

#include "NormKernel.h"

#include "BlockSplit.h"
#include "RowKernel.h"

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace ascend;

namespace {
enum class NormKind { Layer, Instance, Batch };

/// The normalization's operands and results as gm memrefs of the tile
/// kernel, null where absent: `bias` for a LayerNorm without one, `mean` and
/// `var` are BatchNorm's, and each result only when the kernel yields it
/// (`meanOut` and `invStdOut` are LayerNorm's statistics).
struct NormOperands {
  Value input, scale, bias, mean, var, result, meanOut, invStdOut;
};

struct NormBuilder : RowKernelBuilder {
  NormBuilder(OpBuilder &b, Operation *node, Type elem,
              const MachineModel &machine, NormKind kind, int64_t n, int64_t c,
              int64_t k, double epsilon)
      : RowKernelBuilder(b, node->getLoc(), elem, machine), node(node),
        kind(kind), n(n), c(c), k(k), kp(padRow(k)), kc(k), epsilon(epsilon) {}

  /// Whether rows are streamed through ub in chunks of kc < k columns.
  bool streamed() const { return kc < k; }

  /// Values per row that a tile keeps besides its mean or 1 / std: the
  /// per-channel scale and bias, and BatchNorm's variance.
  int64_t perRowValues() const {
    return kind == NormKind::Layer ? 0 : kind == NormKind::Instance ? 2 : 3;
  }
  /// ub elements of one buffer set for a tile of `rows` rows of kc columns.
  int64_t perSet(int64_t rows) const {
    int64_t r8 = roundUp(rows, 8), kcp = padRow(kc);
    int64_t total = rows * kcp * (kind == NormKind::Batch ? 1 : 2) +
                    r8 * (1 + perBlock + perRowValues());
    if (kind != NormKind::Batch)
      total += reduceScratch(rows, kc);
    // Streamed: two sums, a chunk's sum and the blocks of c, LayerNorm's
    // scale and bias chunks.
    if (streamed())
      total += r8 * ((kind == NormKind::Batch ? 0 : 3) + perBlock) +
               (kind == NormKind::Layer ? 2 * kcp : 0);
    return total;
  }
  /// ub elements shared by the buffer sets: LayerNorm's scale and bias rows
  /// (whole rows only).
  int64_t shared() const {
    return kind == NormKind::Layer && !streamed() ? 2 * kp : 0;
  }

  LogicalResult build(const NormOperands &args);

  Operation *node;
  NormKind kind;
  int64_t n, c, k, kp, kc;
  double epsilon;
};

/// One buffer set: the rows, their squares, reduceRows' scratch, the row
/// values, their blocks, and per-channel values; streamed, also the sums,
/// the blocks of c, and LayerNorm's scale and bias chunks.
struct NormBuffers {
  Value x, squares, acc, values, blocks, scale, bias, var;
  Value sum, sum2, part, blocks2, scaleChunk, biasChunk;
};
} // namespace

static Operation *findNorm(nn::KernelOp kernel) {
  for (Operation &op : kernel.getBody().front())
    if (isa<nn::LayerNormOp, nn::InstanceNormOp, nn::BatchNormOp>(op))
      return &op;
  return nullptr;
}

bool ascend::isNormKernel(nn::KernelOp kernel) {
  return findNorm(kernel) != nullptr;
}

FailureOr<func::FuncOp> ascend::buildNormKernel(nn::KernelOp kernel,
                                                const MachineModel &machine,
                                                OpBuilder &builder) {
  Block &body = kernel.getBody().front();
  Operation *node = findNorm(kernel);
  for (Operation &op : body.without_terminator())
    if (&op != node)
      return op.emitError("cannot lower ")
             << op.getName() << " in a kernel with a normalization yet";
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  if (llvm::any_of(yield.getValues(),
                   [&](Value v) { return v.getDefiningOp() != node; }) ||
      llvm::any_of(node->getOperands(),
                   [](Value v) { return !isa<BlockArgument>(v); }))
    return node->emitError("a normalization fuses with nothing else yet");
  if (failed(checkPlainLayouts(node, node->getOperandTypes())) ||
      failed(checkPlainLayouts(node, node->getResultTypes())))
    return failure();
  auto inType = cast<RankedTensorType>(node->getOperand(0).getType());
  Type elem = inType.getElementType();
  if (!elem.isF32() && !elem.isF16())
    return node->emitError("normalizations on ")
           << elem << " are not supported at the tile level";
  ArrayRef<int64_t> shape = inType.getShape();

  NormKind kind;
  int64_t n = 1, c, k;
  if (auto layer = dyn_cast<nn::LayerNormOp>(node)) {
    kind = NormKind::Layer;
    c = ShapedType::getNumElements(shape.take_front(layer.getAxis()));
    k = ShapedType::getNumElements(shape.drop_front(layer.getAxis()));
    // The verifier allows any broadcast; rows of K values are what the
    // kernel re-reads.
    for (Value v : {layer.getScale(), layer.getBias()})
      if (v && cast<RankedTensorType>(v.getType()).getNumElements() != k)
        return node->emitError("scale and bias of a layer normalization "
                               "must have the normalized shape (")
               << k << " elements) at the tile level";
  } else {
    kind = isa<nn::InstanceNormOp>(node) ? NormKind::Instance : NormKind::Batch;
    n = shape[0];
    c = shape[1];
    k = ShapedType::getNumElements(shape.drop_front(2));
  }
  double epsilon = node->getAttrOfType<FloatAttr>("epsilon").getValueAsDouble();
  if (n * c * k == 0)
    return node->emitError("normalizing an empty tensor is not supported");

  OpBuilder::InsertionGuard guard(builder);
  NormBuilder r(builder, node, elem, machine, kind, n, c, k, epsilon);
  SmallVector<Type> types(kernel.getInputs().getTypes());
  llvm::append_range(types, kernel.getResultTypes());
  // Block count is set once the tiling is known.
  func::FuncOp func = r.createKernel(kernel.getSymName(), types, 1);
  // The three ops share their operand order: input, scale, bias (optional
  // for LayerNorm), then BatchNorm's mean and variance.
  auto arg = [&](unsigned i) -> Value {
    if (i >= node->getNumOperands())
      return Value();
    return func.getArgument(
        cast<BlockArgument>(node->getOperand(i)).getArgNumber());
  };
  // Result i of the node, where the kernel yields it.
  auto result = [&](unsigned i) -> Value {
    if (i >= node->getNumResults())
      return Value();
    for (auto [j, v] : llvm::enumerate(yield.getValues()))
      if (v == node->getResult(i))
        return func.getArgument(kernel.getInputs().size() + j);
    return Value();
  };
  NormOperands args{arg(0), arg(1),    arg(2),    arg(3),
                    arg(4), result(0), result(1), result(2)};
  if (failed(r.build(args))) {
    func.erase();
    return failure();
  }
  func::ReturnOp::create(builder, r.loc);
  return func;
}

LogicalResult NormBuilder::build(const NormOperands &args) {
  int64_t ub = machine.getBuffer(MemorySpace::UB).size / bytes;
  int64_t rows = n * c;
  if (perSet(1) + shared() > ub) {
    // Rows longer than ub holds: the widest chunk of whole repeats that
    // fits.
    kc = (k - 1) / lanes * lanes;
    while (kc > lanes && perSet(1) > ub)
      kc -= lanes;
    if (kc < lanes || perSet(1) > ub) {
      kc = std::min(k, lanes);
      return emitNoTilingError(node, "one row chunk and its statistics",
                               perSet(1) * bytes, machine);
    }
  }
  // Two buffer sets when there is work for two tiles per core and both fit:
  // a tile's copies then overlap the other's vector work. Not with
  // per-channel operands: their copies and the rows' of two tiles would
  // need more mte2 -> v event ids than there are.
  int64_t sets = kind == NormKind::Layer && !streamed() &&
                         rows >= 2 * machine.cores &&
                         2 * perSet(1) + shared() <= ub
                     ? 2
                     : 1;
  int64_t tileRows = std::min(c, ceilDiv(rows, sets * machine.cores));
  while (tileRows > 1 && sets * perSet(tileRows) + shared() > ub)
    tileRows = ceilDiv(tileRows, 2);
  int64_t fullChunks = c / tileRows, tailRows = c % tileRows;
  int64_t blocks =
      getBlockCount(machine, n * (fullChunks + (tailRows ? 1 : 0)));
  b.getBlock()->getParentOp()->setAttr("tile.block_dim",
                                       b.getI32IntegerAttr(blocks));

  int64_t r8 = roundUp(tileRows, 8), kcp = padRow(kc);
  SmallVector<NormBuffers, 2> buffers;
  for (int64_t i = 0; i < sets; ++i) {
    NormBuffers bf;
    bf.x = allocUB(tileRows * kcp);
    if (kind != NormKind::Batch) {
      bf.squares = allocUB(tileRows * kcp);
      if (kc > lanes)
        bf.acc = allocUB(reduceScratch(tileRows, kc));
    }
    bf.values = allocUB(r8);
    bf.blocks = allocUB(r8 * perBlock);
    if (kind != NormKind::Layer) {
      bf.scale = allocUB(r8);
      bf.bias = allocUB(r8);
    }
    if (kind == NormKind::Batch)
      bf.var = allocUB(r8);
    if (streamed()) {
      if (kind != NormKind::Batch) {
        bf.sum = allocUB(r8);
        bf.sum2 = allocUB(r8);
        bf.part = allocUB(r8);
      }
      bf.blocks2 = allocUB(r8 * perBlock);
      if (kind == NormKind::Layer) {
        bf.scaleChunk = allocUB(kcp);
        bf.biasChunk = allocUB(kcp);
      }
    }
    // vbrcb reads whole groups of 8 values: give the lanes past the last
    // row of a tile defined contents once.
    for (Value v : {bf.values, bf.bias, bf.var, bf.sum, bf.sum2})
      if (v)
        tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), v);
    buffers.push_back(bf);
  }
  // LayerNorm's scale and bias: one row each, re-read for every row.
  Value scaleRow, biasRow;
  if (kind == NormKind::Layer && !streamed()) {
    auto loadRow = [&](Value param) -> Value {
      if (!param)
        return Value();
      Value row = view(allocUB(kp), {1, k}, {kp, 1});
      copy(gmView(param, {1, k}), row);
      return row;
    };
    scaleRow = loadRow(args.scale);
    biasRow = loadRow(args.bias);
  }
  Value in2 = gmView(args.input, {rows, k});
  Value out2 = args.result ? gmView(args.result, {rows, k}) : Value();
  Value meanOut = args.meanOut ? gmView(args.meanOut, {rows}) : Value();
  Value invStdOut = args.invStdOut ? gmView(args.invStdOut, {rows}) : Value();

  // Rows [ni * C + c0, + m): channels c0.. of sample ni.
  auto emitTile = [&](Value ni, Value c0, int64_t m, const NormBuffers &bf) {
    Value r0 = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, ni, index(c)), c0);
    Value xv = view(bf.x, {m, kc}, {kcp, 1});
    Value xFlat = flat(bf.x, m * kcp);
    Value values = flat(bf.values, m);
    auto broadcast = [&](Value from, Value blocks) {
      tile::VBrcbOp::create(
          b, loc, flat(from, roundUp(m, 8)),
          view(blocks, {roundUp(m, 8), perBlock}, {perBlock, 1}));
      return view(blocks, {m, 1}, {perBlock, 1});
    };
    auto loadValues = [&](Value param, Value into) {
      copy(gmTile(param, {c0}, {m}), flat(into, m));
      return flat(into, m);
    };
    // BatchNorm: y = x * a + c with a = scale / sqrt(var + epsilon) in
    // bf.var and c = bias - mean * a in bf.bias.
    auto batchCoefficients = [&] {
      Value mean = loadValues(args.mean, bf.values);
      Value a = loadValues(args.var, bf.var);
      Value scale = loadValues(args.scale, bf.scale);
      Value bias = loadValues(args.bias, bf.bias);
      tile::VAddsOp::create(b, loc, a, b.getF64FloatAttr(epsilon), a);
      tile::VRsqrtOp::create(b, loc, a, a);
      tile::VMulOp::create(b, loc, a, scale, a);
      tile::VMulOp::create(b, loc, mean, a, mean);
      tile::VSubOp::create(b, loc, bias, mean, bias);
    };
    // 1 / sqrt(v + epsilon) in place, copied to InvStdDev if yielded.
    auto invStd = [&](Value v) {
      tile::VAddsOp::create(b, loc, v, b.getF64FloatAttr(epsilon), v);
      tile::VRsqrtOp::create(b, loc, v, v);
      if (invStdOut)
        copy(v, gmTile(invStdOut, {r0}, {m}));
    };
    if (streamed()) {
      // Chunk [k0, k0 + w) of the rows, in x.
      auto load = [&](Value k0, int64_t w) {
        Value v = view(bf.x, {m, w}, {kcp, 1});
        copy(gmTile(in2, {r0, k0}, {m, w}), v);
        return v;
      };
      // The buffers of a and c.
      Value aBuf = bf.var, cBuf = bf.bias;
      if (kind != NormKind::Batch) {
        // Shift s = mean of chunk 0 (values), then sums of x - s (sum) and
        // (x - s)^2 (sum2) over all chunks.
        Value sum = flat(bf.sum, m), sum2 = flat(bf.sum2, m);
        Value part = flat(bf.part, m);
        Value first = load(index(0), kc);
        reduceRows(Combine::Add, first, bf.acc, values);
        tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / kc),
                              values);
        Value shift = broadcast(bf.values, bf.blocks);
        auto accumulate = [&](Value v, int64_t w, bool into) {
          tile::VBcastSubOp::create(b, loc, v, shift, v);
          tile::VMulOp::create(b, loc, xFlat, xFlat, flat(bf.squares, m * kcp));
          Value squares = view(bf.squares, {m, w}, {kcp, 1});
          std::pair<Value, Value> sums[] = {{v, sum}, {squares, sum2}};
          for (auto [rowsOf, total] : sums) {
            reduceRows(Combine::Add, rowsOf, bf.acc, into ? total : part);
            if (!into)
              tile::VAddOp::create(b, loc, total, part, total);
          }
        };
        accumulate(first, kc, true);
        forLaterChunks(k, kc, [&](Value k0, int64_t w) {
          accumulate(load(k0, w), w, false);
        });
        // d = sum / K; mean = s + d; var = sum2 / K - d^2 (not below 0).
        tile::VMulsOp::create(b, loc, sum, b.getF64FloatAttr(1.0 / k), sum);
        tile::VAddOp::create(b, loc, values, sum, values);
        if (meanOut)
          copy(values, gmTile(meanOut, {r0}, {m}));
        tile::VMulOp::create(b, loc, sum, sum, sum);
        tile::VMulsOp::create(b, loc, sum2, b.getF64FloatAttr(1.0 / k), sum2);
        tile::VSubOp::create(b, loc, sum2, sum, sum2);
        tile::VMaxsOp::create(b, loc, sum2, b.getF64FloatAttr(0.0), sum2);
        invStd(sum2);
        if (kind == NormKind::Instance)
          tile::VMulOp::create(b, loc, sum2, loadValues(args.scale, bf.scale),
                               sum2);
        // c = -mean * a (+ bias per channel).
        tile::VMulOp::create(b, loc, values, sum2, sum);
        tile::VMulsOp::create(b, loc, sum, b.getF64FloatAttr(-1.0), sum);
        if (kind == NormKind::Instance)
          tile::VAddOp::create(b, loc, sum, loadValues(args.bias, bf.bias),
                               sum);
        aBuf = bf.sum2;
        cBuf = bf.sum;
      } else {
        batchCoefficients();
      }
      // y = x * a + c (* scale + bias per column), chunk by chunk.
      Value aBlocks = broadcast(aBuf, bf.blocks);
      Value cBlocks = broadcast(cBuf, bf.blocks2);
      Value scale = args.scale ? gmView(args.scale, {1, k}) : Value();
      Value bias = args.bias ? gmView(args.bias, {1, k}) : Value();
      auto normalize = [&](Value k0, int64_t w) {
        Value v = load(k0, w);
        tile::VBcastMulOp::create(b, loc, v, aBlocks, v);
        tile::VBcastAddOp::create(b, loc, v, cBlocks, v);
        if (kind == NormKind::Layer) {
          std::tuple<Value, Value, bool> params[] = {
              {scale, bf.scaleChunk, true}, {bias, bf.biasChunk, false}};
          for (auto [param, chunk, multiply] : params) {
            if (!param)
              continue;
            Value row = view(chunk, {1, w}, {kcp, 1});
            copy(gmTile(param, {index(0), k0}, {1, w}), row);
            if (multiply)
              tile::VBcastMulOp::create(b, loc, v, row, v);
            else
              tile::VBcastAddOp::create(b, loc, v, row, v);
          }
        }
        copy(v, gmTile(out2, {r0, k0}, {m, w}));
      };
      if (out2) {
        normalize(index(0), kc);
        forLaterChunks(k, kc, normalize);
      }
      return;
    }
    copy(gmTile(in2, {r0, index(0)}, {m, k}), xv);
    if (kind == NormKind::Batch) {
      batchCoefficients();
      tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.var, bf.blocks), xv);
      tile::VBcastAddOp::create(b, loc, xv, broadcast(bf.bias, bf.blocks), xv);
    } else {
      // Centre the rows, then 1 / sqrt(mean of squares + epsilon).
      reduceRows(Combine::Add, xv, bf.acc, values);
      tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / k), values);
      if (meanOut)
        copy(values, gmTile(meanOut, {r0}, {m}));
      tile::VBcastSubOp::create(b, loc, xv, broadcast(bf.values, bf.blocks),
                                xv);
      Value squares = flat(bf.squares, m * kp);
      tile::VMulOp::create(b, loc, xFlat, xFlat, squares);
      reduceRows(Combine::Add, view(bf.squares, {m, k}, {kp, 1}), bf.acc,
                 values);
      tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / k), values);
      invStd(values);
      if (kind == NormKind::Layer) {
        tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.values, bf.blocks),
                                  xv);
        tile::VBcastMulOp::create(b, loc, xv, scaleRow, xv);
        if (biasRow)
          tile::VBcastAddOp::create(b, loc, xv, biasRow, xv);
      } else {
        // One multiply per row by scale / std, then the bias.
        tile::VMulOp::create(b, loc, values, loadValues(args.scale, bf.scale),
                             values);
        tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.values, bf.blocks),
                                  xv);
        loadValues(args.bias, bf.bias);
        tile::VBcastAddOp::create(b, loc, xv, broadcast(bf.bias, bf.blocks),
                                  xv);
      }
    }
    if (out2)
      copy(xv, gmTile(out2, {r0, index(0)}, {m, k}));
  };

  Value blockIdx = tile::BlockIdxOp::create(b, loc, b.getIndexType());
  // Unit u = (sample, chunk of channels), chunks fastest.
  auto emitFull = [&](Value u, unsigned set) {
    Value ni = arith::DivSIOp::create(b, loc, u, index(fullChunks));
    Value chunk = arith::SubIOp::create(
        b, loc, u, arith::MulIOp::create(b, loc, ni, index(fullChunks)));
    emitTile(ni, arith::MulIOp::create(b, loc, chunk, index(tileRows)),
             tileRows, buffers[set]);
  };
  if (sets == 2)
    forDealtUnitPairs(blockIdx, n * fullChunks, blocks, emitFull);
  else
    forDealtUnits(blockIdx, n * fullChunks, blocks,
                  [&](Value u) { emitFull(u, 0); });
  if (tailRows)
    forDealtUnits(blockIdx, n, blocks, [&](Value ni) {
      emitTile(ni, index(fullChunks * tileRows), tailRows, buffers[0]);
    });
  return success();
}
