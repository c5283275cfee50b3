//===- ascend-run.cpp - Run an execution plan on the emulator -------------===//
//
// ascend-run PLAN --input NAME=FILE.npy... --output-dir DIR [--profile]
//            [--profile-json FILE] [--trace FILE.json] [--threads N]
//
// PLAN is a binary plan or its textual isa form (.mlir).
//
//===----------------------------------------------------------------------===//

#include "ascend/Emulator/Emulator.h"
#include "ascend/Emulator/Report.h"
#include "ascend/InitAll.h"
#include "ascend/Support/Npy.h"
#include "ascend/Target/Plan.h"
#include "isa/ISAOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

using namespace ascend;

namespace {
struct Options {
  std::string plan;
  std::vector<std::string> inputs;
  std::string outputDir;
  bool profile = false;
  std::string profileJson;
  std::string trace;
  unsigned threads = 1;
};
} // namespace

static int fail(const llvm::Twine &message) {
  llvm::errs() << "ascend-run: error: " << message << "\n";
  return 1;
}

/// Parses the textual form and returns its single isa.plan.
static mlir::OwningOpRef<mlir::ModuleOp>
loadTextPlan(llvm::SourceMgr &sourceMgr, mlir::MLIRContext &context,
             isa::PlanOp &plan) {
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  if (!module)
    return nullptr;
  auto plans = module->getOps<isa::PlanOp>();
  if (std::distance(plans.begin(), plans.end()) != 1) {
    mlir::emitError(module->getLoc(), "expected exactly one isa.plan");
    return nullptr;
  }
  plan = *plans.begin();
  return module;
}

static llvm::Error writeFile(llvm::StringRef path,
                             llvm::function_ref<void(llvm::raw_ostream &)> fn) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return llvm::createStringError(path + ": cannot write: " + ec.message());
  fn(os);
  return llvm::Error::success();
}

static int run(const Options &options) {
  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();

  auto buffer = llvm::MemoryBuffer::getFile(options.plan, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer)
    return fail(options.plan + ": cannot read: " + buffer.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  isa::PlanOp plan;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::OwningOpRef<isa::PlanOp> binaryPlan;
  llvm::StringRef bytes =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())->getBuffer();
  if (plan::hasPlanMagic(bytes)) {
    binaryPlan = plan::readPlan(bytes, options.plan, &context);
    if (!binaryPlan)
      return 1;
    plan = *binaryPlan;
  } else {
    module = loadTextPlan(sourceMgr, context, plan);
    if (!module)
      return 1;
  }

  std::vector<emu::TensorData> inputs;
  for (const std::string &spec : options.inputs) {
    auto [name, file] = llvm::StringRef(spec).split('=');
    if (name.empty() || file.empty())
      return fail("--input expects NAME=FILE.npy, got '" + spec + "'");
    llvm::Expected<NpyArray> array = readNpyFile(file);
    if (!array)
      return fail(llvm::toString(array.takeError()));
    inputs.push_back(
        {name.str(), array->dtype, array->shape, std::move(array->bytes)});
  }

  emu::EmulatorOptions emuOptions;
  emuOptions.threads = options.threads;
  emuOptions.collectTrace = !options.trace.empty();
  llvm::Expected<emu::RunResult> result =
      emu::runPlan(plan, inputs, emuOptions);
  if (!result)
    return fail(options.plan + ": " + llvm::toString(result.takeError()));

  if (!options.outputDir.empty()) {
    if (std::error_code ec =
            llvm::sys::fs::create_directories(options.outputDir))
      return fail(options.outputDir + ": cannot create: " + ec.message());
    for (const emu::TensorData &out : result->outputs) {
      llvm::SmallString<128> path(options.outputDir);
      llvm::sys::path::append(path, out.name + ".npy");
      if (llvm::Error error =
              writeNpyFile(path, {out.dtype, out.shape, out.bytes}))
        return fail(llvm::toString(std::move(error)));
    }
  }
  if (options.profile)
    emu::printProfile(*result, llvm::errs());
  if (!options.profileJson.empty())
    if (llvm::Error error =
            writeFile(options.profileJson, [&](llvm::raw_ostream &os) {
              os << llvm::formatv("{0:2}\n", emu::profileToJSON(*result));
            }))
      return fail(llvm::toString(std::move(error)));
  if (!options.trace.empty())
    if (llvm::Error error =
            writeFile(options.trace, [&](llvm::raw_ostream &os) {
              emu::writeChromeTrace(*result, os);
            }))
      return fail(llvm::toString(std::move(error)));
  return 0;
}

int main(int argc, char **argv) {
  CLI::App app{"Run an ascend-compiler execution plan on the NPU emulator"};
  Options options;
  app.add_option("plan", options.plan, "Plan file (binary, or isa .mlir)")
      ->required();
  app.add_option("--input", options.inputs,
                 "Graph input as NAME=FILE.npy (repeat for each input)");
  app.add_option("--output-dir", options.outputDir,
                 "Directory for <output name>.npy files");
  app.add_flag("--profile", options.profile,
               "Print cycles, pipe utilization and roofline per kernel");
  app.add_option("--profile-json", options.profileJson,
                 "Write the profile as JSON");
  app.add_option("--trace", options.trace,
                 "Write a Chrome trace / Perfetto timeline (JSON)");
  app.add_option("--threads", options.threads,
                 "Host threads simulating blocks (results do not depend on it)")
      ->check(CLI::Range(1u, 1024u));
  CLI11_PARSE(app, argc, argv);
  return run(options);
}
