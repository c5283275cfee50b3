//===- LowerNNToTile.cpp - nn graph to tile-level program -----------------===//

#include "ascend/Conversion/NNToTile.h"

#include "ArgKernel.h"
#include "BroadcastKernel.h"
#include "ConvInputStage.h"
#include "ConvKernel.h"
#include "CubeKernel.h"
#include "ElementwiseKernel.h"
#include "GatherKernel.h"
#include "GmType.h"
#include "LayoutCastKernel.h"
#include "MoveKernel.h"
#include "NormKernel.h"
#include "PackedConstant.h"
#include "PoolKernel.h"
#include "ReductionKernel.h"

#include "nn/NNLayout.h"
#include "nn/NNOps.h"
#include "tile/TileOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"

namespace ascend {
#define GEN_PASS_DEF_LOWERNNTOTILE
#define GEN_PASS_REGISTRATION
#include "Conversion/NNToTile/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;

namespace {
struct LowerNNToTilePass
    : public ascend::impl::LowerNNToTileBase<LowerNNToTilePass> {
  using Base::Base;
  void runOnOperation() override;
};
} // namespace

/// The value of a splat constant, if `value` is one.
static std::optional<double> getSplat(Value value) {
  auto constant = value.getDefiningOp<nn::ConstantOp>();
  if (!constant)
    return std::nullopt;
  auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
  if (!dense || !dense.isSplat() || !isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  return dense.getSplatValue<APFloat>().convertToDouble();
}

/// Whether `kernel` moves no data, its result being a view of its input's
/// buffer: a reshape of a tensor stored in its framework layout, or a layout
/// cast between layouts that store the same bytes in the same order.
static bool isViewKernel(nn::KernelOp kernel) {
  Block &body = kernel.getBody().front();
  if (!llvm::hasSingleElement(body.without_terminator()))
    return false;
  Operation &op = body.front();
  auto yield = cast<nn::YieldOp>(body.getTerminator());
  if (op.getNumOperands() != 1 || !isa<BlockArgument>(op.getOperand(0)) ||
      yield.getValues().size() != 1 || yield.getValues()[0] != op.getResult(0))
    return false;
  auto input = cast<RankedTensorType>(op.getOperand(0).getType());
  auto result = cast<RankedTensorType>(op.getResult(0).getType());
  if (isa<nn::ReshapeOp>(op))
    return !input.getEncoding() && !result.getEncoding();
  return isa<nn::LayoutCastOp>(op) && nn::haveSameStorage(input, result);
}

void LowerNNToTilePass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *context = &getContext();
  auto graph = module.lookupSymbol<func::FuncOp>("main");
  if (!graph) {
    module.emitError("expected a func.func @main holding the graph");
    return signalPassFailure();
  }
  llvm::Expected<MachineModel> machine = MachineModel::getPreset(target);
  if (!machine) {
    module.emitError() << llvm::toString(machine.takeError());
    return signalPassFailure();
  }

  // The new @main: inputs, then one argument per graph output.
  OpBuilder builder(context);
  builder.setInsertionPoint(graph);
  FunctionType graphType = graph.getFunctionType();
  SmallVector<Type> argTypes;
  for (Type t : graphType.getInputs())
    argTypes.push_back(getGmType(t));
  for (Type t : graphType.getResults())
    argTypes.push_back(getGmType(t));
  auto main = func::FuncOp::create(builder, graph.getLoc(), "main_tile",
                                   builder.getFunctionType(argTypes, {}));
  auto name = [&](DictionaryAttr attrs, StringRef fallback) -> Attribute {
    if (attrs)
      if (auto n = attrs.getAs<StringAttr>("nn.name"))
        return n;
    return builder.getStringAttr(fallback);
  };
  unsigned numInputs = graphType.getNumInputs();
  for (unsigned i = 0; i < argTypes.size(); ++i) {
    bool isInput = i < numInputs;
    DictionaryAttr attrs = isInput ? graph.getArgAttrDict(i)
                                   : graph.getResultAttrDict(i - numInputs);
    main.setArgAttr(
        i, "tile.name",
        name(attrs, (isInput ? "input" : "output") + std::to_string(i)));
    main.setArgAttr(i, "tile.kind",
                    builder.getStringAttr(isInput ? "input" : "output"));
  }
  Block *entry = main.addEntryBlock();
  builder.setInsertionPointToStart(entry);

  DenseMap<Value, Value> buffers;
  for (unsigned i = 0; i < numInputs; ++i)
    buffers[graph.getArgument(i)] = entry->getArgument(i);
  // Every graph output needs its own producing kernel: outputs that are
  // graph inputs, constants or repeats of another output get a copy kernel.
  auto returnOp = cast<func::ReturnOp>(graph.getBody().front().getTerminator());
  {
    OpBuilder graphBuilder(returnOp);
    llvm::SmallPtrSet<Value, 8> seen;
    for (OpOperand &operand : returnOp->getOpOperands()) {
      Value v = operand.get();
      auto producer = dyn_cast_or_null<nn::KernelOp>(v.getDefiningOp());
      if (producer && !isViewKernel(producer) && seen.insert(v).second)
        continue;
      auto copy = nn::KernelOp::create(
          graphBuilder, v.getLoc(), TypeRange{v.getType()},
          "copy_output" + std::to_string(operand.getOperandNumber()),
          ValueRange{v});
      Block *body = graphBuilder.createBlock(&copy.getBody());
      body->addArgument(v.getType(), v.getLoc());
      nn::YieldOp::create(graphBuilder, v.getLoc(), body->getArguments());
      graphBuilder.setInsertionPoint(returnOp);
      operand.set(copy.getResult(0));
    }
  }
  // Values returned by the graph are computed straight into the outputs.
  DenseMap<Value, Value> outputs;
  for (auto [i, v] : llvm::enumerate(returnOp.getOperands()))
    if (!outputs.count(v))
      outputs[v] = entry->getArgument(numInputs + i);

  SymbolTable symbols(module);
  // Shareable staged workspaces by (graph value, workspace type).
  DenseMap<std::pair<Value, Type>, Value> stagedCopies;
  // Values that a mixed-precision conv reads as an f16 copy: a conv kernel
  // computing one writes the copy too (it is then a staged workspace that
  // the readers share) and no stage kernel re-reads the f32 result.
  // Likewise a cube kernel computing a product's A.
  llvm::DenseSet<Value> readAsF16, readAsF16A;
  for (auto kernel : graph.getBody().getOps<nn::KernelOp>()) {
    if (isConvKernel(kernel)) {
      if (std::optional<unsigned> x = getConvF16Input(kernel, mixedPrecision))
        readAsF16.insert(kernel.getInputs()[*x]);
    } else if (isCubeKernel(kernel)) {
      if (std::optional<unsigned> a = getCubeF16Input(kernel, mixedPrecision))
        readAsF16A.insert(kernel.getInputs()[*a]);
    }
  }
  unsigned constants = 0;
  // Constants become gm globals when a kernel first needs them: splats
  // travel as immediates and cube weights are repacked, so the original
  // data may never be needed.
  auto addGlobal = [&](Location loc, MemRefType type, Attribute data) -> Value {
    OpBuilder moduleBuilder = OpBuilder::atBlockBegin(module.getBody());
    auto global = memref::GlobalOp::create(
        moduleBuilder, loc, "cst" + std::to_string(constants++),
        builder.getStringAttr("private"), type, data,
        /*constant=*/true, IntegerAttr());
    symbols.insert(global);
    return memref::GetGlobalOp::create(builder, loc, type, global.getSymName());
  };
  // Whether the input a mixed-precision conv (cube) kernel reads as f16 has
  // its f16 copy already (from a stage kernel or the kernel computing it).
  auto hasF16Copy = [&](nn::KernelOp kernel) {
    bool conv = isConvKernel(kernel);
    std::optional<unsigned> x = conv ? getConvF16Input(kernel, mixedPrecision)
                                     : getCubeF16Input(kernel, mixedPrecision);
    if (!x)
      return false;
    Value input = kernel.getInputs()[*x];
    auto type = dyn_cast<RankedTensorType>(input.getType());
    if (!type || (conv && nn::getLayout(type) != nn::Layout::NC1HWC0))
      return false;
    Type copy = conv ? getConvInputStageType(getGmType(type))
                     : getCubeStageType(type, builder.getF16Type());
    return stagedCopies.count({input, copy}) != 0;
  };
  auto lookup = [&](Value value) -> Value {
    if (Value buffer = buffers.lookup(value))
      return buffer;
    auto constant = value.getDefiningOp<nn::ConstantOp>();
    if (!constant)
      return Value();
    // Packed constants (folded layout casts) are stored in their packed
    // order.
    Value global = addGlobal(constant.getLoc(), getGmType(constant.getType()),
                             getStoredData(constant.getValue()));
    buffers[value] = global;
    return global;
  };
  for (Operation &op : graph.getBody().front()) {
    if (isa<nn::ConstantOp>(op))
      continue;
    if (isa<func::ReturnOp>(op))
      break;
    auto kernel = dyn_cast<nn::KernelOp>(op);
    if (!kernel) {
      op.emitError("only nn.kernel and nn.constant may appear in the graph "
                   "when lowering to tile; run ascend-fuse first");
      return signalPassFailure();
    }
    if (isViewKernel(kernel)) {
      Value source = lookup(kernel.getInputs()[0]);
      MemRefType type = getGmType(kernel.getResult(0).getType());
      SmallVector<int64_t> strides(type.getRank(), 1);
      for (int64_t i = type.getRank() - 2; i >= 0; --i)
        strides[i] = strides[i + 1] * type.getDimSize(i + 1);
      buffers[kernel.getResult(0)] = memref::ReinterpretCastOp::create(
          builder, kernel.getLoc(), type, source, /*offset=*/0, type.getShape(),
          strides);
      continue;
    }
    SmallVector<std::optional<double>> scalars;
    for (Value input : kernel.getInputs())
      scalars.push_back(getSplat(input));
    SmallVector<Value> args;
    // A further output after the results (a conv's f16 copy).
    Value f16Copy;
    OpBuilder moduleBuilder = OpBuilder::atBlockEnd(module.getBody());
    FailureOr<func::FuncOp> tileKernel = failure();
    if (isGatherKernel(kernel)) {
      FailureOr<GatherKernel> gather =
          buildGatherKernel(kernel, *machine, moduleBuilder);
      if (failed(gather))
        return signalPassFailure();
      tileKernel = gather->func;
      for (Value input : kernel.getInputs())
        args.push_back(lookup(input));
      args.push_back(
          addGlobal(kernel.getLoc(), gather->tablesType, gather->tables));
    } else if (isLayoutCastKernel(kernel)) {
      tileKernel = buildLayoutCastKernel(kernel, *machine, moduleBuilder);
      if (failed(tileKernel))
        return signalPassFailure();
      args.push_back(lookup(kernel.getInputs()[0]));
    } else if (isPoolKernel(kernel)) {
      FailureOr<PoolKernel> pool =
          buildPoolKernel(kernel, *machine, moduleBuilder);
      if (failed(pool))
        return signalPassFailure();
      tileKernel = pool->func;
      args.push_back(lookup(kernel.getInputs()[0]));
      if (pool->divisors)
        args.push_back(addGlobal(kernel.getLoc(), pool->divisors->first,
                                 pool->divisors->second));
    } else if (isConvKernel(kernel) || isCubeKernel(kernel)) {
      FailureOr<CubeKernel> cube =
          isConvKernel(kernel)
              ? buildConvKernel(kernel, scalars, *machine, mixedPrecision,
                                readAsF16.contains(kernel.getResult(0)),
                                hasF16Copy(kernel), moduleBuilder)
              : buildCubeKernel(kernel, scalars, *machine, mixedPrecision,
                                readAsF16A.contains(kernel.getResult(0)),
                                hasF16Copy(kernel), moduleBuilder);
      if (failed(cube))
        return signalPassFailure();
      tileKernel = cube->func;
      if (cube->f16Copy) {
        f16Copy =
            memref::AllocOp::create(builder, kernel.getLoc(), cube->f16Copy);
        stagedCopies[{kernel.getResult(0), cube->f16Copy}] = f16Copy;
      }
      for (const CubeKernelArg &arg : cube->args) {
        switch (arg.kind) {
        case CubeKernelArg::Kind::Input:
          args.push_back(lookup(kernel.getInputs()[arg.input]));
          break;
        case CubeKernelArg::Kind::Constant:
          args.push_back(addGlobal(kernel.getLoc(), arg.type, arg.data));
          break;
        case CubeKernelArg::Kind::Workspace:
          args.push_back(
              memref::AllocOp::create(builder, kernel.getLoc(), arg.type));
          break;
        }
      }
      // Staging kernels fill workspaces from inputs before the launch.
      for (CubePrelude &stage : cube->prelude) {
        Value input = kernel.getInputs()[stage.input];
        std::pair<Value, Type> key{input, args[stage.arg].getType()};
        if (stage.shareable) {
          // Two convs reading one tensor convert it once.
          if (Value copy = stagedCopies.lookup(key)) {
            args[stage.arg].getDefiningOp()->erase();
            args[stage.arg] = copy;
            stage.func.erase();
            continue;
          }
          stagedCopies[key] = args[stage.arg];
        }
        symbols.insert(stage.func);
        func::CallOp::create(builder, kernel.getLoc(), stage.func,
                             ValueRange{lookup(kernel.getInputs()[stage.input]),
                                        args[stage.arg]});
      }
    } else if (isMoveKernel(kernel) || isNormKernel(kernel) ||
               isReductionKernel(kernel) || isArgKernel(kernel)) {
      // Move and row kernels take every input as a gm buffer.
      if (isArgKernel(kernel))
        tileKernel = buildArgKernel(kernel, *machine, moduleBuilder);
      else if (isMoveKernel(kernel))
        tileKernel = buildMoveKernel(kernel, *machine, moduleBuilder);
      else if (isNormKernel(kernel))
        tileKernel = buildNormKernel(kernel, *machine, moduleBuilder);
      else
        tileKernel = buildReductionKernel(kernel, *machine, moduleBuilder);
      if (failed(tileKernel))
        return signalPassFailure();
      for (Value input : kernel.getInputs())
        args.push_back(lookup(input));
    } else {
      tileKernel =
          hasBroadcast(kernel, scalars)
              ? buildBroadcastKernel(kernel, scalars, *machine, moduleBuilder)
              : buildElementwiseKernel(kernel, scalars, *machine,
                                       moduleBuilder);
      if (failed(tileKernel))
        return signalPassFailure();
      for (auto [input, scalar] : llvm::zip(kernel.getInputs(), scalars))
        if (!scalar)
          args.push_back(lookup(input));
    }
    for (Value result : kernel.getResults()) {
      Value out = outputs.lookup(result);
      if (!out)
        out = memref::AllocOp::create(builder, kernel.getLoc(),
                                      getGmType(result.getType()));
      buffers[result] = out;
      args.push_back(out);
    }
    if (f16Copy)
      args.push_back(f16Copy);
    symbols.insert(*tileKernel);
    func::CallOp::create(builder, kernel.getLoc(), *tileKernel, args);
  }
  func::ReturnOp::create(builder, graph.getLoc());
  graph.erase();
  main.setSymName("main");
  module->setAttr("tile.target", builder.getStringAttr(target));
}

void ascend::registerNNToTilePasses() { registerLowerNNToTile(); }
