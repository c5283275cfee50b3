//===- Emulator.cpp - Run execution plans on the modelled NPU -------------===//

#include "ascend/Emulator/Emulator.h"

#include "BlockSimulator.h"
#include "GlobalMemory.h"
#include "Program.h"

#include "isa/ISAOps.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

using namespace ascend;
using namespace ascend::emu;

static std::string shapeString(llvm::ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

/// Copies constants and inputs into global memory.
static llvm::Error loadInputs(const Program &program,
                              llvm::ArrayRef<TensorData> inputs,
                              GlobalMemory &gm) {
  for (const PlanConstant &constant : program.constants) {
    std::memcpy(gm.data() + constant.offset, constant.bytes.data(),
                constant.bytes.size());
    gm.markInitialized(constant.offset, constant.bytes.size());
  }
  std::vector<bool> provided(inputs.size());
  for (const PlanTensor &tensor : program.tensors) {
    if (!tensor.isInput)
      continue;
    auto it = llvm::find_if(
        inputs, [&](const TensorData &in) { return in.name == tensor.name; });
    if (it == inputs.end())
      return llvm::createStringError(
          llvm::formatv("missing input '{0}' ({1} {2})", tensor.name,
                        tensor.dtype, shapeString(tensor.shape)));
    provided[it - inputs.begin()] = true;
    if (it->dtype != tensor.dtype || it->shape != tensor.shape)
      return llvm::createStringError(
          llvm::formatv("input '{0}' is {1} {2}, but the plan expects {3} {4}",
                        tensor.name, it->dtype, shapeString(it->shape),
                        tensor.dtype, shapeString(tensor.shape)));
    if (it->bytes.size() != tensor.size)
      return llvm::createStringError(
          llvm::formatv("input '{0}' holds {1} bytes, expected {2}",
                        tensor.name, it->bytes.size(), tensor.size));
    std::memcpy(gm.data() + tensor.offset, it->bytes.data(), tensor.size);
    // The slot's padding up to 32 bytes is zero (global memory starts
    // zeroed) and counts as defined: kernels copy whole 32-byte blocks.
    gm.markInitialized(tensor.offset, llvm::alignTo(tensor.size, 32));
  }
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!provided[i]) {
      std::string known;
      for (const PlanTensor &tensor : program.tensors)
        if (tensor.isInput)
          known += (known.empty() ? "" : ", ") + tensor.name;
      return llvm::createStringError(
          llvm::formatv("the plan has no input named '{0}' (inputs: {1})",
                        inputs[i].name, known));
    }
  return llvm::Error::success();
}

/// Blocks of one kernel run concurrently: any byte one block writes and
/// another block reads or writes is a race.
static llvm::Error
checkCrossBlockRaces(const Kernel &kernel,
                     llvm::ArrayRef<std::unique_ptr<BlockSimulator>> blocks) {
  struct Interval {
    uint64_t begin, end;
    uint32_t block;
    bool isWrite;
  };
  std::vector<Interval> intervals;
  for (auto [index, block] : llvm::enumerate(blocks)) {
    GlobalMemoryView &view = block->getGlobalMemory();
    for (auto [b, e] : view.reads)
      intervals.push_back({b, e, uint32_t(index), false});
    for (auto [b, e] : view.writes)
      intervals.push_back({b, e, uint32_t(index), true});
  }
  llvm::sort(intervals, [](const Interval &a, const Interval &b) {
    return std::tie(a.begin, a.block) < std::tie(b.begin, b.block);
  });
  std::vector<Interval> activeWrites, activeReads;
  for (const Interval &iv : intervals) {
    auto prune = [&](std::vector<Interval> &active) {
      llvm::erase_if(active,
                     [&](const Interval &a) { return a.end <= iv.begin; });
    };
    prune(activeWrites);
    prune(activeReads);
    auto conflict =
        [&](const std::vector<Interval> &active) -> std::optional<Interval> {
      for (const Interval &a : active)
        if (a.block != iv.block)
          return a;
      return std::nullopt;
    };
    std::optional<Interval> other = conflict(activeWrites);
    if (!other && iv.isWrite)
      other = conflict(activeReads);
    if (other)
      return llvm::createStringError(llvm::formatv(
          "race between blocks of kernel '{0}': block {1} {2} gm[{3}, {4}) "
          "and block {5} {6} gm[{7}, {8}); blocks run concurrently",
          kernel.name, other->block, other->isWrite ? "writes" : "reads",
          other->begin, other->end, iv.block, iv.isWrite ? "writes" : "reads",
          iv.begin, iv.end));
    (iv.isWrite ? activeWrites : activeReads).push_back(iv);
  }
  return llvm::Error::success();
}

llvm::Expected<RunResult>
ascend::emu::runPlan(isa::PlanOp plan, llvm::ArrayRef<TensorData> inputs,
                     const EmulatorOptions &options) {
  llvm::Expected<Program> decoded = decodePlan(plan);
  if (!decoded)
    return decoded.takeError();
  const Program &program = *decoded;
  const MachineModel &machine = program.machine;

  GlobalMemory gm(program.gmSize);
  if (llvm::Error error = loadInputs(program, inputs, gm))
    return error;

  RunResult run;
  run.target = machine.name;
  run.clockGHz = machine.clockGHz;
  run.cores = machine.cores;
  run.peakMacsPerCycle = machine.getPeakMacsPerCycle();
  llvm::DefaultThreadPool pool(
      llvm::hardware_concurrency(std::max(1u, options.threads)));

  for (uint32_t k = 0; k < program.kernels.size(); ++k) {
    const Kernel &kernel = program.kernels[k];
    uint32_t activeCores = std::min(kernel.blockDim, machine.cores);
    std::vector<std::unique_ptr<BlockSimulator>> sims(kernel.blockDim);
    std::vector<BlockResult> results(kernel.blockDim);
    for (uint32_t b = 0; b < kernel.blockDim; ++b)
      pool.async([&, b] {
        sims[b] = std::make_unique<BlockSimulator>(program, k, b, activeCores,
                                                   gm, options.collectTrace);
        results[b] = sims[b]->run();
      });
    pool.wait();

    for (const BlockResult &r : results)
      if (r.error)
        return llvm::createStringError(*r.error);
    if (llvm::Error error = checkCrossBlockRaces(kernel, sims))
      return error;
    for (const auto &sim : sims)
      sim->getGlobalMemory().commit(gm);

    // Blocks are dealt to cores round robin; a core runs its blocks back to
    // back, and the kernel ends with its slowest core.
    KernelProfile profile;
    profile.name = kernel.name;
    profile.blockDim = kernel.blockDim;
    profile.activeCores = activeCores;
    std::vector<uint64_t> coreTime(activeCores, 0);
    for (uint32_t b = 0; b < kernel.blockDim; ++b) {
      BlockResult &r = results[b];
      uint32_t core = b % activeCores;
      for (TraceEvent event : r.trace) {
        event.core = core;
        event.start += run.totalCycles + coreTime[core];
        run.trace.push_back(std::move(event));
      }
      coreTime[core] += r.cycles;
      profile.add(r);
    }
    profile.cycles = *std::max_element(coreTime.begin(), coreTime.end());
    uint64_t gmBytes = 0;
    for (const auto &[path, bytes] : profile.bytesMoved)
      if (llvm::StringRef(path).contains("gm"))
        gmBytes += bytes;
    double cubeBound =
        profile.cubeFlops / (2.0 * run.peakMacsPerCycle * activeCores);
    double vectorBound = double(profile.vectorRepeats) *
                         machine.vector.repeatCycles / activeCores;
    double memoryBound = gmBytes / machine.hbmBytesPerCycle;
    profile.boundCycles = std::max({cubeBound, vectorBound, memoryBound});
    run.totalCycles += profile.cycles;
    run.kernels.push_back(std::move(profile));
  }

  for (const PlanTensor &tensor : program.tensors) {
    if (tensor.isInput)
      continue;
    TensorData out{tensor.name, tensor.dtype, tensor.shape, {}};
    out.bytes.assign(gm.data() + tensor.offset,
                     gm.data() + tensor.offset + tensor.size);
    run.outputs.push_back(std::move(out));
  }
  return run;
}
