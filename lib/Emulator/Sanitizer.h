//===- Sanitizer.h - Race and initialization checks -------------*- C++ -*-===//
//
// Always on. Every instruction's memory accesses are checked, per 32-byte
// granule, against the last writer and the last reader on each pipe:
//
// - cross-pipe: an access by pipe Q to bytes last written (or, for a write,
//   last read) by pipe P != Q must be ordered after that access through a
//   chain of set_flag/wait_flag, tracked with vector clocks;
// - same pipe: a read or write of bytes the same pipe last wrote needs a
//   barrier on that pipe in between (instructions of one pipe overlap),
//   except on pipes the machine model lists as self-ordered (the cube);
// - reads of bytes nothing wrote are errors.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_EMULATOR_SANITIZER_H
#define ASCEND_LIB_EMULATOR_SANITIZER_H

#include "ascend/Emulator/Emulator.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ascend::emu {

using VectorClock = std::array<uint32_t, kNumPipes>;

/// Access history of one granule.
struct GranuleState {
  uint32_t writeSeq = 0;
  uint32_t writeInst = 0;
  uint8_t writePipe = 0;
  bool written = false;
  std::array<uint32_t, kNumPipes> readSeq{};
  std::array<uint32_t, kNumPipes> readInst{};
};

/// A conflicting earlier access found by a check.
struct Conflict {
  enum Kind { Uninitialized, Race, SamePipeHazard } kind;
  Pipe otherPipe;
  uint32_t otherInst;
  bool otherWasWrite;
  uint64_t granule;
};

/// Happens-before state of one core and the access history of its memory.
class Sanitizer {
public:
  Sanitizer(const std::array<uint64_t, 6> &spaceSizes,
            llvm::ArrayRef<Pipe> selfOrderedPipes);

  /// Starts an instruction on `pipe`; returns its sequence number.
  uint32_t beginInstruction(Pipe pipe) {
    return ++clocks[index(pipe)][index(pipe)];
  }
  const VectorClock &getClock(Pipe pipe) const { return clocks[index(pipe)]; }
  /// wait_flag: `pipe` learns everything the flag's setter knew.
  void join(Pipe pipe, const VectorClock &other);
  /// barrier: later instructions of `pipe` see all earlier ones.
  void barrier(Pipe pipe) {
    barrierSeq[index(pipe)] = clocks[index(pipe)][index(pipe)];
  }

  /// Checks and records an access of instruction `inst` (sequence `seq` on
  /// `pipe`) to bytes [begin, end) of `space`. `initialized` tells whether
  /// global-memory granules hold data from before the kernel.
  template <typename InitFn>
  std::optional<Conflict>
  access(MemorySpace space, uint64_t begin, uint64_t end, bool isWrite,
         Pipe pipe, uint32_t seq, uint32_t inst, InitFn initialized);

private:
  static size_t index(Pipe pipe) { return static_cast<size_t>(pipe); }
  GranuleState &state(MemorySpace space, uint64_t granule);

  std::array<VectorClock, kNumPipes> clocks{};
  std::array<uint32_t, kNumPipes> barrierSeq{};
  std::array<bool, kNumPipes> selfOrdered{};
  std::array<std::vector<GranuleState>, 6> onChip;
  std::unordered_map<uint64_t, GranuleState> global;
};

template <typename InitFn>
std::optional<Conflict>
Sanitizer::access(MemorySpace space, uint64_t begin, uint64_t end, bool isWrite,
                  Pipe pipe, uint32_t seq, uint32_t inst, InitFn initialized) {
  size_t q = index(pipe);
  const VectorClock &clock = clocks[q];
  std::optional<Conflict> uninitialized;
  for (uint64_t g = begin / 32; g < (end + 31) / 32; ++g) {
    GranuleState &s = state(space, g);
    // An instruction whose own accesses overlap (overlapping repeats, a
    // burst copy to an unaligned address) does not conflict with itself.
    bool self = s.written && s.writePipe == q && s.writeSeq == seq;
    if (s.written && !self) {
      bool ordered = s.writePipe == q
                         ? selfOrdered[q] || barrierSeq[q] >= s.writeSeq
                         : clock[s.writePipe] >= s.writeSeq;
      if (!ordered)
        return Conflict{s.writePipe == q ? Conflict::SamePipeHazard
                                         : Conflict::Race,
                        static_cast<Pipe>(s.writePipe), s.writeInst, true, g};
    } else if (!isWrite && !uninitialized &&
               !(space == MemorySpace::GM && initialized(g))) {
      uninitialized = Conflict{Conflict::Uninitialized, pipe, inst, false, g};
    }
    if (isWrite) {
      for (size_t r = 0; r < kNumPipes; ++r)
        if (r != q && s.readSeq[r] > clock[r])
          return Conflict{Conflict::Race, static_cast<Pipe>(r), s.readInst[r],
                          false, g};
      s.written = true;
      s.writePipe = q;
      s.writeSeq = seq;
      s.writeInst = inst;
    } else {
      s.readSeq[q] = seq;
      s.readInst[q] = inst;
    }
  }
  return uninitialized;
}

} // namespace ascend::emu

#endif // ASCEND_LIB_EMULATOR_SANITIZER_H
