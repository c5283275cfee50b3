//===- ascend-compile.cpp - Compile an ONNX model to an execution plan ----===//
//
// ascend-compile MODEL.onnx -o MODEL.plan [--input-shape NAME:D0,...]...
//   [--target ascend910] [--precision mixed|fp16|fp32]
//   [--emit nn|fused|tile|isa|asm|plan] [--compile-to PHASE] [--dump-dir DIR]
//   [--debuginfo]
//
//===----------------------------------------------------------------------===//

#include "ascend/Driver/Compiler.h"
#include "ascend/InitAll.h"
#include "ascend/Machine/MachineModel.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ToolOutputFile.h"

#include <CLI/CLI.hpp>

using namespace ascend;

static int fail(const llvm::Twine &message) {
  llvm::errs() << "ascend-compile: error: " << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  CLI::App app{"Compile an ONNX model into an execution plan for the NPU"};
  std::string model, output = "-", target = "ascend910", precision = "mixed";
  std::string emit, compileTo, dumpDir;
  std::vector<std::string> shapes;
  app.add_option("model", model, "ONNX model (.onnx, or .onnxtxt text)")
      ->required();
  app.add_option("-o,--output", output, "Output file ('-' for stdout)");
  app.add_option("--input-shape", shapes,
                 "Static shape for a graph input, NAME:D0,D1,... (repeat)");
  app.add_option("--target", target, "Machine preset");
  app.add_option("--precision", precision, "mixed (default), fp16 or fp32");
  app.add_option("--emit", emit,
                 "What to write: nn, fused, tile, isa, asm or plan (default)");
  app.add_option("--compile-to", compileTo,
                 "Stop after this phase and write it (same names as --emit)");
  app.add_option("--dump-dir", dumpDir, "Write the IR after every phase here");
  bool debugInfo = false;
  app.add_flag("--debuginfo", debugInfo,
               "Print op locations (ONNX node name and op type) in MLIR "
               "outputs and dumps");
  CLI11_PARSE(app, argc, argv);

  CompileOptions options;
  options.target = target;
  for (const std::string &spec : shapes) {
    InputShape shape;
    std::string error;
    if (!parseInputShape(spec, shape, error))
      return fail("--input-shape '" + spec + "': " + error);
    options.inputShapes.push_back(std::move(shape));
  }
  if (llvm::Expected<MachineModel> machine = MachineModel::getPreset(target);
      !machine)
    return fail(llvm::toString(machine.takeError()));
  std::optional<Precision> p = parsePrecision(precision);
  if (!p)
    return fail("--precision must be mixed, fp16 or fp32, not '" + precision +
                "'");
  options.precision = *p;
  if (!emit.empty() && !compileTo.empty() && emit != compileTo)
    return fail("--emit " + emit + " and --compile-to " + compileTo +
                " disagree");
  std::string phaseName = !emit.empty() ? emit : compileTo;
  if (!phaseName.empty()) {
    std::optional<CompilePhase> phase = parseCompilePhase(phaseName);
    if (!phase)
      return fail("unknown phase '" + phaseName +
                  "' (nn, fused, tile, isa, asm or plan)");
    options.stopAfter = *phase;
  }
  options.dumpDir = dumpDir;
  options.debugInfo = debugInfo;
  options.progress = llvm::sys::Process::StandardErrIsDisplayed();

  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();

  bool binary = options.stopAfter == CompilePhase::Plan;
  std::error_code ec;
  auto out = std::make_unique<llvm::ToolOutputFile>(
      output, ec, binary ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_Text);
  if (ec)
    return fail(output + ": " + ec.message());
  if (failed(compileOnnxFile(model, options, context, out->os())))
    return 1;
  out->keep();
  return 0;
}
