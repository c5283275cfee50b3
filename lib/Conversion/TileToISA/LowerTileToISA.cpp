//===- LowerTileToISA.cpp - Emit an isa.plan from a tile program ----------===//

#include "ascend/Conversion/TileToISA.h"

#include "KernelCodegen.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"

namespace ascend {
#define GEN_PASS_DEF_LOWERTILETOISA
#define GEN_PASS_REGISTRATION
#include "Conversion/TileToISA/Passes.h.inc"
} // namespace ascend

using namespace mlir;
using namespace ascend;

namespace {
struct LowerTileToISAPass
    : public ascend::impl::LowerTileToISABase<LowerTileToISAPass> {
  using Base::Base;
  void runOnOperation() override;

  /// Global-memory offset of a value passed to a kernel launch.
  FailureOr<int64_t> getGlobalOffset(Value value, func::FuncOp main);
};
} // namespace

FailureOr<int64_t> LowerTileToISAPass::getGlobalOffset(Value value,
                                                       func::FuncOp main) {
  // A reshaped view starts where its source does.
  while (auto view = value.getDefiningOp<memref::ReinterpretCastOp>())
    value = view.getSource();
  IntegerAttr offset;
  if (auto arg = dyn_cast<BlockArgument>(value))
    offset =
        main.getArgAttrOfType<IntegerAttr>(arg.getArgNumber(), "tile.offset");
  else if (auto alloc = value.getDefiningOp<memref::AllocOp>())
    offset = alloc->getAttrOfType<IntegerAttr>("tile.offset");
  else if (auto global = value.getDefiningOp<memref::GetGlobalOp>())
    if (auto def = SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(
            global, global.getNameAttr()))
      offset = def->getAttrOfType<IntegerAttr>("tile.offset");
  if (!offset)
    return emitError(value.getLoc(),
                     "kernel argument has no planned global-memory offset; "
                     "run ascend-plan-memory first");
  return offset.getInt();
}

void LowerTileToISAPass::runOnOperation() {
  ModuleOp module = getOperation();
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main) {
    module.emitError("expected a func.func @main (see docs/tile-ir.md)");
    return signalPassFailure();
  }
  auto gmSize = main->getAttrOfType<IntegerAttr>("tile.gm_size");
  if (!gmSize) {
    main.emitError("@main has no tile.gm_size; run ascend-plan-memory first");
    return signalPassFailure();
  }
  auto target = module->getAttrOfType<StringAttr>("tile.target");
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  auto plan = isa::PlanOp::create(builder, main.getLoc(),
                                  target ? target.getValue() : "ascend910",
                                  gmSize.getInt());
  plan.getBody().emplaceBlock();
  builder.setInsertionPointToEnd(&plan.getBody().front());

  // Graph inputs and outputs.
  for (BlockArgument arg : main.getArguments()) {
    auto name =
        main.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "tile.name");
    auto kind =
        main.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "tile.kind");
    FailureOr<int64_t> offset = getGlobalOffset(arg, main);
    if (!name || !kind || failed(offset)) {
      main.emitError("argument #")
          << arg.getArgNumber() << " needs tile.name, tile.kind and "
          << "tile.offset";
      return signalPassFailure();
    }
    auto type = cast<MemRefType>(arg.getType());
    isa::TensorOp::create(
        builder, arg.getLoc(), name.getValue(),
        kind.getValue() == "output" ? isa::TensorKind::Output
                                    : isa::TensorKind::Input,
        RankedTensorType::get(type.getShape(), type.getElementType()), *offset);
  }
  // Constants.
  for (auto global : module.getOps<memref::GlobalOp>()) {
    auto offset = global->getAttrOfType<IntegerAttr>("tile.offset");
    auto value = dyn_cast_or_null<ElementsAttr>(global.getInitialValueAttr());
    if (!offset || !value) {
      global.emitError("constant needs an initial value and a planned "
                       "tile.offset");
      return signalPassFailure();
    }
    isa::ConstantOp::create(builder, global.getLoc(), offset.getInt(), value);
  }
  // One isa.kernel per launch, in order.
  llvm::StringMap<unsigned> launches;
  WalkResult walk = main.walk([&](func::CallOp call) {
    auto kernel = module.lookupSymbol<func::FuncOp>(call.getCallee());
    if (!kernel || !kernel->hasAttr("tile.kernel")) {
      call.emitError("@main may only call tile.kernel functions");
      return WalkResult::interrupt();
    }
    SmallVector<int64_t> offsets;
    for (Value operand : call.getOperands()) {
      FailureOr<int64_t> offset = getGlobalOffset(operand, main);
      if (failed(offset))
        return WalkResult::interrupt();
      offsets.push_back(*offset);
    }
    auto blockDim = kernel->getAttrOfType<IntegerAttr>("tile.block_dim");
    unsigned n = launches[kernel.getSymName()]++;
    std::string name = kernel.getSymName().str();
    if (n > 0)
      name += "_" + std::to_string(n);
    auto isaKernel = isa::KernelOp::create(builder, call.getLoc(), name,
                                           blockDim ? blockDim.getInt() : 1);
    isaKernel.getBody().emplaceBlock();
    if (failed(KernelCodegen(kernel, offsets, isaKernel).run()))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return signalPassFailure();

  if (strip) {
    SmallVector<Operation *> tileOps;
    for (Operation &op : *module.getBody())
      if (!llvm::isa<ascend::isa::PlanOp>(op))
        tileOps.push_back(&op);
    for (Operation *op : tileOps)
      op->erase();
    module->removeAttr("tile.target");
  }
}

void ascend::registerTileToISAPasses() { registerLowerTileToISA(); }
