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
        kind(kind), n(n), c(c), k(k), kp(padRow(k)), epsilon(epsilon) {}

  /// Values per row that a tile keeps besides its mean or 1 / std: the
  /// per-channel scale and bias, and BatchNorm's variance.
  int64_t perRowValues() const {
    return kind == NormKind::Layer ? 0 : kind == NormKind::Instance ? 2 : 3;
  }
  /// ub elements of one buffer set for a tile of `rows` rows.
  int64_t perSet(int64_t rows) const {
    int64_t r8 = roundUp(rows, 8);
    int64_t total = rows * kp * (kind == NormKind::Batch ? 1 : 2) +
                    r8 * (1 + perBlock + perRowValues());
    if (kind != NormKind::Batch)
      total += reduceScratch(rows, k);
    return total;
  }
  /// ub elements shared by the buffer sets: LayerNorm's scale and bias rows.
  int64_t shared() const { return kind == NormKind::Layer ? 2 * kp : 0; }

  LogicalResult build(const NormOperands &args);

  Operation *node;
  NormKind kind;
  int64_t n, c, k, kp;
  double epsilon;
};

/// One buffer set: the rows, their squares, reduceRows' scratch, the row
/// values, their blocks, and per-channel values.
struct NormBuffers {
  Value x, squares, acc, values, blocks, scale, bias, var;
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
  if (perSet(1) + shared() > ub)
    return emitNoTilingError(node, "one row and its statistics",
                             (perSet(1) + shared()) * bytes, machine);
  // Two buffer sets when there is work for two tiles per core and both fit:
  // a tile's copies then overlap the other's vector work. Not with
  // per-channel operands: their copies and the rows' of two tiles would
  // need more mte2 -> v event ids than there are.
  int64_t sets = kind == NormKind::Layer && rows >= 2 * machine.cores &&
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

  int64_t r8 = roundUp(tileRows, 8);
  SmallVector<NormBuffers, 2> buffers;
  for (int64_t i = 0; i < sets; ++i) {
    NormBuffers bf;
    bf.x = allocUB(tileRows * kp);
    if (kind != NormKind::Batch) {
      bf.squares = allocUB(tileRows * kp);
      if (k > lanes)
        bf.acc = allocUB(reduceScratch(tileRows, k));
    }
    bf.values = allocUB(r8);
    bf.blocks = allocUB(r8 * perBlock);
    if (kind != NormKind::Layer) {
      bf.scale = allocUB(r8);
      bf.bias = allocUB(r8);
    }
    if (kind == NormKind::Batch)
      bf.var = allocUB(r8);
    // vbrcb reads whole groups of 8 values: give the lanes past the last
    // row of a tile defined contents once.
    for (Value v : {bf.values, bf.bias, bf.var})
      if (v)
        tile::VDupOp::create(b, loc, b.getF64FloatAttr(0.0), v);
    buffers.push_back(bf);
  }
  // LayerNorm's scale and bias: one row each, re-read for every row.
  Value scaleRow, biasRow;
  if (kind == NormKind::Layer) {
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
    Value xv = view(bf.x, {m, k}, {kp, 1});
    Value xFlat = flat(bf.x, m * kp);
    Value values = flat(bf.values, m);
    auto broadcast = [&](Value from) {
      tile::VBrcbOp::create(
          b, loc, flat(from, roundUp(m, 8)),
          view(bf.blocks, {roundUp(m, 8), perBlock}, {perBlock, 1}));
      return view(bf.blocks, {m, 1}, {perBlock, 1});
    };
    auto loadValues = [&](Value param, Value into) {
      copy(gmTile(param, {c0}, {m}), flat(into, m));
      return flat(into, m);
    };
    copy(gmTile(in2, {r0, index(0)}, {m, k}), xv);
    if (kind == NormKind::Batch) {
      // y = x * a + (bias - mean * a), a = scale / sqrt(var + epsilon).
      Value mean = loadValues(args.mean, bf.values);
      Value a = loadValues(args.var, bf.var);
      Value scale = loadValues(args.scale, bf.scale);
      Value bias = loadValues(args.bias, bf.bias);
      tile::VAddsOp::create(b, loc, a, b.getF64FloatAttr(epsilon), a);
      tile::VRsqrtOp::create(b, loc, a, a);
      tile::VMulOp::create(b, loc, a, scale, a);
      tile::VMulOp::create(b, loc, mean, a, mean);
      tile::VSubOp::create(b, loc, bias, mean, bias);
      tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.var), xv);
      tile::VBcastAddOp::create(b, loc, xv, broadcast(bf.bias), xv);
    } else {
      // Centre the rows, then 1 / sqrt(mean of squares + epsilon).
      reduceRows(Combine::Add, xv, bf.acc, values);
      tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / k), values);
      if (meanOut)
        copy(values, gmTile(meanOut, {r0}, {m}));
      tile::VBcastSubOp::create(b, loc, xv, broadcast(bf.values), xv);
      Value squares = flat(bf.squares, m * kp);
      tile::VMulOp::create(b, loc, xFlat, xFlat, squares);
      reduceRows(Combine::Add, view(bf.squares, {m, k}, {kp, 1}), bf.acc,
                 values);
      tile::VMulsOp::create(b, loc, values, b.getF64FloatAttr(1.0 / k), values);
      tile::VAddsOp::create(b, loc, values, b.getF64FloatAttr(epsilon), values);
      tile::VRsqrtOp::create(b, loc, values, values);
      if (invStdOut)
        copy(values, gmTile(invStdOut, {r0}, {m}));
      if (kind == NormKind::Layer) {
        tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.values), xv);
        tile::VBcastMulOp::create(b, loc, xv, scaleRow, xv);
        if (biasRow)
          tile::VBcastAddOp::create(b, loc, xv, biasRow, xv);
      } else {
        // One multiply per row by scale / std, then the bias.
        tile::VMulOp::create(b, loc, values, loadValues(args.scale, bf.scale),
                             values);
        tile::VBcastMulOp::create(b, loc, xv, broadcast(bf.values), xv);
        loadValues(args.bias, bf.bias);
        tile::VBcastAddOp::create(b, loc, xv, broadcast(bf.bias), xv);
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
