//===- EmulatorBenchmark.cpp - How fast the emulator runs plans -----------===//
//
// Two figures: instructions emulated per host second on a vector-heavy
// kernel, and simulated cube multiply-accumulates per host second on a large
// matmul kernel. Run: build/bin/ascend-bench
//
//===----------------------------------------------------------------------===//

#include "ascend/Emulator/Emulator.h"
#include "ascend/InitAll.h"
#include "isa/ISAOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <benchmark/benchmark.h>

using namespace ascend;

namespace {
/// A parsed plan and its inputs, prepared outside the timed region.
struct Fixture {
  explicit Fixture(const std::string &source) {
    mlir::DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    if (module)
      plan = *module->getOps<isa::PlanOp>().begin();
  }
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  isa::PlanOp plan;
};

/// `text` with @COUNT@ replaced by `count` (the plans are full of braces,
/// which formatv would take for replacements).
std::string withCount(llvm::StringRef text, int64_t count) {
  auto [head, tail] = text.split("@COUNT@");
  return (head + llvm::Twine(count) + tail).str();
}

emu::RunResult runOrAbort(benchmark::State &state, Fixture &fixture,
                          const std::vector<emu::TensorData> &inputs) {
  if (!fixture.plan) {
    state.SkipWithError("the benchmark's plan does not parse");
    return {};
  }
  llvm::Expected<emu::RunResult> result =
      emu::runPlan(fixture.plan, inputs, emu::EmulatorOptions());
  if (!result) {
    state.SkipWithError(llvm::toString(result.takeError()).c_str());
    return {};
  }
  return std::move(*result);
}
} // namespace

/// A loop of vector adds (8 repeats each) separated by barriers.
static void BM_VectorInstructions(benchmark::State &state) {
  int64_t iterations = state.range(0);
  Fixture fixture(withCount(R"mlir(
    isa.plan "ascend910" gm_size 4096 {
      isa.tensor "x" input tensor<1280xf16> at 0
      isa.kernel @vector_loop block_dim 1 {
        isa.li r0, 0
        isa.li r1, @COUNT@
        isa.copy ub[r0], gm[r0], nburst 1, len 80, src_gap 0, dst_gap 0
        isa.set_flag mte2 -> v, 0
        isa.wait_flag mte2 -> v, 0
        isa.loop r1 {
          isa.vadd ub[r0 + 4096], ub[r0], ub[r0 + 256], f16, repeat 8, mask 128, blk[1, 1, 1], rep[8, 8, 8]
          isa.barrier v
        }
      }
    })mlir",
                            iterations));
  emu::TensorData x{"x", "f16", {1280}, std::vector<uint8_t>(2560, 0)};
  uint64_t instructions = 0;
  for (auto _ : state) {
    emu::RunResult run = runOrAbort(state, fixture, {x});
    if (run.kernels.empty())
      break;
    instructions = run.kernels[0].instructions;
  }
  state.counters["instructions/s"] = benchmark::Counter(
      double(instructions), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_VectorInstructions)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// Repeated 128 x 256 x 128 f16 mmads accumulating into L0C.
static void BM_CubeMatmul(benchmark::State &state) {
  int64_t iterations = state.range(0);
  Fixture fixture(withCount(R"mlir(
    isa.plan "ascend910" gm_size 131072 {
      isa.tensor "a" input tensor<32768xf16> at 0
      isa.tensor "b" input tensor<32768xf16> at 65536
      isa.kernel @matmul_loop block_dim 1 {
        isa.li r0, 0
        isa.li r1, @COUNT@
        isa.copy l1[r0], gm[r0], nburst 1, len 2048, src_gap 0, dst_gap 0
        isa.copy l1[r0 + 65536], gm[r0 + 65536], nburst 1, len 2048, src_gap 0, dst_gap 0
        isa.set_flag mte2 -> mte1, 0
        isa.wait_flag mte2 -> mte1, 0
        isa.load2d l0a[r0], l1[r0], count 128, src_stride 1, f16
        isa.load2d l0b[r0], l1[r0 + 65536], count 128, src_stride 1, f16
        isa.set_flag mte1 -> m, 0
        isa.wait_flag mte1 -> m, 0
        isa.mmad l0c[r0], l0a[r0], l0b[r0], m 128, k 256, n 128, f16 init
        isa.loop r1 {
          isa.mmad l0c[r0], l0a[r0], l0b[r0], m 128, k 256, n 128, f16
        }
      }
    })mlir",
                            iterations));
  std::vector<uint8_t> ones(65536);
  for (size_t i = 0; i < ones.size(); i += 2) {
    ones[i] = 0x00;
    ones[i + 1] = 0x3c; // fp16 1.0
  }
  emu::TensorData a{"a", "f16", {32768}, ones}, b{"b", "f16", {32768}, ones};
  uint64_t macs = 0, cycles = 0;
  for (auto _ : state) {
    emu::RunResult run = runOrAbort(state, fixture, {a, b});
    if (run.kernels.empty())
      break;
    macs = run.kernels[0].flops / 2;
    cycles = run.totalCycles;
  }
  state.counters["MACs/s"] = benchmark::Counter(
      double(macs), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["simulated_cycles"] = double(cycles);
}
BENCHMARK(BM_CubeMatmul)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
