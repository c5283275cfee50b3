//===- Compiler.cpp - ONNX model to execution plan ------------------------===//

#include "ascend/Driver/Compiler.h"

#include "ascend/Conversion/NNToTile.h"
#include "ascend/Conversion/TileToISA.h"
#include "ascend/Target/Plan.h"
#include "ascend/Transforms/FusionPasses.h"
#include "ascend/Transforms/LayoutPasses.h"
#include "ascend/Transforms/MemoryPasses.h"
#include "ascend/Transforms/Passes.h"
#include "ascend/Transforms/SyncPasses.h"
#include "isa/ISAOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Timer.h"

#include <chrono>

using namespace mlir;
using namespace ascend;

namespace {
struct PhaseName {
  llvm::StringLiteral name;
  CompilePhase phase;
};
constexpr PhaseName phaseNames[] = {
    {"nn", CompilePhase::NN},     {"fused", CompilePhase::Fused},
    {"tile", CompilePhase::Tile}, {"isa", CompilePhase::ISA},
    {"asm", CompilePhase::ISA},   {"plan", CompilePhase::Plan}};
} // namespace

std::optional<CompilePhase> ascend::parseCompilePhase(llvm::StringRef name) {
  for (const PhaseName &p : phaseNames)
    if (p.name == name)
      return p.phase;
  return std::nullopt;
}

llvm::StringRef ascend::getCompilePhaseName(CompilePhase phase) {
  for (const PhaseName &p : phaseNames)
    if (p.phase == phase)
      return p.name;
  return "";
}

std::optional<Precision> ascend::parsePrecision(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<Precision>>(name)
      .Case("mixed", Precision::Mixed)
      .Case("fp16", Precision::FP16)
      .Case("fp32", Precision::FP32)
      .Default(std::nullopt);
}

void ascend::buildTileToPlanPipeline(OpPassManager &pm,
                                     const CompileOptions &options) {
  LowerNNToTileOptions lower;
  lower.target = options.target;
  lower.mixedPrecision = options.precision == Precision::Mixed;
  pm.addPass(createLowerNNToTile(lower));
  pm.addPass(createPlanMemory());
  pm.addPass(createInsertSyncPass());
}

namespace {
/// Runs the phases, dumping and reporting as asked.
class PhaseRunner {
public:
  PhaseRunner(const CompileOptions &options, MLIRContext &context)
      : options(options), context(context) {}

  /// Runs `build`'s passes on `module` as phase `phase`.
  LogicalResult run(CompilePhase phase, ModuleOp module,
                    llvm::function_ref<void(OpPassManager &)> build) {
    auto start = std::chrono::steady_clock::now();
    if (build) {
      PassManager pm(&context);
      build(pm);
      if (failed(pm.run(module)))
        return failure();
    }
    report(phase, start);
    return dump(phase, module);
  }

  void report(CompilePhase phase, std::chrono::steady_clock::time_point start) {
    if (!options.progress)
      return;
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
    llvm::errs() << llvm::formatv("ascend-compile: {0,-6} done in {1:F1} ms\n",
                                  getCompilePhaseName(phase), ms);
  }

  LogicalResult dump(CompilePhase phase, ModuleOp module) {
    if (options.dumpDir.empty())
      return success();
    if (std::error_code ec = llvm::sys::fs::create_directories(options.dumpDir))
      return emitError(module.getLoc())
             << options.dumpDir << ": cannot create: " << ec.message();
    llvm::SmallString<128> path(options.dumpDir);
    llvm::sys::path::append(path, llvm::formatv("{0}-{1}.mlir", int(phase) + 1,
                                                getCompilePhaseName(phase))
                                      .str());
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    if (ec)
      return emitError(module.getLoc()) << path << ": " << ec.message();
    module.print(os, printFlags(options));
    return success();
  }

  static OpPrintingFlags printFlags(const CompileOptions &options) {
    OpPrintingFlags flags;
    if (options.debugInfo)
      flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
    return flags;
  }

private:
  const CompileOptions &options;
  MLIRContext &context;
};
} // namespace

LogicalResult ascend::compileOnnxFile(llvm::StringRef path,
                                      const CompileOptions &options,
                                      MLIRContext &context,
                                      llvm::raw_ostream &os) {
  PhaseRunner runner(options, context);
  auto start = std::chrono::steady_clock::now();
  OnnxImportOptions importOptions;
  importOptions.inputShapes = options.inputShapes;
  OwningOpRef<ModuleOp> module = importOnnxFile(path, &context, importOptions);
  if (!module)
    return failure();
  runner.report(CompilePhase::NN, start);
  if (failed(runner.run(CompilePhase::NN, *module, [&](OpPassManager &pm) {
        buildGraphOptPipeline(pm);
        // After graph optimization, so folding sees the f32 weights; before
        // layouts, so every kernel is formed on f16 tensors.
        if (options.precision == Precision::FP16) {
          pm.addNestedPass<func::FuncOp>(createNNToF16());
          // Folds the f16 -> f16 casts left of the model's own f32 casts.
          pm.addPass(createCanonicalizerPass());
        }
      })))
    return failure();

  auto finish = [&](CompilePhase phase) -> LogicalResult {
    if (options.stopAfter != phase)
      return failure();
    module->print(os, PhaseRunner::printFlags(options));
    return success();
  };
  if (succeeded(finish(CompilePhase::NN)))
    return success();

  if (failed(runner.run(CompilePhase::Fused, *module, [&](OpPassManager &pm) {
        pm.addNestedPass<func::FuncOp>(createAssignLayouts());
        pm.addNestedPass<func::FuncOp>(createFuseKernels());
      })))
    return failure();
  if (succeeded(finish(CompilePhase::Fused)))
    return success();

  if (failed(runner.run(CompilePhase::Tile, *module, [&](OpPassManager &pm) {
        buildTileToPlanPipeline(pm, options);
      })))
    return failure();
  if (succeeded(finish(CompilePhase::Tile)))
    return success();

  if (failed(runner.run(CompilePhase::ISA, *module, [&](OpPassManager &pm) {
        pm.addPass(createLowerTileToISA());
      })))
    return failure();
  if (succeeded(finish(CompilePhase::ISA)))
    return success();

  auto plans = module->getOps<isa::PlanOp>();
  if (plans.empty())
    return module->emitError("compilation produced no isa.plan");
  start = std::chrono::steady_clock::now();
  if (failed(plan::writePlan(*plans.begin(), os)))
    return failure();
  runner.report(CompilePhase::Plan, start);
  return success();
}
