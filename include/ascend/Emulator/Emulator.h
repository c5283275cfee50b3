//===- Emulator.h - Run execution plans on the modelled NPU -----*- C++ -*-===//
//
// The emulator runs an isa.plan and nothing else: it never sees the graph
// the plan came from. Each kernel runs block_dim blocks spread over the
// preset's cores; inside a core the scalar unit dispatches instructions into
// per-pipe in-order queues that run concurrently, ordered only by flags and
// barriers. Results come from executing the instructions on the modelled
// buffers; timing comes from the machine model.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_EMULATOR_EMULATOR_H
#define ASCEND_EMULATOR_EMULATOR_H

#include "common/AscendEnums.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ascend::isa {
class PlanOp;
} // namespace ascend::isa

namespace ascend::emu {

constexpr size_t kNumPipes = 6;

/// A dense row-major tensor crossing the emulator boundary.
struct TensorData {
  std::string name;
  /// numpy-style element type: "f16", "f32", "i32", "i64" or "bool".
  std::string dtype;
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes;
};

struct EmulatorOptions {
  /// Host threads simulating blocks in parallel; results do not depend on it.
  unsigned threads = 1;
  /// Record one trace event per executed instruction.
  bool collectTrace = false;
};

/// Work counted while instructions execute, per block and summed per
/// kernel.
struct WorkCounters {
  /// Cycles each pipe spent executing instructions.
  std::array<uint64_t, kNumPipes> busyCycles{};
  uint64_t instructions = 0;
  /// Cube (2 per multiply-accumulate) plus vector (1 per active lane).
  uint64_t flops = 0;
  uint64_t cubeFlops = 0;
  uint64_t vectorRepeats = 0;
  /// Bytes moved per data path, keyed "gm->ub" etc.
  std::map<std::string, uint64_t> bytesMoved;

  void add(const WorkCounters &other) {
    for (size_t p = 0; p < kNumPipes; ++p)
      busyCycles[p] += other.busyCycles[p];
    instructions += other.instructions;
    flops += other.flops;
    cubeFlops += other.cubeFlops;
    vectorRepeats += other.vectorRepeats;
    for (const auto &[path, bytes] : other.bytesMoved)
      bytesMoved[path] += bytes;
  }
};

/// Where a kernel's time went; the counters are summed over its blocks.
struct KernelProfile : WorkCounters {
  std::string name;
  uint32_t blockDim = 0;
  uint32_t activeCores = 0;
  uint64_t cycles = 0;
  /// Roofline lower bound on cycles: the largest of cube work at peak,
  /// vector repeats at one per cycle, and global-memory traffic at full HBM
  /// bandwidth, each spread over the active cores.
  double boundCycles = 0;
};

/// One instruction's execution interval, for Chrome/Perfetto traces.
struct TraceEvent {
  std::string name;
  uint32_t core;
  Pipe pipe;
  uint64_t start;
  uint64_t duration;
  uint32_t kernel;
  uint32_t block;
};

struct RunResult {
  std::vector<TensorData> outputs;
  std::vector<KernelProfile> kernels;
  uint64_t totalCycles = 0;
  double clockGHz = 1.0;
  double peakMacsPerCycle = 0;
  uint32_t cores = 1;
  std::string target;
  std::vector<TraceEvent> trace;
};

/// Runs `plan` on `inputs` (matched by name, checked against the plan's
/// tensor table). Sanitizer findings and bad inputs are returned as an error
/// whose message names the kernel, block, instruction and source location.
llvm::Expected<RunResult> runPlan(isa::PlanOp plan,
                                  llvm::ArrayRef<TensorData> inputs,
                                  const EmulatorOptions &options);

} // namespace ascend::emu

#endif // ASCEND_EMULATOR_EMULATOR_H
