//===- MachineModel.h - One description of the NPU --------------*- C++ -*-===//
//
// The single description of the machine that both the compiler (buffer
// sizes, alignments, costs for tiling) and the emulator (capacities, timing)
// read. Presets are JSON files compiled into the library; users can load
// their own with MachineModel::fromJSON.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_MACHINE_MACHINEMODEL_H
#define ASCEND_MACHINE_MACHINEMODEL_H

#include "common/AscendEnums.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <array>
#include <string>
#include <vector>

namespace ascend {

struct BufferSpec {
  uint64_t size = 0;
  uint32_t alignment = 1;
};

/// A copy engine route between two memory spaces and its throughput.
struct DataPathSpec {
  MemorySpace src;
  MemorySpace dst;
  Pipe pipe;
  double bytesPerCycle;
  uint32_t setupCycles;
};

struct CubeSpec {
  /// Cycles to multiply one fractal triple (16 x K0 by K0 x 16).
  uint32_t f16CyclesPerFractal = 1;
  uint32_t f32CyclesPerFractal = 4;
  uint32_t latency = 0;
};

struct VectorSpec {
  uint32_t latency = 0;
  uint32_t repeatCycles = 1;
  /// Transcendental and division ops cost more per repeat.
  uint32_t slowRepeatCycles = 1;
  llvm::StringSet<> slowOps;
  /// vgather lanes served per cycle: each lane is a separate ub read at its
  /// own address, so a gather runs at the ub's random-access rate rather
  /// than a 256-byte repeat per cycle.
  uint32_t gatherLanesPerCycle = 8;
};

struct ScalarSpec {
  uint32_t cyclesPerInstruction = 1;
  uint32_t syncCycles = 1;
};

struct MachineModel {
  std::string name;
  std::string description;
  uint32_t cores = 1;
  double clockGHz = 1.0;
  /// Event ids available per (source pipe, destination pipe) pair.
  uint32_t eventIds = 4;
  uint32_t scalarRegisters = 32;
  /// Pipes whose instructions see the memory effects of earlier ones on the
  /// same pipe without a barrier (the cube accumulates into L0C in order).
  std::vector<Pipe> selfOrderedPipes;
  double hbmBytesPerCycle = 0;
  /// Indexed by MemorySpace; the gm entry holds the global memory size.
  std::array<BufferSpec, 6> buffers;
  std::vector<DataPathSpec> dataPaths;
  CubeSpec cube;
  VectorSpec vector;
  ScalarSpec scalar;

  const BufferSpec &getBuffer(MemorySpace space) const {
    return buffers[static_cast<size_t>(space)];
  }
  /// The route from `src` to `dst`, or null if the core has none.
  const DataPathSpec *findPath(MemorySpace src, MemorySpace dst) const;
  /// Peak cube multiply-accumulates per cycle per core in f16.
  double getPeakMacsPerCycle() const;

  /// Parses a machine description; errors name `sourceName` and the field.
  static llvm::Expected<MachineModel> fromJSON(llvm::StringRef text,
                                               llvm::StringRef sourceName);
  /// A built-in preset by name (see getPresetNames).
  static llvm::Expected<MachineModel> getPreset(llvm::StringRef name);
  static std::vector<llvm::StringRef> getPresetNames();
};

} // namespace ascend

#endif // ASCEND_MACHINE_MACHINEMODEL_H
