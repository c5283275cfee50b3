//===- BlockSimulator.h - One block of a kernel on one core -----*- C++ -*-===//
//
// The scalar unit walks the program in order, runs scalar instructions itself
// and dispatches the rest into bounded in-order queues, one per pipe. Pipes
// run concurrently: the simulator repeatedly starts the queue head that can
// start earliest. set_flag completes once every earlier instruction of its
// pipe has completed; wait_flag holds its queue until the flag is set and
// then clears it; barrier holds its pipe until the pipe drains. Within a pipe
// an instruction may start while the previous one is still completing
// (occupancy vs. latency), which is why same-pipe dependences need barriers.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_EMULATOR_BLOCKSIMULATOR_H
#define ASCEND_LIB_EMULATOR_BLOCKSIMULATOR_H

#include "GlobalMemory.h"
#include "Program.h"
#include "Sanitizer.h"

#include <deque>
#include <optional>

namespace ascend::emu {

/// What one block did.
struct BlockResult : WorkCounters {
  uint64_t cycles = 0;
  std::vector<TraceEvent> trace;
  /// The first sanitizer finding; the block stops there.
  std::optional<std::string> error;
};

class BlockSimulator {
public:
  BlockSimulator(const Program &program, uint32_t kernelIndex,
                 uint32_t blockIndex, uint32_t activeCores,
                 const GlobalMemory &gm, bool collectTrace);

  BlockResult run();

  /// The block's global-memory writes, to commit after the kernel.
  GlobalMemoryView &getGlobalMemory() { return gm; }

private:
  /// An instruction in a pipe queue, its addresses resolved at dispatch.
  struct Dispatched {
    const Instruction *inst;
    uint64_t time;
    int64_t addr[4];
  };
  struct PipeState {
    std::deque<Dispatched> queue;
    uint64_t issueFree = 0;
    uint64_t lastComplete = 0;
  };
  struct Flag {
    bool set = false;
    uint64_t time = 0;
    VectorClock clock{};
    uint32_t setter = 0;
  };
  struct LoopFrame {
    uint32_t bodyStart, bodyEnd;
    int64_t remaining;
  };

  // Scalar unit.
  void runScalar();
  bool executeScalar(const Instruction &inst);

  // Pipes.
  /// Earliest start of the head of `pipe`'s queue, if it can start.
  std::optional<uint64_t> headStart(size_t pipe) const;
  void executeHead(size_t pipe, uint64_t start);
  void finish();

  // Data instructions (Execute.cpp). Each checks and records its accesses,
  // computes its result and returns its occupancy and latency.
  struct Cost {
    uint64_t occupancy;
    uint64_t latency;
    /// The transfer moves global-memory bytes: its occupancy holds the
    /// core's global-memory port.
    bool usesGlobalMemory = false;
  };
  std::optional<Cost> execute(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeCopy(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeCopyPad(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeBrcb(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeLoad2d(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeLoad3d(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeL0CToUB(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeMmad(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeVector(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeTranspose(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeNchwConv(const Dispatched &d, uint32_t seq);
  std::optional<Cost> executeGather(const Dispatched &d, uint32_t seq);

  /// Checks bounds and records the access; null (with error set) on failure.
  uint8_t *access(const Dispatched &d, uint32_t seq, MemorySpace space,
                  int64_t address, int64_t length, bool isWrite);
  /// Copy cost through the preset's data path from `src` to `dst`.
  Cost transferCost(MemorySpace src, MemorySpace dst, uint64_t bytes);

  void fail(const std::string &message);
  std::string describe(const Instruction &inst) const;

  const Program &program;
  const Kernel &kernel;
  const MachineModel &machine;
  uint32_t kernelIndex, blockIndex, activeCores;
  bool collectTrace;

  GlobalMemoryView gm;
  std::array<std::vector<uint8_t>, 6> memory;
  Sanitizer sanitizer;
  std::array<PipeState, kNumPipes> pipes;
  /// When the core's share of HBM bandwidth is next free: MTE2 and MTE3
  /// transfers to or from global memory take turns on it.
  uint64_t gmPortFree = 0;
  Flag flags[kNumPipes][kNumPipes][8];

  // Scalar unit state.
  int64_t regs[32] = {};
  uint32_t pc = 0;
  std::vector<LoopFrame> loops;
  uint64_t scalarTime = 0;
  uint64_t loopIterations = 0;
  /// The pipe whose full queue stalls the scalar unit, or -1.
  int stalledOn = -1;
  bool scalarDone = false;
  /// Set while the scalar unit waits on a flag towards pipe S.
  const Instruction *scalarWait = nullptr;

  BlockResult result;
  std::optional<std::string> pendingUninitialized;
};

} // namespace ascend::emu

#endif // ASCEND_LIB_EMULATOR_BLOCKSIMULATOR_H
