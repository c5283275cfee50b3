//===- BlockSimulator.cpp - One block of a kernel on one core -------------===//

#include "BlockSimulator.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

using namespace ascend;
using namespace ascend::emu;

/// Entries each pipe queue holds before the scalar unit stalls.
static constexpr size_t kQueueDepth = 32;
static constexpr uint64_t kMaxLoopIterations = uint64_t(1) << 32;

static std::array<uint64_t, 6> spaceSizes(const MachineModel &machine) {
  std::array<uint64_t, 6> sizes{};
  for (size_t s = 1; s < 6; ++s)
    sizes[s] = machine.buffers[s].size;
  return sizes;
}

BlockSimulator::BlockSimulator(const Program &program, uint32_t kernelIndex,
                               uint32_t blockIndex, uint32_t activeCores,
                               const GlobalMemory &gm, bool collectTrace)
    : program(program), kernel(program.kernels[kernelIndex]),
      machine(program.machine), kernelIndex(kernelIndex),
      blockIndex(blockIndex), activeCores(activeCores),
      collectTrace(collectTrace), gm(gm),
      sanitizer(spaceSizes(program.machine), program.machine.selfOrderedPipes) {
  for (size_t s = 1; s < 6; ++s)
    memory[s].resize(machine.buffers[s].size);
}

std::string BlockSimulator::describe(const Instruction &inst) const {
  return kernel.describe(inst.index);
}

void BlockSimulator::fail(const std::string &message) {
  if (!result.error)
    result.error = llvm::formatv("block {0}: {1}", blockIndex, message);
}

//===----------------------------------------------------------------------===//
// Scalar unit
//===----------------------------------------------------------------------===//

void BlockSimulator::runScalar() {
  const std::vector<Instruction> &code = kernel.program;
  while (!scalarDone && !scalarWait && !result.error) {
    // Close finished loop iterations first: a loop body ends where pc lands.
    bool jumped = false;
    while (!loops.empty() && pc == loops.back().bodyEnd) {
      if (--loops.back().remaining > 0) {
        pc = loops.back().bodyStart;
        scalarTime += machine.scalar.cyclesPerInstruction;
        jumped = true;
        break;
      }
      loops.pop_back();
    }
    if (jumped) {
      // Bound the work a corrupt or runaway plan can ask for.
      if (++loopIterations > kMaxLoopIterations)
        return fail(llvm::formatv("kernel '{0}' runs more than {1} loop "
                                  "iterations in one block; giving up",
                                  kernel.name, kMaxLoopIterations));
      continue;
    }
    if (pc >= code.size()) {
      scalarDone = true;
      return;
    }
    const Instruction &inst = code[pc];
    if (inst.pipe == Pipe::S) {
      if (!executeScalar(inst))
        return; // blocked or failed; pc stays on the instruction
      ++pc;
      continue;
    }
    // Dispatch into the pipe's queue.
    PipeState &pipe = pipes[static_cast<size_t>(inst.pipe)];
    if (pipe.queue.size() >= kQueueDepth) {
      // Stall until the pipe starts its head and frees a slot.
      stalledOn = static_cast<int>(inst.pipe);
      return;
    }
    Dispatched d{&inst, scalarTime, {}};
    for (int i = 0; i < 4; ++i)
      d.addr[i] = regs[inst.addr[i].base] + inst.addr[i].offset;
    pipe.queue.push_back(d);
    scalarTime += machine.scalar.cyclesPerInstruction;
    ++pc;
  }
}

bool BlockSimulator::executeScalar(const Instruction &inst) {
  const int64_t *imm = inst.imm;
  uint64_t cost = machine.scalar.cyclesPerInstruction;
  switch (inst.opcode) {
  case Opcode::Li:
    regs[imm[0]] = imm[1];
    break;
  case Opcode::SAdd:
    regs[imm[0]] = int64_t(uint64_t(regs[imm[1]]) + uint64_t(regs[imm[2]]));
    break;
  case Opcode::SSub:
    regs[imm[0]] = int64_t(uint64_t(regs[imm[1]]) - uint64_t(regs[imm[2]]));
    break;
  case Opcode::SMul:
    regs[imm[0]] = int64_t(uint64_t(regs[imm[1]]) * uint64_t(regs[imm[2]]));
    break;
  case Opcode::SDiv:
    if (regs[imm[2]] == 0 ||
        (regs[imm[1]] == INT64_MIN && regs[imm[2]] == -1)) {
      fail(describe(inst) + ": division by zero or overflow");
      return false;
    }
    regs[imm[0]] = regs[imm[1]] / regs[imm[2]];
    break;
  case Opcode::SMin:
    regs[imm[0]] = std::min(regs[imm[1]], regs[imm[2]]);
    break;
  case Opcode::SMax:
    regs[imm[0]] = std::max(regs[imm[1]], regs[imm[2]]);
    break;
  case Opcode::SAddI:
    regs[imm[0]] = int64_t(uint64_t(regs[imm[1]]) + uint64_t(imm[2]));
    break;
  case Opcode::SMulI:
    regs[imm[0]] = int64_t(uint64_t(regs[imm[1]]) * uint64_t(imm[2]));
    break;
  case Opcode::GetBlockIdx:
    regs[imm[0]] = blockIndex;
    break;
  case Opcode::GetBlockNum:
    regs[imm[0]] = kernel.blockDim;
    break;
  case Opcode::Loop: {
    int64_t count = regs[imm[0]];
    scalarTime += cost;
    if (count <= 0) {
      pc = inst.bodyEnd - 1; // the caller's ++pc skips the body
      return true;
    }
    loops.push_back({inst.index + 1, inst.bodyEnd, count});
    return true;
  }
  case Opcode::SetFlag: {
    // Issued in the scalar queue: every earlier scalar instruction is done.
    Flag &flag = flags[imm[0]][imm[1]][imm[2]];
    if (flag.set) {
      fail(llvm::formatv("{0}: sets a flag that is already set by {1} and "
                         "not yet waited on",
                         describe(inst), kernel.describe(flag.setter)));
      return false;
    }
    flag = {true, scalarTime + machine.scalar.syncCycles,
            sanitizer.getClock(Pipe::S), inst.index};
    cost = machine.scalar.syncCycles;
    break;
  }
  case Opcode::WaitFlag: {
    Flag &flag = flags[imm[0]][imm[1]][imm[2]];
    if (!flag.set) {
      scalarWait = &inst;
      return false;
    }
    scalarTime = std::max(scalarTime, flag.time);
    sanitizer.join(Pipe::S, flag.clock);
    flag.set = false;
    cost = machine.scalar.syncCycles;
    break;
  }
  case Opcode::Barrier:
    // The scalar unit is in order; nothing to drain.
    break;
  default:
    fail(describe(inst) + ": not a scalar instruction");
    return false;
  }
  scalarTime += cost;
  result.busyCycles[static_cast<size_t>(Pipe::S)] += cost;
  ++result.instructions;
  return true;
}

//===----------------------------------------------------------------------===//
// Pipes
//===----------------------------------------------------------------------===//

std::optional<uint64_t> BlockSimulator::headStart(size_t p) const {
  const PipeState &pipe = pipes[p];
  if (pipe.queue.empty())
    return std::nullopt;
  const Dispatched &d = pipe.queue.front();
  uint64_t start = std::max(d.time, pipe.issueFree);
  switch (d.inst->opcode) {
  case Opcode::WaitFlag: {
    const Flag &flag = flags[d.inst->imm[0]][d.inst->imm[1]][d.inst->imm[2]];
    if (!flag.set)
      return std::nullopt;
    return std::max(start, flag.time);
  }
  case Opcode::Barrier:
    return std::max(start, pipe.lastComplete);
  default:
    return start;
  }
}

void BlockSimulator::executeHead(size_t p, uint64_t start) {
  PipeState &pipe = pipes[p];
  Dispatched d = pipe.queue.front();
  pipe.queue.pop_front();
  if (stalledOn == int(p)) {
    scalarTime = std::max(scalarTime, start);
    stalledOn = -1;
  }
  const Instruction &inst = *d.inst;
  Pipe pipeKind = static_cast<Pipe>(p);
  uint64_t sync = machine.scalar.syncCycles;
  ++result.instructions;

  switch (inst.opcode) {
  case Opcode::SetFlag: {
    Flag &flag = flags[inst.imm[0]][inst.imm[1]][inst.imm[2]];
    if (flag.set) {
      fail(llvm::formatv("{0}: sets a flag that is already set by {1} and "
                         "not yet waited on",
                         describe(inst), kernel.describe(flag.setter)));
      return;
    }
    flag = {true, std::max(start, pipe.lastComplete) + sync,
            sanitizer.getClock(pipeKind), inst.index};
    pipe.issueFree = start + sync;
    break;
  }
  case Opcode::WaitFlag: {
    Flag &flag = flags[inst.imm[0]][inst.imm[1]][inst.imm[2]];
    sanitizer.join(pipeKind, flag.clock);
    flag.set = false;
    pipe.issueFree = start + sync;
    pipe.lastComplete = std::max(pipe.lastComplete, pipe.issueFree);
    // A scalar unit waiting on this pipe's progress may now go on.
    break;
  }
  case Opcode::Barrier:
    sanitizer.barrier(pipeKind);
    pipe.issueFree = start + sync;
    pipe.lastComplete = std::max(pipe.lastComplete, pipe.issueFree);
    break;
  default: {
    uint32_t seq = sanitizer.beginInstruction(pipeKind);
    std::optional<Cost> cost = execute(d, seq);
    if (!cost)
      return;
    if (cost->usesGlobalMemory) {
      start = std::max(start, gmPortFree);
      gmPortFree = start + cost->occupancy;
    }
    pipe.issueFree = start + cost->occupancy;
    pipe.lastComplete =
        std::max(pipe.lastComplete, start + cost->occupancy + cost->latency);
    result.busyCycles[p] += cost->occupancy;
    if (collectTrace)
      result.trace.push_back({kernel.opNames[inst.index], 0, pipeKind, start,
                              cost->occupancy + cost->latency, kernelIndex,
                              blockIndex});
    break;
  }
  }
}

BlockResult BlockSimulator::run() {
  while (!result.error) {
    runScalar();
    if (result.error)
      break;
    // A scalar wait resolves as soon as its flag is set.
    if (scalarWait) {
      const Flag &flag =
          flags[scalarWait->imm[0]][scalarWait->imm[1]][scalarWait->imm[2]];
      if (flag.set) {
        scalarWait = nullptr;
        continue;
      }
    }
    size_t best = kNumPipes;
    uint64_t bestStart = 0;
    for (size_t p = 0; p < kNumPipes; ++p) {
      std::optional<uint64_t> start = headStart(p);
      if (start && (best == kNumPipes || *start < bestStart)) {
        best = p;
        bestStart = *start;
      }
    }
    if (best == kNumPipes)
      break;
    executeHead(best, bestStart);
  }
  if (!result.error)
    finish();
  // A read of never-written bytes is often the first symptom of a missing
  // sync: the late writer then reports the race, which says more.
  if (!result.error && pendingUninitialized)
    result.error = std::move(pendingUninitialized);
  return std::move(result);
}

void BlockSimulator::finish() {
  auto waitingMessage = [&](const Instruction &wait, llvm::StringRef who) {
    return llvm::formatv(
               "{0} waits on flag {1} -> {2}, event {3}, which nothing sets "
               "({4})",
               describe(wait), stringifyPipe(static_cast<Pipe>(wait.imm[0])),
               stringifyPipe(static_cast<Pipe>(wait.imm[1])), wait.imm[2], who)
        .str();
  };
  // Name every blocked wait: the root cause is among them.
  std::string blocked;
  if (scalarWait)
    blocked +=
        "\n  " + waitingMessage(*scalarWait, "the scalar unit is blocked");
  for (size_t p = 0; p < kNumPipes; ++p)
    if (!pipes[p].queue.empty())
      blocked += "\n  " + waitingMessage(
                              *pipes[p].queue.front().inst,
                              llvm::formatv("pipe {0} is blocked with {1} "
                                            "queued",
                                            stringifyPipe(static_cast<Pipe>(p)),
                                            pipes[p].queue.size())
                                  .str());
  if (!blocked.empty())
    return fail("deadlock:" + blocked);
  for (size_t s = 0; s < kNumPipes; ++s)
    for (size_t d = 0; d < kNumPipes; ++d)
      for (size_t e = 0; e < 8; ++e)
        if (flags[s][d][e].set)
          return fail(llvm::formatv(
              "unbalanced flags: the kernel ends with flag {0} -> {1}, "
              "event {2} set by {3} and never waited on",
              stringifyPipe(static_cast<Pipe>(s)),
              stringifyPipe(static_cast<Pipe>(d)), e,
              kernel.describe(flags[s][d][e].setter)));
  result.cycles = scalarTime;
  for (const PipeState &pipe : pipes)
    result.cycles =
        std::max({result.cycles, pipe.lastComplete, pipe.issueFree});
}
