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

#include "tile/TileOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend;

namespace {
/// Emits the vector ops of one tile.
class TileEmitter {
public:
  TileEmitter(OpBuilder &builder, Location loc, int64_t size)
      : builder(builder), loc(loc), size(size) {}

  /// The first `size` elements of a ub buffer.
  Value view(Value buffer) {
    auto type = cast<MemRefType>(buffer.getType());
    if (type.getDimSize(0) == size)
      return buffer;
    return memref::SubViewOp::create(builder, loc, buffer, ArrayRef<int64_t>{0},
                                     ArrayRef<int64_t>{size},
                                     ArrayRef<int64_t>{1});
  }

  template <typename OpT> void binary(Value a, Value b, Value dst) {
    OpT::create(builder, loc, a, b, dst);
  }
  template <typename OpT> void unary(Value a, Value dst) {
    OpT::create(builder, loc, a, dst);
  }
  template <typename OpT> void scalar(Value a, double c, Value dst) {
    OpT::create(builder, loc, a, builder.getF64FloatAttr(c), dst);
  }

  OpBuilder &builder;
  Location loc;
  int64_t size;
};
} // namespace

/// Emits `op` on tile buffers; `operand(i)` gives the buffer of operand i or
/// its splat value.
struct Operand {
  Value buffer;
  std::optional<double> scalar;
};

static LogicalResult emitElementwise(Operation *op, ArrayRef<Operand> in,
                                     Value dst, TileEmitter &e) {
  using namespace tile;
  auto both = [&]() { return in[0].buffer && in[1].buffer; };
  auto nodeError = [&](const Twine &what) {
    return op->emitError() << "cannot lower " << op->getName() << " to "
                           << "vector instructions: " << what;
  };
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](nn::AddOp) -> LogicalResult {
        if (both())
          e.binary<VAddOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VAddsOp>(in[0].buffer, *in[1].scalar, dst);
        else
          e.scalar<VAddsOp>(in[1].buffer, *in[0].scalar, dst);
        return success();
      })
      .Case([&](nn::MulOp) -> LogicalResult {
        if (both())
          e.binary<VMulOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VMulsOp>(in[0].buffer, *in[1].scalar, dst);
        else
          e.scalar<VMulsOp>(in[1].buffer, *in[0].scalar, dst);
        return success();
      })
      .Case([&](nn::SubOp) -> LogicalResult {
        if (both())
          e.binary<VSubOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VAddsOp>(in[0].buffer, -*in[1].scalar, dst);
        else {
          e.scalar<VMulsOp>(in[1].buffer, -1.0, dst);
          e.scalar<VAddsOp>(dst, *in[0].scalar, dst);
        }
        return success();
      })
      .Case([&](nn::DivOp) -> LogicalResult {
        if (both())
          e.binary<VDivOp>(in[0].buffer, in[1].buffer, dst);
        else if (in[0].buffer)
          e.scalar<VMulsOp>(in[0].buffer, 1.0 / *in[1].scalar, dst);
        else {
          e.unary<VRecOp>(in[1].buffer, dst);
          e.scalar<VMulsOp>(dst, *in[0].scalar, dst);
        }
        return success();
      })
      .Case<nn::MaxOp, nn::MinOp>([&](auto minMax) -> LogicalResult {
        bool isMax = isa<nn::MaxOp>(op);
        Value x = in[0].buffer ? in[0].buffer : in[1].buffer;
        std::optional<double> c = in[0].buffer ? in[1].scalar : in[0].scalar;
        if (both()) {
          if (isMax)
            e.binary<VMaxOp>(in[0].buffer, in[1].buffer, dst);
          else
            e.binary<VMinOp>(in[0].buffer, in[1].buffer, dst);
        } else if (isMax) {
          e.scalar<VMaxsOp>(x, *c, dst);
        } else {
          e.scalar<VMinsOp>(x, *c, dst);
        }
        return success();
      })
      .Case([&](nn::ReluOp) {
        e.unary<VReluOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::ExpOp) {
        e.unary<VExpOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::LogOp) {
        e.unary<VLnOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::AbsOp) {
        e.unary<VAbsOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::SqrtOp) {
        e.unary<VSqrtOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::ReciprocalOp) {
        e.unary<VRecOp>(in[0].buffer, dst);
        return success();
      })
      .Case([&](nn::NegOp) {
        e.scalar<VMulsOp>(in[0].buffer, -1.0, dst);
        return success();
      })
      .Case([&](nn::SigmoidOp) {
        // 1 / (1 + exp(-x))
        e.scalar<VMulsOp>(in[0].buffer, -1.0, dst);
        e.unary<VExpOp>(dst, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VRecOp>(dst, dst);
        return success();
      })
      .Case([&](nn::TanhOp) {
        // 2 / (1 + exp(-2x)) - 1
        e.scalar<VMulsOp>(in[0].buffer, -2.0, dst);
        e.unary<VExpOp>(dst, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VRecOp>(dst, dst);
        e.scalar<VMulsOp>(dst, 2.0, dst);
        e.scalar<VAddsOp>(dst, -1.0, dst);
        return success();
      })
      .Case([&](nn::SoftsignOp) {
        // x / (1 + |x|)
        e.unary<VAbsOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.binary<VDivOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::EluOp elu) -> LogicalResult {
        // For 0 < alpha <= 1, alpha * (exp(x) - 1) > x for every x < 0, so
        // elu(x) = max(x, min(alpha * (exp(x) - 1), 0)) needs no select.
        double alpha = elu.getAlphaAttr().getValueAsDouble();
        if (alpha <= 0 || alpha > 1)
          return nodeError("alpha outside (0, 1]");
        e.unary<VExpOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, -1.0, dst);
        e.scalar<VMulsOp>(dst, alpha, dst);
        e.scalar<VMinsOp>(dst, 0.0, dst);
        e.binary<VMaxOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::SoftplusOp) {
        // log(1 + exp(x))
        e.unary<VExpOp>(in[0].buffer, dst);
        e.scalar<VAddsOp>(dst, 1.0, dst);
        e.unary<VLnOp>(dst, dst);
        return success();
      })
      .Case([&](nn::LeakyReluOp leaky) -> LogicalResult {
        double alpha = leaky.getAlphaAttr().getValueAsDouble();
        if (alpha < 0 || alpha > 1)
          return nodeError("alpha outside [0, 1]");
        // max(x, alpha * x) for 0 <= alpha <= 1
        e.scalar<VMulsOp>(in[0].buffer, alpha, dst);
        e.binary<VMaxOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::HardSigmoidOp hard) {
        e.scalar<VMulsOp>(in[0].buffer, hard.getAlphaAttr().getValueAsDouble(),
                          dst);
        e.scalar<VAddsOp>(dst, hard.getBetaAttr().getValueAsDouble(), dst);
        e.scalar<VMaxsOp>(dst, 0.0, dst);
        e.scalar<VMinsOp>(dst, 1.0, dst);
        return success();
      })
      .Case([&](nn::HardSwishOp) {
        e.scalar<VMulsOp>(in[0].buffer, 1.0 / 6.0, dst);
        e.scalar<VAddsOp>(dst, 0.5, dst);
        e.scalar<VMaxsOp>(dst, 0.0, dst);
        e.scalar<VMinsOp>(dst, 1.0, dst);
        e.binary<VMulOp>(in[0].buffer, dst, dst);
        return success();
      })
      .Case([&](nn::ClipOp clip) {
        Value src = in[0].buffer;
        if (auto min = clip.getMinAttr()) {
          e.scalar<VMaxsOp>(src, min.getValueAsDouble(), dst);
          src = dst;
        }
        if (auto max = clip.getMaxAttr()) {
          e.scalar<VMinsOp>(src, max.getValueAsDouble(), dst);
          src = dst;
        }
        if (src != dst)
          e.scalar<VAddsOp>(src, 0.0, dst);
        return success();
      })
      .Default([&](Operation *) { return nodeError("unsupported op"); });
}

static bool isSupportedElementwise(Operation *op) {
  return isa<nn::AddOp, nn::SubOp, nn::MulOp, nn::DivOp, nn::MaxOp, nn::MinOp,
             nn::ReluOp, nn::ExpOp, nn::LogOp, nn::AbsOp, nn::SqrtOp,
             nn::ReciprocalOp, nn::NegOp, nn::SigmoidOp, nn::TanhOp,
             nn::SoftplusOp, nn::SoftsignOp, nn::EluOp, nn::LeakyReluOp,
             nn::HardSigmoidOp, nn::HardSwishOp, nn::ClipOp>(op);
}

FailureOr<func::FuncOp> ascend::buildElementwiseKernel(
    nn::KernelOp kernel, ArrayRef<std::optional<double>> scalars,
    const MachineModel &machine, OpBuilder &builder) {
  Block &body = kernel.getBody().front();
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  // Every value must have the shape of the first result.
  auto shaped = cast<RankedTensorType>(kernel.getResult(0).getType());
  Type elem = shaped.getElementType();
  if (!elem.isF32() && !elem.isF16())
    return kernel.emitError("elementwise kernels on ")
           << elem << " are not supported yet";
  for (Operation &op : body.without_terminator()) {
    if (!isSupportedElementwise(&op))
      return op.emitError()
             << "cannot lower " << op.getName() << " to the tile level yet";
    for (Value operand : op.getOperands()) {
      auto arg = dyn_cast<BlockArgument>(operand);
      bool scalar = arg && scalars[arg.getArgNumber()].has_value();
      if (!scalar && operand.getType() != shaped)
        return op.emitError()
               << "broadcasting " << operand.getType() << " to " << shaped
               << " is not supported at the tile level yet";
    }
    if (op.getResult(0).getType() != shaped)
      return op.emitError("result shape differs from the kernel's");
  }

  int64_t n = shaped.getNumElements();
  int64_t bytes = elem.getIntOrFloatBitWidth() / 8;
  int64_t lanes = 256 / bytes, perBlock = 32 / bytes;
  SmallVector<Value> tensorInputs;
  for (BlockArgument arg : body.getArguments())
    if (!scalars[arg.getArgNumber()])
      tensorInputs.push_back(arg);
  int64_t buffers = tensorInputs.size() + body.getOperations().size() - 1;
  // Tile size: every buffer fits the unified buffer at once.
  int64_t ubBytes = machine.getBuffer(MemorySpace::UB).size;
  int64_t budget = (ubBytes / (buffers * bytes)) / lanes * lanes;
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
  auto space =
      tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::GM);
  auto gmType = [&](Type t) {
    auto tensor = cast<RankedTensorType>(t);
    return MemRefType::get(tensor.getShape(), tensor.getElementType(),
                           MemRefLayoutAttrInterface(), space);
  };
  SmallVector<Type> argTypes;
  for (Value input : tensorInputs)
    argTypes.push_back(gmType(input.getType()));
  for (Type result : kernel.getResultTypes())
    argTypes.push_back(gmType(result));
  Location loc = kernel.getLoc();
  auto func = func::FuncOp::create(builder, loc, kernel.getSymName(),
                                   builder.getFunctionType(argTypes, {}));
  func.setPrivate();
  func->setAttr("tile.kernel", builder.getUnitAttr());
  func->setAttr("tile.block_dim", builder.getI32IntegerAttr(blocks));
  Block *entry = func.addEntryBlock();
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(entry);

  // View every argument as one dimension padded to whole 32-byte blocks:
  // the plan gives every tensor a padded slot, and the tail tile computes on
  // whole blocks.
  int64_t padded = (n + perBlock - 1) / perBlock * perBlock;
  auto flatten = [&](Value memref) -> Value {
    return memref::ReinterpretCastOp::create(
        builder, loc,
        MemRefType::get({padded}, elem, MemRefLayoutAttrInterface(),
                        cast<MemRefType>(memref.getType()).getMemorySpace()),
        memref, /*offset=*/0, ArrayRef<int64_t>{padded}, ArrayRef<int64_t>{1});
  };
  SmallVector<Value> flatArgs;
  for (BlockArgument arg : entry->getArguments())
    flatArgs.push_back(flatten(arg));

  auto ubSpace =
      tile::MemorySpaceAttr::get(builder.getContext(), MemorySpace::UB);
  auto ubType =
      MemRefType::get({tile}, elem, MemRefLayoutAttrInterface(), ubSpace);
  DenseMap<Value, Value> buffer;
  for (Value input : tensorInputs)
    buffer[input] = memref::AllocOp::create(builder, loc, ubType);
  for (Operation &op : body.without_terminator())
    buffer[op.getResult(0)] =
        memref::AllocOp::create(builder, op.getLoc(), ubType);

  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(builder, loc, v);
  };
  Value blockIdx =
      tile::BlockIdxOp::create(builder, loc, builder.getIndexType());

  // One tile at gm element offset `offset`, of `size` elements.
  auto emitTile = [&](Value offset, int64_t size) -> LogicalResult {
    TileEmitter e(builder, loc, size);
    auto gmTile = [&](Value flat) -> Value {
      return memref::SubViewOp::create(
          builder, loc, flat, ArrayRef<OpFoldResult>{offset},
          ArrayRef<OpFoldResult>{builder.getIndexAttr(size)},
          ArrayRef<OpFoldResult>{builder.getIndexAttr(1)});
    };
    for (auto [i, input] : llvm::enumerate(tensorInputs))
      tile::CopyOp::create(builder, input.getLoc(), gmTile(flatArgs[i]),
                           e.view(buffer[input]));
    for (Operation &op : body.without_terminator()) {
      SmallVector<Operand> operands;
      for (Value v : op.getOperands()) {
        auto arg = dyn_cast<BlockArgument>(v);
        if (arg && scalars[arg.getArgNumber()])
          operands.push_back({Value(), scalars[arg.getArgNumber()]});
        else
          operands.push_back({e.view(buffer[v]), std::nullopt});
      }
      TileEmitter opEmitter(builder, op.getLoc(), size);
      if (failed(emitElementwise(&op, operands, e.view(buffer[op.getResult(0)]),
                                 opEmitter)))
        return failure();
    }
    for (auto [i, result] : llvm::enumerate(yield.getValues()))
      tile::CopyOp::create(builder, loc, e.view(buffer[result]),
                           gmTile(flatArgs[tensorInputs.size() + i]));
    return success();
  };

  // Full tiles: t = b + j * B for j < (fullTiles - b + B - 1) / B.
  if (fullTiles > 0) {
    Value count = arith::DivSIOp::create(
        builder, loc,
        arith::AddIOp::create(
            builder, loc,
            arith::SubIOp::create(builder, loc, index(fullTiles), blockIdx),
            index(blocks - 1)),
        index(blocks));
    auto loop = scf::ForOp::create(builder, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard loopGuard(builder);
    builder.setInsertionPointToStart(loop.getBody());
    Value t = arith::AddIOp::create(
        builder, loc,
        arith::MulIOp::create(builder, loc, loop.getInductionVar(),
                              index(blocks)),
        blockIdx);
    Value offset = arith::MulIOp::create(builder, loc, t, index(tile));
    if (failed(emitTile(offset, tile)))
      return failure();
  }
  // The tail runs once, on block fullTiles % B: trip count
  // 1 - min(1, |b - owner|).
  if (tail > 0) {
    Value owner = index(fullTiles % blocks);
    Value d = arith::SubIOp::create(builder, loc, blockIdx, owner);
    Value nd = arith::SubIOp::create(builder, loc, owner, blockIdx);
    Value dist = arith::MaxSIOp::create(builder, loc, d, nd);
    Value count = arith::SubIOp::create(
        builder, loc, index(1),
        arith::MinSIOp::create(builder, loc, dist, index(1)));
    auto loop = scf::ForOp::create(builder, loc, index(0), count, index(1));
    OpBuilder::InsertionGuard loopGuard(builder);
    builder.setInsertionPointToStart(loop.getBody());
    if (failed(emitTile(index(fullTiles * tile), tailTile)))
      return failure();
  }
  func::ReturnOp::create(builder, loc);
  return func;
}
